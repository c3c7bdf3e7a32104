import type { TracePart } from '@aws-sdk/client-bedrock-agent-runtime';

export type ConfirmationAnswer = 'CONFIRM' | 'DENY';

/** What the agent asks the user to confirm (one `USER_CONFIRMATION` invocation input of a returnControl event). */
export interface ConfirmationRequest {
  readonly invocationId: string;
  readonly actionGroup: string;
  /** The schema's operationId when the route is known, else the function name or `METHOD /path`. */
  readonly operation: string;
  /** Set for OpenAPI action groups; upper-case, for display and matching. */
  readonly httpMethod?: string;
  /** The method exactly as the service sent it (seen lower-case), echoed in the answer. */
  readonly sentHttpMethod?: string;
  readonly apiPath?: string;
  /** Set for function-details action groups. */
  readonly functionName?: string;
  /** Set when a collaborator agent asks; echoed in the answer. */
  readonly agentId?: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly body: Readonly<Record<string, string>>;
}

/** One action the agent asked for in a turn, as seen in traces and returnControl events. */
export interface ActionCall {
  readonly actionGroup: string;
  /** The schema's operationId when the route is known, else the function name or `METHOD /path`. */
  readonly operation: string;
  readonly httpMethod?: string;
  readonly apiPath?: string;
  readonly functionName?: string;
  /** Path, query and header parameters, values as strings as Bedrock sends them. */
  readonly parameters: Record<string, string>;
  /** Request body properties, flattened as Bedrock sends them. */
  readonly body: Record<string, string>;
  /** Set when the user was asked to confirm this call; `DENY` means it did not run. */
  confirmation?: ConfirmationAnswer | 'REQUESTED';
  /** The action's output as the agent observed it (the response body text). */
  output?: string;
}

export interface KnowledgeBaseLookup {
  readonly knowledgeBaseId?: string;
  readonly query?: string;
  /** Source locations (S3 URIs, URLs) of the passages retrieved; filled when the observation arrives. */
  sources: string[];
  resultCount?: number;
}

export interface TurnCitation {
  /** The part of the answer the citation supports. */
  readonly text?: string;
  readonly sources: string[];
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  modelCalls: number;
}

/** Everything one `invoke` turn produced, including the follow-up calls that answered confirmations. */
export interface TurnResult {
  readonly sessionId: string;
  readonly answer: string;
  readonly citations: TurnCitation[];
  readonly actionCalls: ActionCall[];
  readonly knowledgeBaseLookups: KnowledgeBaseLookup[];
  readonly confirmations: Array<ConfirmationRequest & { readonly answer: ConfirmationAnswer }>;
  readonly guardrailInterventions: string[];
  readonly failures: string[];
  readonly usage: TokenUsage;
  /** The raw trace events, as the SDK decoded them. */
  readonly traces: TracePart[];
}
