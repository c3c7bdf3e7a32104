// Reads one trace event into plain steps, so the renderer (--trace) and the recorder (--json, eval) agree on
// what happened without each walking the SDK's nested unions.
import type {
  GuardrailAssessment,
  Metadata,
  RetrievedReference,
  TracePart,
} from '@aws-sdk/client-bedrock-agent-runtime';
import type { OperationCatalog } from '../schema/operation-catalog';
import type { ActionCall } from '../types';

export type TraceStep =
  | { readonly kind: 'pre-processing'; readonly valid?: boolean; readonly rationale?: string }
  | { readonly kind: 'rationale'; readonly text: string }
  | ({ readonly kind: 'action-call' } & Omit<ActionCall, 'confirmation' | 'output'>)
  | { readonly kind: 'action-output'; readonly text: string }
  | { readonly kind: 'kb-lookup'; readonly knowledgeBaseId?: string; readonly query?: string }
  | { readonly kind: 'kb-results'; readonly sources: string[]; readonly count: number }
  | { readonly kind: 'reprompt'; readonly text: string }
  | { readonly kind: 'final-response'; readonly text: string }
  | {
      readonly kind: 'model-usage';
      readonly phase: string;
      readonly inputTokens: number;
      readonly outputTokens: number;
    }
  | { readonly kind: 'guardrail'; readonly action: string; readonly findings: string[] }
  | { readonly kind: 'failure'; readonly reason: string; readonly code?: number }
  /** A trace (or part of one) this reader does not understand, as JSON text: shown raw, never fatal. */
  | { readonly kind: 'unreadable'; readonly raw: string };

/**
 * The steps of one trace event. It never throws: the service adds trace shapes over time, and a trace the CLI
 * cannot read must not cost the user the answer. What it cannot read comes back as one `unreadable` step.
 */
export function traceSteps(part: TracePart, catalog: OperationCatalog): TraceStep[] {
  try {
    return readSteps(part, catalog);
  } catch {
    return [{ kind: 'unreadable', raw: rawText(part) }];
  }
}

/** JSON of anything (cycles, BigInt and all), for showing a trace as it came. */
export function rawText(value: unknown): string {
  try {
    return (
      JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? String(item) : item)) ??
      String(value)
    );
  } catch {
    try {
      return String(value);
    } catch {
      return '(a trace that cannot be shown)';
    }
  }
}

function readSteps(part: TracePart, catalog: OperationCatalog): TraceStep[] {
  const trace = part.trace;
  if (!trace) return [];
  const steps: TraceStep[] = [];
  if (trace.preProcessingTrace) {
    const output = trace.preProcessingTrace.modelInvocationOutput;
    if (output?.parsedResponse) {
      steps.push({
        kind: 'pre-processing',
        ...(output.parsedResponse.isValid !== undefined ? { valid: output.parsedResponse.isValid } : {}),
        ...(output.parsedResponse.rationale ? { rationale: output.parsedResponse.rationale } : {}),
      });
    }
    pushUsage(steps, 'pre-processing', output?.metadata);
  }
  if (trace.orchestrationTrace) {
    const orchestration = trace.orchestrationTrace;
    if (orchestration.rationale?.text) steps.push({ kind: 'rationale', text: orchestration.rationale.text });
    const invocation = orchestration.invocationInput;
    if (invocation?.actionGroupInvocationInput) {
      const input = invocation.actionGroupInvocationInput;
      const call = {
        ...(input.verb ? { httpMethod: input.verb.toUpperCase() } : {}),
        ...(input.apiPath ? { apiPath: input.apiPath } : {}),
        ...(input.function ? { functionName: input.function } : {}),
      };
      steps.push({
        kind: 'action-call',
        actionGroup: input.actionGroupName ?? '',
        operation: catalog.nameFor(call),
        ...call,
        parameters: toRecord(input.parameters),
        body: toRecord(input.requestBody?.content?.['application/json']),
      });
    }
    if (invocation?.knowledgeBaseLookupInput) {
      const lookup = invocation.knowledgeBaseLookupInput;
      steps.push({
        kind: 'kb-lookup',
        ...(lookup.knowledgeBaseId ? { knowledgeBaseId: lookup.knowledgeBaseId } : {}),
        ...(lookup.text ? { query: lookup.text } : {}),
      });
    }
    const observation = orchestration.observation;
    if (observation?.actionGroupInvocationOutput) {
      steps.push({ kind: 'action-output', text: observation.actionGroupInvocationOutput.text ?? '' });
    }
    if (observation?.knowledgeBaseLookupOutput) {
      const references = observation.knowledgeBaseLookupOutput.retrievedReferences ?? [];
      steps.push({ kind: 'kb-results', sources: sourcesOf(references), count: references.length });
    }
    if (observation?.repromptResponse?.text)
      steps.push({ kind: 'reprompt', text: observation.repromptResponse.text });
    if (observation?.finalResponse?.text)
      steps.push({ kind: 'final-response', text: observation.finalResponse.text });
    pushUsage(steps, 'orchestration', orchestration.modelInvocationOutput?.metadata);
  }
  if (trace.postProcessingTrace) {
    pushUsage(steps, 'post-processing', trace.postProcessingTrace.modelInvocationOutput?.metadata);
  }
  if (trace.routingClassifierTrace) {
    pushUsage(steps, 'routing', trace.routingClassifierTrace.modelInvocationOutput?.metadata);
  }
  if (trace.guardrailTrace) {
    const guardrail = trace.guardrailTrace;
    steps.push({
      kind: 'guardrail',
      action: guardrail.action ?? 'NONE',
      findings: [
        ...findings('input', guardrail.inputAssessments),
        ...findings('output', guardrail.outputAssessments),
      ],
    });
  }
  if (trace.failureTrace) {
    steps.push({
      kind: 'failure',
      reason: trace.failureTrace.failureReason ?? 'unknown failure',
      ...(trace.failureTrace.failureCode !== undefined ? { code: trace.failureTrace.failureCode } : {}),
    });
  }
  return steps;
}

