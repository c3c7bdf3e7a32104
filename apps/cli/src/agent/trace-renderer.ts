import type { TracePart } from '@aws-sdk/client-bedrock-agent-runtime';
import { formatArguments, truncate } from '../output/format';
import type { Style } from '../output/style';
import type { OperationCatalog } from '../schema/operation-catalog';
import type { TokenUsage } from '../types';
import { rawText, type TraceStep, traceSteps } from './trace-steps';

/** Renders the agent's orchestration as readable lines (for stderr under --trace). */
export class TraceRenderer {
  constructor(
    private readonly write: (line: string) => void,
    private readonly catalog: OperationCatalog,
    private readonly style: Style,
  ) {}

  /** Never throws: a step it cannot describe is shown raw (the answer matters more than its trace). */
  render(part: TracePart): void {
    for (const step of traceSteps(part, this.catalog)) {
      let line: string | undefined;
      try {
        line = this.describe(step);
      } catch {
        line = `trace (shown as received): ${truncate(rawText(part))}`;
      }
      if (line) this.write(`${this.style.dim('[trace]')} ${line}`);
    }
  }

  /** A note from the CLI itself (retries, confirmations), in the same stream. */
  note(text: string): void {
    this.write(`${this.style.dim('[trace]')} ${text}`);
  }

  renderUsage(usage: TokenUsage): void {
    if (usage.modelCalls === 0) return;
    const calls = `${usage.modelCalls} model call${usage.modelCalls === 1 ? '' : 's'}`;
    this.note(`tokens: ${usage.inputTokens} in / ${usage.outputTokens} out over ${calls}`);
  }

  private describe(step: TraceStep): string | undefined {
    const { style } = this;
    switch (step.kind) {
      case 'pre-processing': {
        const verdict = step.valid === false ? style.yellow('input rejected') : 'input accepted';
        return `pre-processing: ${verdict}${step.rationale ? ` — ${truncate(step.rationale)}` : ''}`;
      }
      case 'rationale':
        return `rationale: ${truncate(step.text)}`;
      case 'action-call': {
        const route = step.functionName ?? `${step.httpMethod ?? '?'} ${step.apiPath ?? '?'}`;
        const group = step.actionGroup ? `, action group ${step.actionGroup}` : '';
        return `${style.cyan('action')} ${style.bold(step.operation)} (${route}${group}): ${formatArguments(step.parameters, step.body)}`;
      }
      case 'action-output':
        return `observation: ${truncate(step.text)}`;
      case 'kb-lookup':
        return `${style.cyan('knowledge base')} ${step.knowledgeBaseId ?? ''} lookup: ${JSON.stringify(step.query ?? '')}`;
      case 'kb-results': {
        const sources = step.sources.length > 0 ? `: ${step.sources.join(', ')}` : '';
        return `knowledge base results: ${step.count} passage${step.count === 1 ? '' : 's'}${sources}`;
      }
      case 'reprompt':
        return `reprompt: ${truncate(step.text)}`;
      case 'final-response':
        return `final response: ${truncate(step.text, 200)}`;
      case 'model-usage':
        return style.dim(
          `model call (${step.phase}): ${step.inputTokens} in / ${step.outputTokens} out tokens`,
        );
      case 'guardrail':
        if (step.action !== 'INTERVENED') return style.dim('guardrail: no intervention');
        return style.yellow(
          `guardrail INTERVENED${step.findings.length > 0 ? `: ${step.findings.join('; ')}` : ''}`,
        );
      case 'unreadable':
        return `trace (shown as received): ${truncate(step.raw)}`;
      case 'failure':
        return style.red(
          `failure${step.code !== undefined ? ` (code ${step.code})` : ''}: ${truncate(step.reason)}`,
        );
    }
  }
}
