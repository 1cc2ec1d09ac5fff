import { describe, expect, it } from 'vitest';
import { hostileProfile, mistralProfile } from './__fixtures__/profile.ts';
import { fixtureResults, hostileResults } from './__fixtures__/results.ts';
import { fullScorecard, hostileScorecard, nullScorecard } from './__fixtures__/scorecards.ts';
import { renderMarkdown } from './render-markdown.ts';
import { buildReportData } from './report-data.ts';

const history = [
  {
    runId: 'run-2026-03-01',
    startedAt: '2026-03-01T09:00:00.000Z',
    scores: { agentFriendliness: 60, security: 80 },
  },
];

function fullMarkdown(): string {
  return renderMarkdown(
    buildReportData({
      scorecard: fullScorecard(),
      results: fixtureResults(),
      profile: mistralProfile(),
      history,
      runDir: 'r',
    }),
  );
}

function hostileMarkdown(): string {
  return renderMarkdown(
    buildReportData({
      scorecard: hostileScorecard(),
      results: hostileResults(),
      profile: hostileProfile(),
      runDir: 'r',
    }),
  );
}

describe('renderMarkdown', () => {
  it('renders the full scorecard in the seed page order', async () => {
    const markdown = fullMarkdown();
    await expect(markdown).toMatchFileSnapshot('./__snapshots__/report-full.md.snap');
    const headings = markdown.match(/^#{1,2} .+$/gm)!.map((line) => line.replace(/:.*$/, ''));
    expect(headings).toEqual([
      '# Mistral AI API',
      '## Score Breakdown',
      '## Best When',
      '## Avoid When',
      '## Use Cases',
      '## Not For',
      '## Interface',
      '## Authentication',
      '## Pricing',
      '## Agent Metadata',
      '## Known Gotchas',
      '## Data Protection (GDPR)',
      '## Latency',
      '## JSON Mode',
      '## Tool Calls',
      '## Failed Checks (3)',
      '## Methodology',
    ]);
    expect(markdown).toContain('| **62** / 100 | **83** / 100 | **82** / 100 | **71** / 100 |');
    expect(markdown).toContain(
      '| Can an agent use this? | Is it safe for agents? | Does it work consistently? |',
    );
    expect(markdown).toContain('| MCP Quality | -- | -- | not judged | No MCP server |');
    expect(markdown).toContain('[tools/tool-loop](#probe-tools-tool-loop)');
    expect(markdown).toContain('<a id="probe-tools-tool-loop"></a>');
  });

  it('shows -- for nulls and says when there is no target profile', async () => {
    const markdown = renderMarkdown(
      buildReportData({ scorecard: nullScorecard(), results: [], profile: null, runDir: 'r' }),
    );
    await expect(markdown).toMatchFileSnapshot('./__snapshots__/report-nulls.md.snap');
    expect(markdown).toContain('INCOMPLETE RUN');
    expect(markdown).toContain('> Derived from this run: no target profile describes this API.');
    for (const section of [
      'Best When',
      'Avoid When',
      'Use Cases',
      'Not For',
      'Interface',
      'Authentication',
      'Pricing',
      'Agent Metadata',
    ])
      expect(markdown).toContain(`## ${section}`);
    expect(markdown).toContain('| TTFT (time to first token) | -- | -- | -- | 0 |');
    expect(markdown).not.toMatch(/null|undefined|NaN/);
  });

  it('neutralises hostile target text', async () => {
    const markdown = hostileMarkdown();
    await expect(markdown).toMatchFileSnapshot('./__snapshots__/report-hostile.md.snap');
    // The only raw tags in the file are our own anchors.
    const tags = markdown.match(/<[a-z/][^>]*>/gi) ?? [];
    expect(tags.every((tag) => /^<a id="probe-[a-z0-9-]+">$|^<\/a>$|^<br>$/.test(tag))).toBe(true);
    expect(markdown).not.toMatch(/<script|<img/i);
    // With backslash escapes removed, every remaining link points to http(s), an anchor or a chart.
    const unescaped = markdown.replace(/\\./g, '');
    expect(unescaped).not.toMatch(/\]\(javascript:/i);
    expect(unescaped).not.toMatch(/\[[^\]]*\]\((?!https?:|#probe-|charts\/)/);
    expect(markdown).not.toMatch(/^#+ injected|^- injected/m);
    // Unescaped backticks only as whole code spans, which hold no HTML; a fence stays escaped text.
    expect(markdown.replace(/(?<![\\`])`[^`<>&]+`(?!`)/g, '')).not.toMatch(/(?<!\\)`/);
    expect(markdown).toContain('\\`\\`\\`rm -rf /\\`\\`\\` and `code`');
    expect(markdown).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    // Every table row keeps its column count: no unescaped pipe splits a cell.
    for (const table of markdown.split(/\n\n/).filter((block) => block.startsWith('|'))) {
      const widths = table.split('\n').map((row) => row.replace(/\\\|/g, '').split('|').length);
      expect(new Set(widths).size).toBe(1);
    }
  });
});
