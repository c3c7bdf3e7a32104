import type { ConfirmationAnswer } from './turn';

/** An operation the agent must call in a turn; `parameters` is a subset of what it sent (path, query and body). */
export interface ExpectedCall {
  readonly operation: string;
  readonly parameters?: Readonly<Record<string, string>>;
}

/** What must hold after one turn. Every key is optional; each present key is one checked expectation. */
export interface Expectations {
  /** Each operation must have been called (and not denied), with at least these parameter values. */
  readonly called?: readonly ExpectedCall[];
  /** None of these operations may have run (a denied confirmation does not count as a run). */
  readonly notCalled?: readonly string[];
  /** The agent must have asked the user to confirm this operation. */
  readonly confirmationRequested?: string;
  /** Case-insensitive substrings the answer must contain. */
  readonly answerContains?: readonly string[];
  /** Case-insensitive substrings the answer must not contain. */
  readonly answerNotContains?: readonly string[];
  /** Whether the agent must (true) or must not (false) have looked something up in a knowledge base. */
  readonly knowledgeBaseUsed?: boolean;
  /** Whether a guardrail must (true) or must not (false) have intervened. */
  readonly guardrailIntervened?: boolean;
}

export interface ScenarioTurn {
  readonly user: string;
  /** The answer to give if the agent asks for confirmation in this turn. */
  readonly confirm?: ConfirmationAnswer;
  readonly expect: Expectations;
}

export interface Scenario {
  readonly name: string;
  readonly description?: string;
  /**
   * The signed-in customer the scenario runs as (sent as the session attribute customerId); eval's
   * --customer-id is the default for scenarios without one.
   */
  readonly customerId?: string;
  /** The file it was read from, as given on the command line. */
  readonly file: string;
  readonly turns: readonly ScenarioTurn[];
}
