/** @module Writes dpa-assessment.md and dpa-assessment.html into a run directory. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProbeResult } from '../../spec/probe-result.ts';
import { resultKey } from '../../spec/result-key.ts';
import type { Scorecard } from '../../spec/scorecard.ts';
import type { TargetProfile } from '../../spec/target-profile.ts';
import { writeFileAtomic } from '../write-file-atomic.ts';
import { type BuildDpaInput, buildDpaAssessment } from './build-dpa-assessment.ts';
import { TESTED_MEASURES } from './dpa-catalogue.ts';
import { renderDpaHtml } from './render-dpa-html.ts';
import { renderDpaMarkdown } from './render-dpa-markdown.ts';

export const DPA_FILES = { markdown: 'dpa-assessment.md', html: 'dpa-assessment.html' } as const;

/**
 * Line numbers in results.jsonl of each repetition of `probes` (the last attempt wins, as in scoring).
 * Only lines naming one of those probes are parsed: a 100k-line file costs a scan, not 100k parses.
 * Lines that do not parse are skipped: the scorer has refused the file long before this runs.
 */
export function resultLineIndex(resultsFile: string, probes: ReadonlySet<string>): Map<string, number> {
  const lines = new Map<string, number>();
  if (!existsSync(resultsFile) || probes.size === 0) return lines;
  const needles = [...probes].map((probe) => `"probe":${JSON.stringify(probe)}`);
  readFileSync(resultsFile, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      if (!needles.some((needle) => text.includes(needle))) return;
      try {
        lines.set(
          resultKey(JSON.parse(text) as Pick<ProbeResult, 'suite' | 'probe' | 'repetition'>),
          index + 1,
        );
      } catch {
        // not a result line
      }
    });
  return lines;
}

/** Probes whose results judge a tested measure: the only ones the assessment cites by line. */
function citedProbes(results: readonly ProbeResult[]): Set<string> {
  const checks = new Set(TESTED_MEASURES.flatMap((measure) => measure.checks));
  return new Set(
    results
      .filter((result) => result.checks.some((check) => checks.has(check.id)))
      .map((result) => result.probe),
  );
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
    resultLines: resultLineIndex(join(input.runDir, 'results.jsonl'), citedProbes(input.results)),
  });
  const markdown = join(input.runDir, DPA_FILES.markdown);
  const html = join(input.runDir, DPA_FILES.html);
  await writeFileAtomic(markdown, renderDpaMarkdown(assessment));
  await writeFileAtomic(html, renderDpaHtml(assessment));
  return [markdown, html];
}
