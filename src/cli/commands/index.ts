/** @module The command list, in the order help shows it. */
import type { CliCommand } from '../cli-command.ts';
import { boardCommand } from './board.ts';
import { compareCommand } from './compare.ts';
import { demoCommand } from './demo.ts';
import { historyCommand } from './history.ts';
import { monitorCommand } from './monitor.ts';
import { planCommand } from './plan.ts';
import { reportCommand } from './report.ts';
import { roadmapCommand } from './roadmap.ts';
import { runCommand } from './run.ts';
import { sandboxCommand } from './sandbox.ts';
import { scoreCommand } from './score.ts';
import { staleCommand } from './stale.ts';
import { storeCommand } from './store.ts';
import { targetsCommand } from './targets.ts';
import { validateCommand } from './validate.ts';

export const COMMANDS: CliCommand[] = [
  demoCommand,
  runCommand,
  planCommand,
  sandboxCommand,
  scoreCommand,
  storeCommand,
  reportCommand,
  compareCommand,
  monitorCommand,
  historyCommand,
  validateCommand,
  targetsCommand,
  roadmapCommand,
  boardCommand,
  staleCommand,
];
