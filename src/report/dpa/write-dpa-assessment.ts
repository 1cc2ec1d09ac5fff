/** @module Writes dpa-assessment.md and dpa-assessment.html into a run directory. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProbeResult } from '../../spec/probe-result.ts';
import type { Scorecard } from '../../spec/scorecard.ts';
import type { TargetProfile } from '../../spec/target-profile.ts';
import { writeFileAtomic } from '../write-file-atomic.ts';
import { type BuildDpaInput, buildDpaAssessment, resultKey } from './build-dpa-assessment.ts';
import { renderDpaHtml } from './render-dpa-html.ts';
import { renderDpaMarkdown } from './render-dpa-markdown.ts';

export const DPA_FILES = { markdown: 'dpa-assessment.md', html: 'dpa-assessment.html' } as const;

/**
 * Line numbers of each probe repetition in results.jsonl; the last attempt wins, as in scoring.
 * Lines that do not parse are skipped: the scorer has refused the file long before this runs.
 */
export function resultLineIndex(resultsFile: string): Map<string, number> {
  const lines = new Map<string, number>();
  if (!existsSync(resultsFile)) return lines;
  readFileSync(resultsFile, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      if (!text.trim()) return;
      try {
        const result = JSON.parse(text) as Pick<ProbeResult, 'suite' | 'probe' | 'repetition'>;
        lines.set(resultKey(result), index + 1);
      } catch {
        // not a result line
      }
    });
  return lines;
}

export interface WriteDpaInput {
  runDir: string;
  scorecard: Scorecard;
  results: readonly ProbeResult[];
  profile: TargetProfile | null;
  heldSince?: BuildDpaInput['heldSince'];
}

export async function writeDpaAssessment(input: WriteDpaInput): Promise<string[]> {
  const assessment = buildDpaAssessment({
    ...input,
    resultLines: resultLineIndex(join(input.runDir, 'results.jsonl')),
  });
  const markdown = join(input.runDir, DPA_FILES.markdown);
  const html = join(input.runDir, DPA_FILES.html);
  await writeFileAtomic(markdown, renderDpaMarkdown(assessment));
  await writeFileAtomic(html, renderDpaHtml(assessment));
  return [markdown, html];
}
