/** @module GDPR section: attested claims with provenance and the measured checks feeding dataProtection. */

import { componentLabel } from '../history/score-labels.ts';
import type { AttestedClaim, ClaimStatus } from '../spec/target-profile.ts';
import { safeHref } from './anchors.ts';
import type { EvidenceLinker } from './evidence-linker.ts';
import { formatDate, NULL_DISPLAY, type ScoreTone } from './format.ts';
import type { ClaimRow, MeasuredCheckRow } from './report-rows.ts';
import type { MeasuredCheckTally } from './scan-results.ts';

const STATUS_LABELS: Record<ClaimStatus, string> = {
  pass: 'Pass',
  partial: 'Partial',
  fail: 'Fail',
  unknown: 'Unknown',
};

const STATUS_TONES: Record<ClaimStatus, ScoreTone> = {
  pass: 'good',
  partial: 'fair',
  fail: 'poor',
  unknown: 'none',
};

/** A claim is stale once the run finished after its re-verify-by date; stale counts as unknown. */
export function isStale(claim: Pick<AttestedClaim, 'reverifyBy'>, asOf: string): boolean {
  const due = Date.parse(claim.reverifyBy);
  const now = Date.parse(asOf);
  if (Number.isNaN(due)) return true;
  return !Number.isNaN(now) && now > due + 86_399_999;
}

export function claimRow(claim: AttestedClaim, asOf: string): ClaimRow {
  const stale = isStale(claim, asOf);
  return {
    id: claim.id,
    criterion: claim.criterion,
    componentLabel: componentLabel(claim.component),
    statusLabel: stale ? 'Unknown (stale)' : STATUS_LABELS[claim.status],
    tone: stale ? 'none' : STATUS_TONES[claim.status],
    quote: claim.quote,
    confidence: claim.confidence,
    sourceUrl: claim.sourceUrl,
    sourceHref: safeHref(claim.sourceUrl),
    effectiveDate: claim.effectiveDate ? formatDate(claim.effectiveDate) : 'undated',
    retrievedDate: formatDate(claim.retrievedDate),
    reverifyBy: formatDate(claim.reverifyBy),
    stale,
    freshnessLabel: stale
      ? `stale since ${formatDate(claim.reverifyBy)}`
      : `fresh until ${formatDate(claim.reverifyBy)}`,
  };
}

export function measuredCheckRows(
  tallies: Iterable<MeasuredCheckTally>,
  linker: EvidenceLinker,
): MeasuredCheckRow[] {
  return [...tallies]
    .sort((a, b) => a.component.localeCompare(b.component) || a.checkId.localeCompare(b.checkId))
    .map((tally) => {
      const verdict = tally.failed > 0 ? 'Fail' : tally.passed > 0 ? 'Pass' : 'N/A';
      const tone: ScoreTone = tally.failed > 0 ? 'poor' : tally.passed > 0 ? 'good' : 'none';
      return {
        checkId: tally.checkId,
        componentLabel: componentLabel(tally.component),
        verdict,
        tone,
        counts: `${tally.passed} passed, ${tally.failed} failed, ${tally.notApplicable} n/a`,
        detail: tally.firstDetail || NULL_DISPLAY,
        evidence: tally.firstFailure ? linker.linkResult(tally.firstFailure) : null,
      };
    });
}
