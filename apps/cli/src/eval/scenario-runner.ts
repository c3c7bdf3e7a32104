import { randomUUID } from 'node:crypto';
import type { AgentInvoker, TurnObserver } from '../agent/agent-invoker';
import type { TraceRenderer } from '../agent/trace-renderer';
import { TurnRecorder } from '../agent/turn-recorder';
import { toCliError } from '../errors';
import type { OperationCatalog } from '../schema/operation-catalog';
import type { ConfirmationAnswer, ExpectationResult, Scenario, ScenarioResult, TurnReport } from '../types';
import { checkExpectations } from './expectations';

/** Plays scenarios against the agent, one fresh session each, with traces on. */
export class ScenarioRunner {
  constructor(
    private readonly invoker: AgentInvoker,
    private readonly catalog: OperationCatalog,
    /** Set under --trace: renders every turn's orchestration. */
    private readonly renderer?: TraceRenderer,
    private readonly onRetry?: TurnObserver['onRetry'],
  ) {}

  /** Plays `scenario` as its customer, else as `defaultCustomerId` (else with no customer signed in). */
  async run(scenario: Scenario, defaultCustomerId?: string): Promise<ScenarioResult> {
    const sessionId = `eval-${randomUUID()}`;
    const customerId = scenario.customerId ?? defaultCustomerId;
    const sessionAttributes = customerId !== undefined ? { sessionAttributes: { customerId } } : {};
    const turns: TurnReport[] = [];
    for (const turn of scenario.turns) {
      this.renderer?.note(`${scenario.name}: user: ${turn.user}`);
      const recorder = new TurnRecorder(sessionId, this.catalog);
      const unanswered: string[] = [];
      const decide = async (request: { operation: string }): Promise<ConfirmationAnswer> => {
        if (turn.confirm) return turn.confirm;
        unanswered.push(request.operation);
        return 'DENY';
      };
      const observer: TurnObserver = {
        onSessionId: (id) => recorder.onSessionId(id),
        onText: (text) => recorder.onText(text),
        onCitations: (citations) => recorder.onCitations(citations),
        onTrace: (part) => {
          recorder.onTrace(part);
          this.renderer?.render(part);
        },
        onConfirmationRequested: (request) => recorder.onConfirmationRequested(request),
        onConfirmationAnswered: (request, answer) => recorder.onConfirmationAnswered(request, answer),
        ...(this.onRetry ? { onRetry: this.onRetry } : {}),
      };
      const started = Date.now();
      let error: string | undefined;
      try {
        await this.invoker.runTurn(
          { sessionId, inputText: turn.user, enableTrace: true, ...sessionAttributes },
          observer,
          decide,
        );
      } catch (caught) {
        error = toCliError(caught).message;
      }
      const result = recorder.result();
      const expectations: ExpectationResult[] = [];
      if (error)
        expectations.push({ expectation: 'turn completes without error', passed: false, detail: error });
      if (unanswered.length > 0) {
        expectations.push({
          expectation: 'no confirmation request without a confirm answer',
          passed: false,
          detail: `the agent asked to confirm ${unanswered.join(', ')}; the turn has no "confirm", so it was denied`,
        });
      }
      expectations.push(...(error ? [] : checkExpectations(turn.expect, result)));
      turns.push({
        user: turn.user,
        answer: result.answer,
        actionCalls: result.actionCalls,
        knowledgeBaseLookups: result.knowledgeBaseLookups,
        confirmations: result.confirmations.map(({ operation, answer }) => ({ operation, answer })),
        guardrailInterventions: result.guardrailInterventions,
        usage: result.usage,
        durationMs: Date.now() - started,
        ...(error ? { error } : {}),
        expectations,
      });
      if (error) break;
    }
    const passed =
      turns.length === scenario.turns.length &&
      turns.every((turn) => turn.expectations.every((check) => check.passed));
    return {
      name: scenario.name,
      file: scenario.file,
      sessionId,
      ...(customerId !== undefined ? { customerId } : {}),
      passed,
      turns,
    };
  }
}
