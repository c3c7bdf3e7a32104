import type { Command } from '../types';
import { actionCommand } from './action';
import { completionCommand } from './completion';
import { evalCommand } from './eval';
import { guardrailCommand } from './guardrail';
import { invokeCommand } from './invoke';
import { kbCommand } from './kb';

/** Every sub-command, in the order `order-agent --help` lists them. Adding one is one line here. */
export const commands: readonly Command[] = [
  invokeCommand,
  evalCommand,
  kbCommand,
  guardrailCommand,
  actionCommand,
  completionCommand,
];
