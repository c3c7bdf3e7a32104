import { main } from '../../../src/main';
import { type CapturedIo, captureIo, type TestIoOptions } from './test-io';

export const TEST_IDS = { ORDER_AGENT_AGENT_ID: 'AGENT12345', ORDER_AGENT_ALIAS_ID: 'ALIAS12345' } as const;

export interface CliRun extends CapturedIo {
  readonly code: number;
}

/** Runs the CLI in-process through main(argv, io), with the test agent ids unless `env` says otherwise. */
export async function runCli(argv: string[], options: TestIoOptions = {}): Promise<CliRun> {
  const captured = captureIo({ ...options, env: { ...TEST_IDS, ...options.env } });
  const code = await main(argv, captured.io);
  return { ...captured, code };
}

/** The stderr lines, without empty ones. */
export function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim().length > 0);
}
