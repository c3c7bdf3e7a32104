import type { CliIo } from '../types';

const CODES = {
  dim: [2, 22],
  bold: [1, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
} as const;

/** ANSI styling that switches itself off for pipes, files, NO_COLOR and TERM=dumb. */
export class Style {
  constructor(readonly enabled: boolean) {}

  static for(io: CliIo, stream: 'stdout' | 'stderr'): Style {
    const colourAllowed = io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb';
    return new Style(io.isTTY[stream] && colourAllowed);
  }

  dim(text: string): string {
    return this.apply('dim', text);
  }
  bold(text: string): string {
    return this.apply('bold', text);
  }
  red(text: string): string {
    return this.apply('red', text);
  }
  green(text: string): string {
    return this.apply('green', text);
  }
  yellow(text: string): string {
    return this.apply('yellow', text);
  }
  cyan(text: string): string {
    return this.apply('cyan', text);
  }

  private apply(code: keyof typeof CODES, text: string): string {
    if (!this.enabled) return text;
    const [open, close] = CODES[code];
    return `\u001b[${open}m${text}\u001b[${close}m`;
  }
}
