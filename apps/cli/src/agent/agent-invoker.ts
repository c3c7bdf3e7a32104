import {
  type Citation,
  type InvocationResultMember,
  InvokeAgentCommand,
  type InvokeAgentCommandInput,
  type ReturnControlPayload,
  type SessionState,
  type TracePart,
} from '@aws-sdk/client-bedrock-agent-runtime';
import type { AgentTarget } from '../config/agent-target';
import { CliError, ErrorKind, isThrottling, midStreamError } from '../errors';
import { StreamWatchdog } from '../network/stream-watchdog';
import type { OperationCatalog } from '../schema/operation-catalog';
import type { ConfirmationAnswer, ConfirmationRequest } from '../types';
import { confirmationRequestsOf } from './confirmation-requests';
import type { AgentRuntime } from './runtime-client';

/** Receives a turn's stream as it arrives. Every method is optional. */
export interface TurnObserver {
  onSessionId?(sessionId: string): void;
  onText?(text: string): void;
  onCitations?(citations: readonly Citation[]): void;
  onTrace?(part: TracePart): void;
  onConfirmationRequested?(request: ConfirmationRequest): void;
  onConfirmationAnswered?(request: ConfirmationRequest, answer: ConfirmationAnswer): void;
  onRetry?(retry: {
    readonly attempt: number;
    readonly maxRetries: number;
    readonly delayMs: number;
    readonly reason: string;
  }): void;
}

/** Decides each confirmation the agent asks for (a prompt, a flag, or a scenario's answer). */
export type ConfirmationDecider = (request: ConfirmationRequest) => Promise<ConfirmationAnswer>;

export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** First backoff; doubled each retry, with jitter. */
  readonly baseDelayMs: number;
}

export interface TurnRequest {
  readonly sessionId: string;
  /** The user's text; undefined only for a confirmation follow-up. */
  readonly inputText?: string;
  readonly endSession?: boolean;
  readonly enableTrace: boolean;
  /**
   * Sent as sessionState.sessionAttributes with every call of the turn, e.g. `{ customerId }`: what the
   * application that signed the user in vouches for. Bedrock passes them to the action Lambda unchanged.
   */
  readonly sessionAttributes?: Readonly<Record<string, string>>;
}

/** Confirmation rounds per turn before the CLI stops answering: a guard against a looping agent. */
const MAX_RETURN_CONTROL_ROUNDS = 10;
const MAX_BACKOFF_MS = 20_000;

/**
 * Runs one user turn against an agent alias: streams the answer, answers USER_CONFIRMATION returnControl events
 * on the same session, and retries throttling that arrives before anything was shown or done.
 */
export class AgentInvoker {
  constructor(
    private readonly runtime: AgentRuntime,
    private readonly target: AgentTarget,
    private readonly catalog: OperationCatalog,
    private readonly retry: RetryPolicy,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((done) => setTimeout(done, ms)),
  ) {}

  async runTurn(request: TurnRequest, observer: TurnObserver, decide: ConfirmationDecider): Promise<void> {
    let results: SessionState | undefined;
    const attributes = request.sessionAttributes
      ? { sessionAttributes: { ...request.sessionAttributes } }
      : {};
    for (let round = 0; round < MAX_RETURN_CONTROL_ROUNDS; round += 1) {
      const sessionState: SessionState = { ...attributes, ...results };
      const input: InvokeAgentCommandInput = {
        agentId: this.target.agentId,
        agentAliasId: this.target.agentAliasId,
        sessionId: request.sessionId,
        enableTrace: request.enableTrace,
        streamingConfigurations: { streamFinalResponse: true },
        ...(Object.keys(sessionState).length > 0 ? { sessionState } : {}),
        ...(results ? {} : { inputText: request.inputText }),
        ...(request.endSession && !results ? { endSession: true } : {}),
      };
      const returnControl = await this.invokeWithRetry(input, observer);
      if (!returnControl) return;
      results = await this.answerReturnControl(returnControl, observer, decide);
    }
    throw new CliError(
      ErrorKind.FAILURE,
      `the agent asked for confirmation ${MAX_RETURN_CONTROL_ROUNDS} times in one turn; stopped answering`,
    );
  }