/** Where retrieved passages came from: S3 URI, web URL, or whatever location kind is set. */
export function sourcesOf(references: readonly RetrievedReference[]): string[] {
  const sources = references.map((reference) => {
    const location = reference.location;
    return (
      location?.s3Location?.uri ??
      location?.webLocation?.url ??
      location?.confluenceLocation?.url ??
      location?.salesforceLocation?.url ??
      location?.sharePointLocation?.url ??
      location?.customDocumentLocation?.id ??
      location?.type ??
      'unknown source'
    );
  });
  return [...new Set(sources)];
}

/**
 * `[{ name, value }]` as a record. Bedrock sends parameter lists, but request bodies arrive both as a list and
 * as `{ properties: [...] }`; both are read, and anything else gives an empty record rather than an error.
 */
export function toRecord(parameters: unknown): Record<string, string> {
  const list = Array.isArray(parameters)
    ? parameters
    : isObject(parameters) && Array.isArray(parameters.properties)
      ? parameters.properties
      : [];
  const record: Record<string, string> = {};
  for (const parameter of list as unknown[]) {
    if (!isObject(parameter) || typeof parameter.name !== 'string' || parameter.name === '') continue;
    const value = parameter.value;
    record[parameter.name] = typeof value === 'string' ? value : value === undefined ? '' : rawText(value);
  }
  return record;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function pushUsage(steps: TraceStep[], phase: string, metadata: Metadata | undefined): void {
  const usage = metadata?.usage;
  if (!usage) return;
  steps.push({
    kind: 'model-usage',
    phase,
    inputTokens: usage.inputTokens ?? 0,
    outputTokens: usage.outputTokens ?? 0,
  });
}

function findings(where: string, assessments: readonly GuardrailAssessment[] | undefined): string[] {
  const found: string[] = [];
  for (const assessment of assessments ?? []) {
    for (const topic of assessment.topicPolicy?.topics ?? []) {
      found.push(`${where}: denied topic "${topic.name ?? '?'}" (${topic.action ?? '?'})`);
    }
    for (const filter of assessment.contentPolicy?.filters ?? []) {
      found.push(
        `${where}: content filter ${filter.type ?? '?'} ${filter.confidence ?? ''} (${filter.action ?? '?'})`,
      );
    }
    for (const word of assessment.wordPolicy?.customWords ?? []) {
      found.push(`${where}: word "${word.match ?? '?'}" (${word.action ?? '?'})`);
    }
    for (const word of assessment.wordPolicy?.managedWordLists ?? []) {
      found.push(`${where}: ${word.type ?? 'managed'} word "${word.match ?? '?'}" (${word.action ?? '?'})`);
    }
    for (const entity of assessment.sensitiveInformationPolicy?.piiEntities ?? []) {
      found.push(`${where}: PII ${entity.type ?? '?'} (${entity.action ?? '?'})`);
    }
    for (const regex of assessment.sensitiveInformationPolicy?.regexes ?? []) {
      found.push(`${where}: pattern ${regex.name ?? regex.regex ?? '?'} (${regex.action ?? '?'})`);
    }
  }
  return found.map((line) => line.replace(/\s+\(/g, ' ('));
}
