/** @module `agentscore roadmap`: the failing checks of a run, ranked by the headline points a fix gains. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RoadmapItem } from '../../spec/scorecard.ts';
import { type CliCommand, UsageError } from '../cli-command.ts';
import { JSON_OPTION } from '../json-option.ts';
import { writeJson } from '../json-output.ts';

const CATEGORY_SHORT: Record<string, string> = {
  agentFriendliness: 'AF',
  security: 'Sec',
  reliability: 'Rel',
  dataProtection: 'DP',
};

function gains(item: RoadmapItem): string {
  const parts = Object.entries(item.gains).map(
    ([category, points]) => `+${points} ${CATEGORY_SHORT[category] ?? category}`,
  );
  return parts.length > 0 ? parts.join(', ') : 'no headline change';
}

/** Evidence is a response excerpt and may span lines: one line of at most 160 characters here. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
}

export function formatRoadmap(roadmap: readonly RoadmapItem[]): string {
  if (roadmap.length === 0) return 'nothing to fix: no check failed\n';
  return `${roadmap
    .map(
      (item, index) =>
        `${index + 1}. ${item.checkId} (${item.components.join(', ')}): ${gains(item)}\n   evidence: ${oneLine(item.evidence)}\n   failed in: ${item.failedIn.slice(0, 3).join(', ')}${item.failedIn.length > 3 ? ` and ${item.failedIn.length - 3} more` : ''}${item.advice ? `\n   advice: ${item.advice}` : ''}`,
    )
    .join('\n')}\n`;
}

export const roadmapCommand: CliCommand = {
  name: 'roadmap',
  summary: 'failing checks of a run, ranked by the headline points fixing each would gain',
  usage: 'RUN_DIR [--json]',
  positionals: true,
  options: [JSON_OPTION],
  details:
    'Each gain is exact: the run is re-scored with that check passing, so weights, caps and coverage count as they do for the real score.',
  async run(options, positionals, io) {
    const { readScorecard, scorecardPath } = await import('../../run/run-folder.ts');
    const runDir = positionals[0] ? resolve(io.cwd, positionals[0]) : undefined;
    if (!runDir || positionals.length > 1) throw new UsageError('give one run directory');
    if (!existsSync(scorecardPath(runDir)))
      throw new UsageError(
        `${scorecardPath(runDir)} not found; run agentscore score ${positionals[0]} first`,
      );
    const roadmap = readScorecard(runDir).roadmap ?? [];
    if (options.json) writeJson(io, roadmap);
    else io.stdout.write(formatRoadmap(roadmap));
    return 0;
  },
};