  private async answerReturnControl(
    payload: ReturnControlPayload,
    observer: TurnObserver,
    decide: ConfirmationDecider,
  ): Promise<SessionState> {
    const results: InvocationResultMember[] = [];
    for (const request of confirmationRequestsOf(payload, this.catalog)) {
      observer.onConfirmationRequested?.(request);
      const answer = await decide(request);
      observer.onConfirmationAnswered?.(request, answer);
      // Echo what the service sent, exactly (httpMethod arrives lower-case; a collaborator's request names its
      // agentId), so the answer matches the request it answers.
      const agent = request.agentId ? { agentId: request.agentId } : {};
      results.push(
        request.functionName
          ? {
              functionResult: {
                actionGroup: request.actionGroup,
                function: request.functionName,
                confirmationState: answer,
                ...agent,
              },
            }
          : {
              apiResult: {
                actionGroup: request.actionGroup,
                apiPath: request.apiPath,
                httpMethod: request.sentHttpMethod ?? request.httpMethod,
                confirmationState: answer,
                ...agent,
              },
            },
      );
    }
    return { invocationId: payload.invocationId, returnControlInvocationResults: results };
  }

  private async invokeWithRetry(
    input: InvokeAgentCommandInput,
    observer: TurnObserver,
  ): Promise<ReturnControlPayload | undefined> {
    for (let attempt = 0; ; attempt += 1) {
      const progress = { shownOrDone: false };
      try {
        return await this.invokeOnce(input, observer, progress);
      } catch (error) {
        // Retrying after text was shown would repeat it; after an action ran it could repeat the action.
        if (!isThrottling(error) || progress.shownOrDone || attempt >= this.retry.maxRetries) throw error;
        const delayMs = this.backoff(attempt);
        observer.onRetry?.({
          attempt: attempt + 1,
          maxRetries: this.retry.maxRetries,
          delayMs,
          reason: (error as Error).name,
        });
        await this.sleep(delayMs);
      }
    }
  }

  private async invokeOnce(
    input: InvokeAgentCommandInput,
    observer: TurnObserver,
    progress: { shownOrDone: boolean },
  ): Promise<ReturnControlPayload | undefined> {
    const { client, guard, timeouts } = this.runtime;
    const watchdog = new StreamWatchdog(
      timeouts,
      () => guard.endpoint ?? 'the agent runtime endpoint',
      'InvokeAgent',
    );
    let events = 0;
    watchdog.start();
    try {
      const response = await client.send(new InvokeAgentCommand(input), { abortSignal: watchdog.signal });
      if (response.sessionId) observer.onSessionId?.(response.sessionId);
      let returnControl: ReturnControlPayload | undefined;
      for await (const event of response.completion ?? []) {
        watchdog.onEvent();
        events += 1;
        if (event.chunk) {
          const text = event.chunk.bytes ? Buffer.from(event.chunk.bytes).toString('utf8') : '';
          if (text) {
            progress.shownOrDone = true;
            observer.onText?.(text);
          }
          const citations = event.chunk.attribution?.citations;
          if (citations && citations.length > 0) observer.onCitations?.(citations);
        } else if (event.trace) {
          if (event.trace.trace?.orchestrationTrace?.observation?.actionGroupInvocationOutput) {
            progress.shownOrDone = true;
          }
          observer.onTrace?.(event.trace);
        } else if (event.returnControl) {
          progress.shownOrDone = true;
          returnControl = event.returnControl;
        }
      }
      if (watchdog.expired) throw watchdog.expired;
      return returnControl;
    } catch (error) {
      if (watchdog.expired) throw watchdog.expired;
      // An error after the stream began is not about the agent or the request (those fail before any event).
      throw events > 0 ? midStreamError(error) : error;
    } finally {
      watchdog.stop();
    }
  }

  private backoff(attempt: number): number {
    const ceiling = Math.min(MAX_BACKOFF_MS, this.retry.baseDelayMs * 2 ** attempt);
    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
  }
}
