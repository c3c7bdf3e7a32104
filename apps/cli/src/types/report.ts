import type { ActionCall, ConfirmationAnswer, KnowledgeBaseLookup, TokenUsage } from './turn';

export interface ExpectationResult {
  /** What was expected, in words, e.g. `called getOrderStatus {orderId: ORD-1001}`. */
  readonly expectation: string;
  readonly passed: boolean;
  /** Why it failed (what was seen instead); empty when it passed. */
  readonly detail: string;
}

export interface TurnReport {
  readonly user: string;
  readonly answer: string;
  readonly actionCalls: ActionCall[];
  readonly knowledgeBaseLookups: KnowledgeBaseLookup[];
  readonly confirmations: Array<{ readonly operation: string; readonly answer: ConfirmationAnswer }>;
  readonly guardrailInterventions: string[];
  readonly usage: TokenUsage;
  readonly durationMs: number;
  /** Set when the turn ended in an error; the scenario's later turns are then skipped. */
  readonly error?: string;
  readonly expectations: ExpectationResult[];
}

export interface ScenarioResult {
  readonly name: string;
  readonly file: string;
  readonly sessionId: string;
  /** The signed-in customer it ran as (session attribute customerId); absent when none. */
  readonly customerId?: string;
  readonly passed: boolean;
  readonly turns: TurnReport[];
}

export interface EvalReport {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly agentId: string;
  readonly agentAliasId: string;
  readonly summary: {
    readonly scenarios: number;
    readonly scenariosPassed: number;
    readonly expectations: number;
    readonly expectationsPassed: number;
  };
  readonly scenarios: ScenarioResult[];
}
