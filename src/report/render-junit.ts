/** @module junit.xml: one testsuite per suite, one testcase per probe result, for CI dashboards. */
import type { ProbeResult } from '../spec/probe-result.ts';
import { excerpt } from './exchange-view.ts';
import { escapeXmlAttribute as attribute, escapeXmlText as text } from './xml-escape.ts';

interface SuiteTally {
  name: string;
  cases: string[];
  failures: number;
  errors: number;
  skipped: number;
  seconds: number;
  timestamp: string;
}

function seconds(ms: number | undefined): string {
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? (ms / 1000).toFixed(3) : '0.000';
}

function evidenceLines(result: ProbeResult): string[] {
  const first = result.evidence[0];
  if (!first) return [];
  return [
    `${first.method} ${first.url} -> ${first.status ?? 'no response'}`,
    excerpt(first.bodyExcerpt ?? ''),
  ];
}

function reasonText(result: ProbeResult): string {
  const reason = result.reason ?? 'unknown';
  return result.reasonDetail ? `${reason}: ${result.reasonDetail}` : reason;
}

/** The child element that carries a non-passing verdict, or '' for a pass. */
function verdict(result: ProbeResult): string {
  if (result.status === 'skipped') return `<skipped message="${attribute(reasonText(result))}"/>`;
  if (result.status === 'errored') {
    const body = [reasonText(result), ...evidenceLines(result)].join('\n');
    return `<error type="${attribute(result.reason ?? 'unknown')}" message="${attribute(reasonText(result))}">${text(body)}</error>`;
  }
  if (result.status !== 'failed') return '';
  const failed = result.checks.filter((check) => check.passed === false);
  const message =
    failed.length > 0
      ? `${failed.length} check(s) failed: ${failed.map((check) => check.id).join(', ')}`
      : 'probe failed';
  const body = [
    ...failed.map((check) => `${check.id}${check.component ? ` [${check.component}]` : ''}: ${check.detail}`),
    ...evidenceLines(result),
  ].join('\n');
  return `<failure type="check-failed" message="${attribute(message)}">${text(body)}</failure>`;
}

function testcase(result: ProbeResult): string {
  const name = `${result.probe}#${result.repetition}`;
  const open = `<testcase classname="${attribute(result.suite)}" name="${attribute(name)}" time="${seconds(result.timings?.durationMs)}"`;
  const child = verdict(result);
  return child ? `${open}>${child}</testcase>` : `${open}/>`;
}

/** Render junit.xml in one linear pass; every string is XML-escaped and stripped of illegal characters. */
export function renderJunit(results: Iterable<ProbeResult>, name = 'agentscore'): string {
  const suites = new Map<string, SuiteTally>();
  for (const result of results) {
    let suite = suites.get(result.suite);
    if (!suite) {
      suite = {
        name: result.suite,
        cases: [],
        failures: 0,
        errors: 0,
        skipped: 0,
        seconds: 0,
        timestamp: result.timings?.startedAt ?? '',
      };
      suites.set(result.suite, suite);
    }
    suite.cases.push(testcase(result));
    if (result.status === 'failed') suite.failures += 1;
    else if (result.status === 'errored') suite.errors += 1;
    else if (result.status === 'skipped') suite.skipped += 1;
    suite.seconds += (result.timings?.durationMs ?? 0) / 1000;
  }
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0, seconds: 0 };
  const blocks: string[] = [];
  for (const suite of suites.values()) {
    totals.tests += suite.cases.length;
    totals.failures += suite.failures;
    totals.errors += suite.errors;
    totals.skipped += suite.skipped;
    totals.seconds += suite.seconds;
    blocks.push(
      `  <testsuite name="${attribute(suite.name)}" tests="${suite.cases.length}" failures="${suite.failures}" errors="${suite.errors}" skipped="${suite.skipped}" time="${suite.seconds.toFixed(3)}" timestamp="${attribute(suite.timestamp)}">`,
      ...suite.cases.map((line) => `    ${line}`),
      '  </testsuite>',
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attribute(name)}" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}" time="${totals.seconds.toFixed(3)}">`,
    ...blocks,
    '</testsuites>',
    '',
  ].join('\n');
}
