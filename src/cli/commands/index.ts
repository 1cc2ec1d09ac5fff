/** @module The command list, in the order help shows it. */
import type { CliCommand } from '../cli-command.ts';
import { demoCommand } from './demo.ts';
import { reportCommand } from './report.ts';
import { runCommand } from './run.ts';
import { sandboxCommand } from './sandbox.ts';
import { scoreCommand } from './score.ts';
import { validateCommand } from './validate.ts';

export const COMMANDS: CliCommand[] = [demoCommand, runCommand, sandboxCommand, scoreCommand, reportCommand, validateCommand];
