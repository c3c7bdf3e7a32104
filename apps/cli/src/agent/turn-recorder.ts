import type { Citation, TracePart } from '@aws-sdk/client-bedrock-agent-runtime';
import type { OperationCatalog } from '../schema/operation-catalog';
import type {
  ActionCall,
  ConfirmationAnswer,
  ConfirmationRequest,
  KnowledgeBaseLookup,
  TurnCitation,
  TurnResult,
} from '../types';
import type { TurnObserver } from './agent-invoker';
import { sourcesOf, type TraceStep, traceSteps } from './trace-steps';

/** Folds one turn's stream (chunks, traces, confirmations) into a TurnResult for --json and eval. */
export class TurnRecorder implements TurnObserver {
  private answer = '';
  private readonly citations: TurnCitation[] = [];
  private readonly actionCalls: ActionCall[] = [];
  private readonly knowledgeBaseLookups: KnowledgeBaseLookup[] = [];
  private readonly confirmations: Array<ConfirmationRequest & { answer: ConfirmationAnswer }> = [];
  private readonly guardrailInterventions: string[] = [];
  private readonly failures: string[] = [];
  private readonly usage = { inputTokens: 0, outputTokens: 0, modelCalls: 0 };
  private readonly traces: TracePart[] = [];

  constructor(
    private sessionId: string,
    private readonly catalog: OperationCatalog,
  ) {}

  onSessionId(sessionId: string): void {
    this.sessionId = sessionId;
  }

  onText(text: string): void {
    this.answer += text;
  }

  onCitations(citations: readonly Citation[]): void {
    for (const citation of citations) {
      const text = citation.generatedResponsePart?.textResponsePart?.text;
      this.citations.push({
        ...(text ? { text } : {}),
        sources: sourcesOf(citation.retrievedReferences ?? []),
      });
    }
  }

  onConfirmationRequested(request: ConfirmationRequest): void {
    const pending = this.lastCall(
      (call) => sameCall(call, request) && call.output === undefined && !call.confirmation,
    );
    if (pending) pending.confirmation = 'REQUESTED';
    else this.actionCalls.push({ ...copyCall(request), confirmation: 'REQUESTED' });
  }

  onConfirmationAnswered(request: ConfirmationRequest, answer: ConfirmationAnswer): void {
    this.confirmations.push({ ...request, answer });
    const requested = this.lastCall((call) => sameCall(call, request) && call.confirmation === 'REQUESTED');
    if (requested) requested.confirmation = answer;
  }

  /** Never throws: a step of an unexpected shape is skipped here and kept, as received, in `traces`. */
  onTrace(part: TracePart): void {
    this.traces.push(part);
    for (const step of traceSteps(part, this.catalog)) {
      try {
        this.record(step);
      } catch {
        // Kept raw in traces; the answer goes on.
      }
    }
  }

  private record(step: TraceStep): void {
    switch (step.kind) {
      case 'action-call': {
        // After a confirmation the service runs the call it asked about; do not count it twice.
        const confirmed = this.lastCall(
          (call) => sameCall(call, step) && call.confirmation === 'CONFIRM' && call.output === undefined,
        );
        if (!confirmed) this.actionCalls.push(copyCall(step));
        break;
      }
      case 'action-output': {
        const open = this.lastCall((call) => call.output === undefined && call.confirmation !== 'DENY');
        if (open) open.output = step.text;
        break;
      }
      case 'kb-lookup':
        this.knowledgeBaseLookups.push({
          ...(step.knowledgeBaseId ? { knowledgeBaseId: step.knowledgeBaseId } : {}),
          ...(step.query ? { query: step.query } : {}),
          sources: [],
        });
        break;
      case 'kb-results': {
        const lookup = this.knowledgeBaseLookups.at(-1) ?? { sources: [] };
        if (this.knowledgeBaseLookups.length === 0) this.knowledgeBaseLookups.push(lookup);
        lookup.sources = [...new Set([...lookup.sources, ...step.sources])];
        lookup.resultCount = (lookup.resultCount ?? 0) + step.count;
        break;
      }
      case 'model-usage':
        this.usage.inputTokens += step.inputTokens;
        this.usage.outputTokens += step.outputTokens;
        this.usage.modelCalls += 1;
        break;
      case 'guardrail':
        if (step.action === 'INTERVENED') {
          this.guardrailInterventions.push(
            step.findings.length > 0 ? step.findings.join('; ') : 'intervened',
          );
        }
        break;
      case 'failure':
        this.failures.push(step.code !== undefined ? `${step.code}: ${step.reason}` : step.reason);
        break;
      default:
        break;
    }
  }

  result(): TurnResult {
    return {
      sessionId: this.sessionId,
      answer: this.answer,
      citations: this.citations,
      actionCalls: this.actionCalls,
      knowledgeBaseLookups: this.knowledgeBaseLookups,
      confirmations: this.confirmations,
      guardrailInterventions: this.guardrailInterventions,
      failures: this.failures,
      usage: { ...this.usage },
      traces: this.traces,
    };
  }

  private lastCall(predicate: (call: ActionCall) => boolean): ActionCall | undefined {
    for (let index = this.actionCalls.length - 1; index >= 0; index -= 1) {
      const call = this.actionCalls[index];
      if (call && predicate(call)) return call;
    }
    return undefined;
  }
}

type CallShape = Pick<ActionCall, 'actionGroup' | 'operation' | 'httpMethod' | 'apiPath' | 'functionName'> & {
  readonly parameters: Readonly<Record<string, string>>;
  readonly body: Readonly<Record<string, string>>;
};

function copyCall(source: CallShape): ActionCall {
  return {
    actionGroup: source.actionGroup,
    operation: source.operation,
    ...(source.httpMethod ? { httpMethod: source.httpMethod } : {}),
    ...(source.apiPath ? { apiPath: source.apiPath } : {}),
    ...(source.functionName ? { functionName: source.functionName } : {}),
    parameters: { ...source.parameters },
    body: { ...source.body },
  };
}

function sameCall(call: ActionCall, other: CallShape): boolean {
  return call.operation === other.operation && call.actionGroup === other.actionGroup;
}
