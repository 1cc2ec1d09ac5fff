/** @module Turns probe ids into `#probe-SUITE-PROBE` links and makes sure every linked anchor exists. */
import type { ProbeResult } from '../spec/probe-result.ts';
import { probeAnchor, probeKey } from './anchors.ts';
import { exchangeView, probeLabel } from './exchange-view.ts';
import type { EvidenceLink, EvidenceRow } from './report-rows.ts';
import type { ResultScan } from './scan-results.ts';

export class EvidenceLinker {
  readonly #scan: ResultScan;
  readonly #extra = new Map<string, EvidenceRow>();

  constructor(scan: ResultScan) {
    this.#scan = scan;
  }

  /** Link a probe id written as `suite/probe` or a bare `probe` (suite looked up from results). */
  linkProbeId(probeId: string): EvidenceLink {
    const key = this.#resolve(probeId);
    if (key === null) return { label: probeId, href: null };
    return this.link(key.suite, key.probe) ?? { label: probeId, href: null };
  }

  /** How often a probe ran in this run and how often it passed; runs 0 when it did not run. */
  outcome(probeId: string): { runs: number; passed: number } {
    const key = this.#resolve(probeId);
    return (key && this.#scan.probeOutcomes.get(probeKey(key.suite, key.probe))) || { runs: 0, passed: 0 };
  }

  #resolve(probeId: string): { suite: string; probe: string } | null {
    const slash = probeId.indexOf('/');
    const suite = slash > 0 ? probeId.slice(0, slash) : this.#scan.suiteOfProbe.get(probeId);
    const probe = slash > 0 ? probeId.slice(slash + 1) : probeId;
    return suite === undefined ? null : { suite, probe };
  }

  /** Link to a probe of this run, registering an evidence row when no failed-check row anchors it. */
  link(suite: string, probe: string): EvidenceLink | null {
    const key = probeKey(suite, probe);
    const result = this.#scan.representative.get(key);
    if (!result) return null;
    const anchor = probeAnchor(suite, probe);
    if (!this.#scan.anchored.has(key) && !this.#extra.has(key)) {
      this.#extra.set(key, evidenceRow(result, anchor));
    }
    return { label: key, href: `#${anchor}` };
  }

  linkResult(result: ProbeResult): EvidenceLink {
    return (
      this.link(result.suite, result.probe) ?? { label: probeKey(result.suite, result.probe), href: null }
    );
  }

  /** Evidence rows for linked probes that have no failed-check row of their own. */
  extraEvidence(): EvidenceRow[] {
    return [...this.#extra.values()];
  }
}

function evidenceRow(result: ProbeResult, anchor: string): EvidenceRow {
  return {
    anchor,
    probeLabel: probeLabel(result),
    status: result.status,
    reason: result.reason ? `${result.reason}${result.reasonDetail ? `: ${result.reasonDetail}` : ''}` : '',
    exchange: exchangeView(result),
  };
}
