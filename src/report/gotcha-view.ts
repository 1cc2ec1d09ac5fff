/**
 * @module Known gotchas as the scorecard states them (one row per title), and the profile's gotchas
 * this run contradicted, shown as contradicted and never as gotchas.
 */
import type { Gotcha } from '../spec/scorecard.ts';
import type { TargetProfile } from '../spec/target-profile.ts';
import { safeHref } from './anchors.ts';
import type { EvidenceLinker } from './evidence-linker.ts';
import type { ContradictedRow, GotchaRow } from './report-rows.ts';

function titleKey(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Gotchas of the same title merge into one: details once each, probes once each. */
function mergeByTitle(gotchas: readonly Gotcha[]): Gotcha[] {
  const byTitle = new Map<string, Gotcha>();
  for (const gotcha of gotchas) {
    const key = titleKey(gotcha.title);
    const seen = byTitle.get(key);
    if (!seen) {
      byTitle.set(key, { ...gotcha, probeIds: [...new Set(gotcha.probeIds)] });
      continue;
    }
    if (gotcha.detail.trim() && !seen.detail.includes(gotcha.detail.trim())) {
      seen.detail = `${seen.detail} ${gotcha.detail.trim()}`.trim();
    }
    seen.probeIds = [...new Set([...seen.probeIds, ...gotcha.probeIds])];
  }
  return [...byTitle.values()];
}

/** The scorecard's gotchas, titles deduplicated, each linked to the evidence of its probes. */
export function gotchaRows(
  gotchas: readonly Gotcha[],
  profile: TargetProfile | null,
  linker: EvidenceLinker,
): GotchaRow[] {
  const sourceUrls = new Map(
    (profile?.gotchas ?? []).map((gotcha) => [titleKey(gotcha.title), gotcha.sourceUrl]),
  );
  return mergeByTitle(gotchas).map((gotcha) => {
    const sourceUrl = (gotcha.source === 'attested' && sourceUrls.get(titleKey(gotcha.title))) || '';
    return {
      title: gotcha.title,
      detail: gotcha.detail,
      source: gotcha.source,
      links: gotcha.probeIds.map((probeId) => linker.linkProbeId(probeId)),
      sourceUrl,
      sourceHref: safeHref(sourceUrl),
    };
  });
}

/**
 * Profile gotchas the scorecard left out because every probe they name ran and passed: the run
 * contradicted what the profile says, so the report says that, with the probes and their counts.
 */
export function contradictedRows(
  gotchas: readonly Gotcha[],
  profile: TargetProfile | null,
  linker: EvidenceLinker,
): ContradictedRow[] {
  const carried = new Set(gotchas.map((gotcha) => titleKey(gotcha.title)));
  return (profile?.gotchas ?? [])
    .filter((gotcha) => gotcha.probeIds.length > 0 && !carried.has(titleKey(gotcha.title)))
    .filter((gotcha) =>
      gotcha.probeIds.every((probeId) => {
        const outcome = linker.outcome(probeId);
        return outcome.runs > 0 && outcome.passed === outcome.runs;
      }),
    )
    .map((gotcha) => ({
      title: gotcha.title,
      claim: gotcha.detail,
      probes: gotcha.probeIds.map((probeId) => {
        const outcome = linker.outcome(probeId);
        return { link: linker.linkProbeId(probeId), counts: `passed ${outcome.passed} of ${outcome.runs}` };
      }),
      sourceUrl: gotcha.sourceUrl ?? '',
      sourceHref: safeHref(gotcha.sourceUrl),
    }));
}
