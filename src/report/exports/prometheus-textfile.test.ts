import { describe, expect, it } from 'vitest';
import { fullScorecard, nullScorecard } from '../__fixtures__/scorecards.ts';
import { renderPrometheusTextfile } from './prometheus-textfile.ts';

describe('renderPrometheusTextfile', () => {
  it('writes one gauge family per measure, each sample a valid exposition line', () => {
    const text = renderPrometheusTextfile(fullScorecard());
    const security = fullScorecard().scores.security.score;
    expect(text).toContain('# TYPE agentscore_category_score gauge');
    expect(text).toContain(
      `agentscore_category_score{target="${fullScorecard().target.name}",category="security"} ${security}`,
    );
    for (const line of text.trim().split('\n')) {
      if (line.startsWith('#')) expect(line).toMatch(/^# (HELP|TYPE) agentscore_[a-z0-9_]+ /);
      else expect(line).toMatch(/^agentscore_[a-z0-9_]+\{[^}]*\} -?\d+(\.\d+)?(e[+-]?\d+)?$/);
    }
  });

  it('writes latency in seconds, the base unit Prometheus names carry', () => {
    const card = fullScorecard();
    const text = renderPrometheusTextfile(card);
    expect(text).not.toMatch(/milli/);
    const p50 = /^agentscore_ttft_p50_seconds\{[^}]*\} (.+)$/m.exec(text)?.[1];
    expect(Number(p50)).toBeCloseTo(card.metrics.latency.ttftMs.p50! / 1000, 9);
    // Each family is declared once, its samples right under it.
    const declared = [...text.matchAll(/^# TYPE (\S+) gauge$/gm)].map((match) => match[1]);
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('omits scores that could not be judged instead of writing 0', () => {
    const text = renderPrometheusTextfile(nullScorecard());
    expect(text).not.toMatch(/agentscore_category_score\{[^}]*\} 0$/m);
  });

  it('escapes label values', () => {
    const scorecard = { ...fullScorecard(), target: { ...fullScorecard().target, name: 'a"b\\c\nd' } };
    expect(renderPrometheusTextfile(scorecard)).toContain('target="a\\"b\\\\c\\nd"');
  });
});
