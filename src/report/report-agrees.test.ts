/** The report says what the scorecard says: gotchas, contradicted facts, rates, coverage, validity, inputs. */
import { describe, expect, it } from 'vitest';
import type { Scorecard } from '../spec/scorecard.ts';
import type { TargetProfile } from '../spec/target-profile.ts';
import { mistralProfile } from './__fixtures__/profile.ts';
import { fixtureResults, probeResult } from './__fixtures__/results.ts';
import { fullScorecard } from './__fixtures__/scorecards.ts';
import { renderHtml } from './render-html.ts';
import { renderMarkdown } from './render-markdown.ts';
import { buildReportData } from './report-data.ts';

function build(
  scorecard: Scorecard,
  profile: TargetProfile | null = mistralProfile(),
  results = fixtureResults(),
) {
  return buildReportData({ scorecard, results, profile, runDir: 'r' });
}

describe('report agrees with the scorecard', () => {
  it('shows a profile gotcha the run contradicted as contradicted, never as a gotcha', () => {
    const profile = mistralProfile();
    profile.gotchas.push({
      title: 'Unauthenticated calls are served',
      detail: 'Requests without a key get answers.',
      probeIds: ['auth/unauthenticated'],
    });
    const results = [
      ...fixtureResults(),
      probeResult('auth', 'unauthenticated', 2),
      probeResult('auth', 'unauthenticated', 3),
    ];
    const data = build(fullScorecard(), profile, results);
    expect(data.gotchas.map((gotcha) => gotcha.title)).not.toContain('Unauthenticated calls are served');
    expect(data.contradicted).toEqual([
      expect.objectContaining({
        title: 'Unauthenticated calls are served',
        probes: [
          {
            link: { label: 'auth/unauthenticated', href: '#probe-auth-unauthenticated' },
            counts: 'passed 3 of 3',
          },
        ],
      }),
    ]);
    const markdown = renderMarkdown(data);
    expect(markdown).toContain('### Contradicted by this run');
    expect(markdown).toContain('[auth/unauthenticated](#probe-auth-unauthenticated) passed 3 of 3');
    expect(renderHtml(data)).toContain('<h3 id="contradicted">Contradicted by this run</h3>');
  });

  it('does not call a gotcha contradicted when one of its probes failed or did not run', () => {
    const profile = mistralProfile();
    profile.gotchas.push(
      { title: 'Loops', detail: 'd', probeIds: ['tools/tool-loop'] },
      { title: 'Never ran', detail: 'd', probeIds: ['nowhere/none'] },
    );
    expect(build(fullScorecard(), profile).contradicted).toEqual([]);
  });

  it('merges gotchas with the same title and renders code spans as code', () => {
    const scorecard = fullScorecard();
    scorecard.gotchas = [
      {
        title: 'No `Retry-After` on 429',
        detail: 'Send `Retry-After`.',
        probeIds: ['a/x'],
        source: 'measured',
      },
      {
        title: 'no `Retry-After` on 429 ',
        detail: 'Seen twice.',
        probeIds: ['a/y', 'a/x'],
        source: 'measured',
      },
    ];
    const data = build(scorecard);
    expect(data.gotchas).toHaveLength(1);
    expect(data.gotchas[0]!.detail).toBe('Send `Retry-After`. Seen twice.');
    expect(data.gotchas[0]!.links.map((link) => link.label)).toEqual(['a/x', 'a/y']);
    expect(renderMarkdown(data)).toContain('- **No `Retry-After` on 429**: Send `Retry-After`. Seen twice.');
    expect(renderHtml(data)).toContain(
      '<li><b>No <code>Retry-After</code> on 429</b>: Send <code>Retry-After</code>. Seen twice.',
    );
  });

  it('shows each rate with its own denominator and Wilson interval', () => {
    const scorecard = fullScorecard();
    scorecard.metrics.jsonMode = {
      ...scorecard.metrics.jsonMode,
      samples: 15,
      accepted: 12,
      schemaChecked: 9,
      schemaValidRate: 1,
    };
    const rows = build(scorecard).jsonMode.rows;
    expect(rows[2]).toEqual({
      metric: 'Schema-valid (draft 2020-12)',
      value: '100%',
      interval: '70–100%',
      samples: '9',
    });
    expect(rows[1]!.samples).toBe('12');
    expect(rows[0]!.samples).toBe('15');
  });

  it('prefers the Rate the scorecard carries', () => {
    const scorecard = fullScorecard();
    Object.assign(scorecard.metrics.availability, {
      successRateCi: { numerator: 3, denominator: 4, value: 0.75, low: 0.3, high: 0.95 },
    });
    expect(build(scorecard).availability.rows[0]).toEqual({
      metric: 'Successful responses',
      value: '75%',
      interval: '30–95%',
      samples: '4',
    });
  });

  it('shows coverage, and -- with "insufficient evidence" for a component below the floor', () => {
    const scorecard = fullScorecard();
    scorecard.scores.reliability.coverage = { judged: 60, total: 100, share: 0.6, samples: 12 };
    scorecard.scores.reliability.components.latency = {
      score: null,
      source: 'measured',
      evidence: [],
      notes: '',
      coverage: { judged: 10, total: 100, share: 0.1, samples: 2 },
    };
    const data = build(scorecard);
    const reliability = data.categories.find((category) => category.id === 'reliability')!;
    expect(reliability.coverage).toBe('60%');
    const latency = reliability.components.find((row) => row.path === 'reliability.latency')!;
    expect(latency).toMatchObject({ label: 'Latency', display: '--', coverage: '10%', insufficient: true });
    expect(latency.notes).toBe('Insufficient evidence.');
    const markdown = renderMarkdown(data);
    expect(markdown).toContain('### ⚡ Reliability: 82 / 100 (coverage 60%)');
    expect(markdown).toContain('| Latency | -- | 10% | measured | Insufficient evidence. |');
    expect(renderHtml(data)).toContain('<p class="bar-note muted">Insufficient evidence.</p>');
  });

  it('shows the validity message instead of any score dial when the run is invalid', () => {
    const scorecard = fullScorecard();
    scorecard.validity = {
      valid: false,
      reason: 'key-rejected',
      message: 'The target rejected the API key: check --api-key-env.',
    };
    const data = build(scorecard);
    const markdown = renderMarkdown(data);
    expect(markdown).toContain('> **The target rejected the API key: check --api-key-env.**');
    expect(markdown).not.toContain('## Score Breakdown');
    expect(markdown).not.toContain('/ 100 |');
    const html = renderHtml(data);
    expect(html).toContain('id="invalid-run">The target rejected the API key: check --api-key-env.</div>');
    expect(html).not.toContain('class="dial"');
    const valid = renderHtml(build(fullScorecard()));
    expect(valid).toContain('class="dial"');
    expect(valid).not.toContain('invalid-run');
  });

  it('names the rubric and profile that produced the scorecard in the methodology', () => {
    const scorecard = fullScorecard();
    scorecard.inputs = {
      rubric: { name: 'default', sha256: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' },
      profile: { name: 'mistral', sha256: 'ffeeddccbbaa99887766' },
    };
    const markdown = renderMarkdown(build(scorecard));
    expect(markdown).toContain('| Rubric | default (sha256 a1b2c3d4e5f6) |');
    expect(markdown).toContain('| Target profile | mistral (sha256 ffeeddccbbaa) |');
    expect(renderMarkdown(build(fullScorecard()))).not.toContain('| Scored with |');
  });

  it('fills the Interface table from what ran: SDK and MCP measured, the rest from the profile', () => {
    const profile = mistralProfile();
    const results = [
      ...fixtureResults(),
      probeResult('sdk', 'sdk-auth-works', 1, { kind: 'sdk', evidence: [] }),
      probeResult('mcp', 'mcp-session', 1, { kind: 'mcp', status: 'failed', evidence: [] }),
    ];
    const rows = Object.fromEntries(
      build(fullScorecard(), profile, results).interfaces.map((row) => [row.label, row]),
    );
    expect(rows.SDK).toEqual({ label: 'SDK', value: 'Yes', basis: 'measured: 1 probe result' });
    expect(rows['MCP Server']).toEqual({
      label: 'MCP Server',
      value: 'Yes',
      basis: 'measured: 1 probe result (the profile says No)',
    });
    expect(rows.GraphQL).toEqual({ label: 'GraphQL', value: 'No', basis: 'profile' });
    const skipped = build(fullScorecard(), profile, fixtureResults()).interfaces.find(
      (row) => row.label === 'SDK',
    );
    expect(skipped).toEqual({ label: 'SDK', value: 'Yes', basis: 'profile; not measured in this run' });
  });

  it('gives each latency row its own sample count when the scorecard has one', () => {
    const scorecard = fullScorecard();
    scorecard.metrics.latency.ttftMs = { p50: 400, p95: 900, p99: 1000, samples: 12 };
    const rows = build(scorecard).latency.rows;
    expect(rows[0]).toMatchObject({ metric: 'TTFT (time to first token)', samples: '12' });
    expect(rows[3]).toMatchObject({ metric: 'End-to-end (e2e)', samples: '40' });
  });
});
