import type { Command } from '../types';
import { evalCommand } from './eval';
import { invokeCommand } from './invoke';
import { actionCommand } from './action';

/** Every sub-command, in the order `order-agent --help` lists them. Adding one is one line here. */
export const commands: readonly Command[] = [invokeCommand, evalCommand, actionCommand];
