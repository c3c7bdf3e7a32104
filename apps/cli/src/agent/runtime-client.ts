import { BedrockAgentRuntimeClient, InvokeAgentCommand } from '@aws-sdk/client-bedrock-agent-runtime';
import type { AgentTarget } from '../config/agent-target';
import { ConfigError } from '../errors';
import { type AwsSettings, sdkClientConfig } from '../network/aws-settings';
import { EndpointGuard } from '../network/endpoint-guard';
import type { NetworkTimeouts } from '../network/network-timeouts';
import { preflightProblems } from '../network/preflight';
import type { CliIo } from '../types';
import type { RetryPolicy } from './agent-invoker';

export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_RETRY_BASE_MS = 1000;

/** A runtime client with the CLI's network timeouts around it. */
export interface AgentRuntime {
  readonly client: BedrockAgentRuntimeClient;
  readonly guard: EndpointGuard;
  readonly timeouts: NetworkTimeouts;
}

/**
 * A runtime client configured the standard SDK way: credentials, endpoint (AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME,
 * AWS_ENDPOINT_URL, profile `endpoint_url`) and, unless the target or a flag names one, region all come from the
 * SDK's own provider chains. The SDK reads those from the process environment, not from CliIo.env. Retries are
 * not the SDK's: see {@link RetryPolicy}.
 */
export function createAgentRuntime(target: AgentTarget, settings: AwsSettings): AgentRuntime {
  const client = new BedrockAgentRuntimeClient({
    ...sdkClientConfig(settings, target.region),
    // The SDK would retry throttling that arrives as the stream's first event on its own, invisibly and on top
    // of ours; one visible, bounded policy (AgentInvoker, --max-retries) is easier to reason about.
    maxAttempts: 1,
  });
  // Streamed answers are timed by AgentInvoker's watchdog (first event, then idle between events).
  const guard = EndpointGuard.install(client, settings.timeouts, { limitResponses: false });
  return { client, guard, timeouts: settings.timeouts };
}

/** Retries from --max-retries; the first backoff from ORDER_AGENT_RETRY_BASE_MS. */
export function retryPolicy(maxRetries: number, io: CliIo): RetryPolicy {
  const base = io.env.ORDER_AGENT_RETRY_BASE_MS;
  if (base !== undefined && !/^\d+$/.test(base)) {
    throw new ConfigError(`ORDER_AGENT_RETRY_BASE_MS must be a whole number of milliseconds, got "${base}"`);
  }
  return { maxRetries, baseDelayMs: base === undefined ? DEFAULT_RETRY_BASE_MS : Number(base) };
}

/**
 * Region and credentials as the SDK resolves them, and with `endpoint` the runtime endpoint's connection,
 * checked before anything is sent: one problem per entry, empty when ready.
 */
export function runtimeProblems(
  runtime: AgentRuntime,
  target: AgentTarget,
  options: { readonly endpoint: boolean },
): Promise<string[]> {
  const probe = options.endpoint
    ? new InvokeAgentCommand({
        agentId: target.agentId,
        agentAliasId: target.agentAliasId,
        sessionId: 'preflight',
        inputText: 'preflight',
      })
    : undefined;
  return preflightProblems(runtime.client, runtime.guard, probe);
}
