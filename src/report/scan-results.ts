/** @module One pass over all probe results, collecting what the report shows (capped, linear). */

import { componentLabel } from '../history/score-labels.ts';
import type { CheckResult, ProbeResult } from '../spec/probe-result.ts';
import { probeAnchor, probeKey } from './anchors.ts';
import { exchangeView, probeLabel } from './exchange-view.ts';
import { InterfaceTally } from './interface-view.ts';
import type { FailedCheckRow } from './report-rows.ts';

export const DEFAULT_FAILED_CHECK_LIMIT = 200;

export interface MeasuredCheckTally {
  checkId: string;
  component: string;
  passed: number;
  failed: number;
  notApplicable: number;
  firstDetail: string;
  firstFailure: ProbeResult | null;
}

export interface ResultScan {
  total: number;
  runId: string | null;
  failedRows: FailedCheckRow[];
  failedTotal: number;
  /** Probe keys whose anchor already sits on a failed-check row. */
  anchored: Set<string>;
  /** First failed or errored result of each probe, else its first result. */
  representative: Map<string, ProbeResult>;
  suiteOfProbe: Map<string, string>;
  /** Results and passed results of each probe (`suite/probe`), across repetitions. */
  probeOutcomes: Map<string, { runs: number; passed: number }>;
  ttftSamples: number[];
  e2eSamples: number[];
  reasons: Map<string, number>;
  dataProtectionChecks: Map<string, MeasuredCheckTally>;
  interfaces: InterfaceTally;
  /** Each check id's verdict over the run: fail when any result failed it, pass when some passed. */
  checkVerdicts: Map<string, 'pass' | 'fail'>;
}

function tallyDataProtection(scan: ResultScan, check: CheckResult, result: ProbeResult): void {
  if (!check.component?.startsWith('dataProtection.')) return;
  const key = `${check.component}|${check.id}`;
  let tally = scan.dataProtectionChecks.get(key);
  if (!tally) {
    tally = {
      checkId: check.id,
      component: check.component,
      passed: 0,
      failed: 0,
      notApplicable: 0,
      firstDetail: check.detail,
      firstFailure: null,
    };
    scan.dataProtectionChecks.set(key, tally);
  }
  if (check.passed === true) tally.passed += 1;
  else if (check.passed === null) tally.notApplicable += 1;
  else {
    tally.failed += 1;
    if (!tally.firstFailure) {
      tally.firstFailure = result;
      tally.firstDetail = check.detail;
    }
  }
}

function addFailedRow(scan: ResultScan, result: ProbeResult, check: CheckResult, limit: number): void {
  scan.failedTotal += 1;
  if (scan.failedRows.length >= limit) return;
  const key = probeKey(result.suite, result.probe);
  const anchor = probeAnchor(result.suite, result.probe);
  const first = !scan.anchored.has(key);
  if (first) scan.anchored.add(key);
  scan.failedRows.push({
    anchor: first ? anchor : null,
    href: `#${anchor}`,
    probeLabel: probeLabel(result),
    checkId: check.id,
    componentLabel: check.component ? componentLabel(check.component) : 'informational',
    detail: check.detail,
    status: result.status,
    exchange: exchangeView(result),
  });
}

function isSample(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Scan results once; `failedCheckLimit` caps the listed rows, the total keeps counting. */
export function scanResults(
  results: Iterable<ProbeResult>,
  failedCheckLimit = DEFAULT_FAILED_CHECK_LIMIT,
): ResultScan {
  const scan: ResultScan = {
    total: 0,
    runId: null,
    failedRows: [],
    failedTotal: 0,
    anchored: new Set(),
    representative: new Map(),
    suiteOfProbe: new Map(),
    probeOutcomes: new Map(),
    ttftSamples: [],
    e2eSamples: [],
    reasons: new Map(),
    dataProtectionChecks: new Map(),
    checkVerdicts: new Map(),
    interfaces: new InterfaceTally(),
  };
  for (const result of results) {
    scan.total += 1;
    scan.runId ??= result.runId;
    const key = probeKey(result.suite, result.probe);
    const bad = result.status === 'failed' || result.status === 'errored';
    const seen = scan.representative.get(key);
    if (!seen || (bad && seen.status !== 'failed' && seen.status !== 'errored')) {
      scan.representative.set(key, result);
    }
    const outcome = scan.probeOutcomes.get(key) ?? { runs: 0, passed: 0 };
    outcome.runs += 1;
    if (result.status === 'passed') outcome.passed += 1;
    scan.probeOutcomes.set(key, outcome);
    if (!scan.suiteOfProbe.has(result.probe)) scan.suiteOfProbe.set(result.probe, result.suite);
    scan.interfaces.add(result);
    if (result.reason) scan.reasons.set(result.reason, (scan.reasons.get(result.reason) ?? 0) + 1);
    if (result.measurements?.latency === true) {
      if (isSample(result.timings.ttftMs)) scan.ttftSamples.push(result.timings.ttftMs);
      if (isSample(result.timings.e2eMs)) scan.e2eSamples.push(result.timings.e2eMs);
    }
    for (const check of result.checks) {
      if (check.passed === false) addFailedRow(scan, result, check, failedCheckLimit);
      tallyDataProtection(scan, check, result);
      if (check.passed === false) scan.checkVerdicts.set(check.id, 'fail');
      else if (check.passed === true && !scan.checkVerdicts.has(check.id))
        scan.checkVerdicts.set(check.id, 'pass');
    }
  }
  return scan;
}
