import { ApplyGuardrailCommand, type BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { ConfigError, oneLine, toCliError } from '../errors';
import type { GuardrailPrompt, PromptCheckResult } from '../types';
import { readVerdict } from './guardrail-verdict';

/** The deployed guardrail version to check. */
export interface GuardrailTarget {
  readonly guardrailId: string;
  readonly guardrailVersion: string;
}

/**
 * Runs prompts through ApplyGuardrail as user input (source INPUT), the way the agent applies the guardrail to
 * each user message, one at a time (ApplyGuardrail's per-second quota is low; the SDK retries throttling).
 * On-topic prompts must get through (masking personal data is allowed); off-topic prompts must be blocked.
 */
export class GuardrailChecker {
  constructor(
    private readonly client: BedrockRuntimeClient,
    private readonly target: GuardrailTarget,
  ) {}

  async check(
    prompts: readonly GuardrailPrompt[],
    onResult: (result: PromptCheckResult) => void = () => {},
  ): Promise<PromptCheckResult[]> {
    const results: PromptCheckResult[] = [];
    for (const prompt of prompts) {
      const verdict = readVerdict(await this.apply(prompt.prompt));
      const blocked = verdict.outcome === 'blocked';
      const result = { ...prompt, ...verdict, passed: prompt.side === 'off-topic' ? blocked : !blocked };
      results.push(result);
      onResult(result);
    }
    return results;
  }

  private async apply(text: string) {
    try {
      return await this.client.send(
        new ApplyGuardrailCommand({
          guardrailIdentifier: this.target.guardrailId,
          guardrailVersion: this.target.guardrailVersion,
          source: 'INPUT',
          content: [{ text: { text } }],
        }),
      );
    } catch (error) {
      if ((error as Error).name === 'ResourceNotFoundException') {
        const { guardrailId, guardrailVersion } = this.target;
        throw new ConfigError(
          `guardrail ${guardrailId} version ${guardrailVersion} not found: ${oneLine((error as Error).message)}`,
          { cause: error },
        );
      }
      throw toCliError(error);
    }
  }
}
