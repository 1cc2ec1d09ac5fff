import { describe, expect, it } from 'vitest';
import type { Scorecard } from '../spec/scorecard.ts';
import { runSummaryLines } from './run-summary.ts';
import { terminalStyle } from './terminal-style.ts';

const category = (score: number | null, share: number) => ({
  score,
  components: {},
  coverage: { judged: share, total: 1, share, samples: 10 },
});

/** Only what the summary reads. */
const scorecard = {
  scores: {
    agentFriendliness: category(77, 0.889596),
    security: category(50, 0.4),
    reliability: category(88, 0.790909),
    dataProtection: category(null, 0.1),
  },
  probes: { total: 96, passed: 82, failed: 12, errored: 0, skipped: 2 },
} as unknown as Scorecard;

const input = {
  scorecard,
  measured: true,
  requests: { sent: 365, throttled: 0 },
  runDir: 'reports/demo',
  files: ['report.html', 'report.md', 'scorecard.json'],
};
const plain = terminalStyle({ isTTY: false }, {});

describe('runSummaryLines', () => {
  it('keeps the one-line headline scripts read, with the judged share under each score', () => {
    expect(runSummaryLines(input, plain, null)).toEqual([
      'Agent Friendliness 77/100 · Security 50/100 · Reliability 88/100 · Data Protection --/100',
      '89 % judged                 40 % judged       79 % judged          10 % judged',
      '96 probes: 82 passed, 12 failed, 0 errored, 2 skipped · 365 requests',
      'reports in reports/demo: report.html, report.md, scorecard.json',
    ]);
  });

  it('puts one category per row on a terminal narrower than the headline', () => {
    const lines = runSummaryLines(input, plain, 69);
    expect(lines.slice(0, 4)).toEqual([
      'Agent Friendliness   77/100  89 % judged',
      'Security             50/100  40 % judged',
      'Reliability          88/100  79 % judged',
      'Data Protection      --/100  10 % judged',
    ]);
    for (const line of lines.slice(0, 3)) expect(line.length).toBeLessThanOrEqual(69);
  });

  it('prints no scores for a run that measured nothing, and colours only when asked', () => {
    expect(runSummaryLines({ ...input, measured: false }, plain, null)[0]).toMatch(/^96 probes:/);
    const coloured = runSummaryLines(input, terminalStyle({ isTTY: false }, { FORCE_COLOR: '1' }), null);
    expect(coloured[0]).toContain('Security \x1b[33m50/100\x1b[39m');
    expect(coloured[2]).toContain('\x1b[31m12 failed\x1b[39m');
    expect(coloured[2]).toContain(', 0 errored');
    expect(runSummaryLines(input, plain, null).join('\n')).not.toContain('\x1b[');
  });
});
