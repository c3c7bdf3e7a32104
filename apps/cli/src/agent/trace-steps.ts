// Reads one trace event into plain steps, so the renderer (--trace) and the recorder (--json, eval) agree on
// what happened without each walking the SDK's nested unions.
import type {
  GuardrailAssessment,
  Metadata,
  Parameter,
  RetrievedReference,
  TracePart,
} from '@aws-sdk/client-bedrock-agent-runtime';
import type { OperationCatalog } from '../schema/operation-catalog';

export type TraceStep =
  | { readonly kind: 'pre-processing'; readonly valid?: boolean; readonly rationale?: string }
  | { readonly kind: 'rationale'; readonly text: string }
  | {
      readonly kind: 'action-call';
      readonly actionGroup: string;
      readonly operation: string;
      readonly httpMethod?: string;
      readonly apiPath?: string;
      readonly functionName?: string;
      readonly parameters: Record<string, string>;
      readonly body: Record<string, string>;
    }
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
  | { readonly kind: 'failure'; readonly reason: string; readonly code?: number };

export function traceSteps(part: TracePart, catalog: OperationCatalog): TraceStep[] {
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

export function toRecord(parameters: readonly Parameter[] | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  for (const parameter of parameters ?? []) {
    if (parameter.name) record[parameter.name] = parameter.value ?? '';
  }
  return record;
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
