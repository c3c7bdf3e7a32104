export type { CliIo, Command } from './cli';
export type {
  GuardrailCheckReport,
  GuardrailOutcome,
  GuardrailPrompt,
  GuardrailVerdict,
  PromptCheckResult,
  PromptSide,
} from './guardrail';
export type { EvalReport, ExpectationResult, ScenarioResult, TurnReport } from './report';
export type { Expectations, ExpectedCall, Scenario, ScenarioTurn } from './scenario';
export type {
  ActionCall,
  ConfirmationAnswer,
  ConfirmationRequest,
  KnowledgeBaseLookup,
  TokenUsage,
  TurnCitation,
  TurnResult,
} from './turn';
