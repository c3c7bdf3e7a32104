// `order-agent guardrail check`: the prompt list it reads and the report it writes. Pure types.

/** Which side of the guardrail a prompt belongs on. */
export type PromptSide = 'on-topic' | 'off-topic';

/** One checked-in prompt. */
export interface GuardrailPrompt {
  readonly side: PromptSide;
  readonly prompt: string;
  /** On-topic: what the prompt stands for (order id, full address, return reason...). */
  readonly covers?: string;
  /** Off-topic: the denied topic meant to catch it (reported, not required: any block counts). */
  readonly topic?: string;
}

/** What the guardrail did with one prompt. */
export type GuardrailOutcome =
  /** Nothing intervened. */
  | 'passed'
  /** Intervened only to mask personal data (e-mail, phone): the message still reaches the agent. */
  | 'masked'
  /** Blocked: the user sees the blocked-input message. */
  | 'blocked';

/** ApplyGuardrail's answer for one prompt, as the check reads it. */
export interface GuardrailVerdict {
  readonly outcome: GuardrailOutcome;
  /** The policies that blocked it, e.g. `topic Programming`, `content VIOLENCE`, `pii CREDIT_DEBIT_CARD_NUMBER`. */
  readonly blockedBy: readonly string[];
  /** The policies that masked something, e.g. `pii EMAIL`. */
  readonly maskedBy: readonly string[];
}

/** One prompt's result: the verdict and whether it is the one its side expects. */
export interface PromptCheckResult extends GuardrailPrompt, GuardrailVerdict {
  readonly passed: boolean;
}

/** The whole run (`--json`). */
export interface GuardrailCheckReport {
  readonly guardrailId: string;
  readonly guardrailVersion: string;
  readonly promptsFile: string;
  readonly summary: { readonly prompts: number; readonly passed: number; readonly failed: number };
  readonly results: readonly PromptCheckResult[];
}
