import { createInterface, type Interface } from 'node:readline';
import { UsageError } from '../errors';
import { formatArguments } from '../output/format';
import type { Style } from '../output/style';
import type { CliIo, ConfirmationAnswer, ConfirmationRequest } from '../types';
import type { ConfirmationDecider } from './agent-invoker';

const MAX_QUESTIONS = 3;

/** Describes what the agent wants to do, in one or two lines. */
export function describeConfirmation(request: ConfirmationRequest): string {
  const route = request.functionName ?? `${request.httpMethod ?? '?'} ${request.apiPath ?? '?'}`;
  const body = Object.keys(request.body).length > 0 ? `; body: ${formatArguments(request.body)}` : '';
  return `${request.operation} (${route}, action group ${request.actionGroup}) with ${formatArguments(request.parameters)}${body}`;
}

/**
 * Answers confirmations from --yes/--no, or by asking y/n on a terminal. With neither, it fails with a usage
 * error rather than guessing: a script must say what it wants.
 */
export class ConfirmationPrompt {
  private lines: Interface | undefined;
  private readonly pending: string[] = [];
  private readonly waiting: Array<(line: string | undefined) => void> = [];
  private closed = false;

  constructor(
    private readonly io: CliIo,
    private readonly preset: ConfirmationAnswer | undefined,
    private readonly style: Style,
  ) {}

  readonly decide: ConfirmationDecider = async (request) => {
    const what = describeConfirmation(request);
    if (this.preset) {
      const verb = this.preset === 'CONFIRM' ? 'confirmed (--yes)' : 'denied (--no)';
      this.io.stderr.write(`${this.style.yellow('confirmation')}: the agent wants to run ${what}: ${verb}\n`);
      return this.preset;
    }
    if (!this.io.isTTY.stdin) {
      throw new UsageError(
        `the agent asks to confirm ${request.operation}, but stdin is not a terminal: pass --yes or --no`,
      );
    }
    this.io.stderr.write(`${this.style.yellow('confirmation')}: the agent wants to run ${what}\n`);
    for (let question = 0; question < MAX_QUESTIONS; question += 1) {
      this.io.stderr.write('Allow it? [y/N] ');
      const line = await this.nextLine();
      if (line === undefined) {
        this.io.stderr.write('\n(no answer: denied)\n');
        return 'DENY';
      }
      const reply = line.trim().toLowerCase();
      if (reply === 'y' || reply === 'yes') return this.answered('CONFIRM', request);
      if (reply === '' || reply === 'n' || reply === 'no') return this.answered('DENY', request);
      this.io.stderr.write('Please answer y or n.\n');
    }
    this.io.stderr.write('(no clear answer: denied)\n');
    return 'DENY';
  };

  private answered(answer: ConfirmationAnswer, request: ConfirmationRequest): ConfirmationAnswer {
    const what = answer === 'CONFIRM' ? 'confirmed' : 'denied: the action will not run';
    this.io.stderr.write(`${this.style.dim(`${request.operation} ${what}`)}\n`);
    return answer;
  }

  close(): void {
    this.lines?.close();
  }

  private nextLine(): Promise<string | undefined> {
    const buffered = this.pending.shift();
    if (buffered !== undefined) return Promise.resolve(buffered);
    if (this.closed) return Promise.resolve(undefined);
    this.lines ??= this.open();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private open(): Interface {
    // One reader for the whole command, so lines typed ahead are not lost between questions.
    const lines = createInterface({ input: this.io.stdin, terminal: false });
    lines.on('line', (line) => {
      const waiter = this.waiting.shift();
      if (waiter) waiter(line);
      else this.pending.push(line);
    });
    lines.on('close', () => {
      this.closed = true;
      for (const waiter of this.waiting.splice(0)) waiter(undefined);
    });
    return lines;
  }
}
