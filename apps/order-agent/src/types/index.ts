export type { CliIo, Command } from './cli';
export type {
  ActionCall,
  ConfirmationAnswer,
  ConfirmationRequest,
  KnowledgeBaseLookup,
  TokenUsage,
  TurnCitation,
  TurnResult,
} from './turn';
export type { Expectations, ExpectedCall, Scenario, ScenarioTurn } from './scenario';
export type { EvalReport, ExpectationResult, ScenarioResult, TurnReport } from './report';
