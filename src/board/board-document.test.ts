import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../suite/create-ajv.ts';
import { threeEntries } from './__fixtures__/board-entries.ts';
import { buildBoard } from './board-document.ts';

const NOW = new Date('2026-11-26T12:00:00.000Z');
const schema = JSON.parse(readFileSync(new URL('../../schemas/board.schema.json', import.meta.url), 'utf8'));

describe('buildBoard', () => {
  const board = buildBoard(threeEntries(), {
    now: NOW,
    reportHrefOf: (entry) => (entry.runDir ? 'x/report.html' : null),
  });

  it('has one row per target, best Agent Friendliness first and the unjudged last', () => {
    expect(board.rows.map((row) => row.name)).toEqual(['beta', 'alpha', 'bare-endpoint']);
    expect(board.rows.map((row) => row.reportHref)).toEqual([null, 'x/report.html', null]);
  });

  it('carries headline scores with coverage, key components, latency, rates and cost', () => {
    const alpha = board.rows.find((row) => row.name === 'alpha')!;
    expect(alpha.headline.security).toEqual({ score: 83, coverage: null });
    expect(alpha.components['security.authStrength']).toBe(80);
    expect(alpha.costPer1kTasks).toEqual({ amount: 0.42, currency: 'EUR' });
    expect(board.rows.find((row) => row.name === 'beta')!.costPer1kTasks).toBeNull();
    expect(alpha.latency.ttftP50).toBe(board.rows[0]!.latency.ttftP50);
    expect(board.rows[2]!.latency.ttftP50).toBeNull();
  });

  it('marks a run older than staleAfterDays and a fact past reverifyBy as stale', () => {
    const [beta, alpha, bare] = board.rows;
    expect(beta!.staleness).toMatchObject({ ageDays: 86, runStale: true, stale: true });
    expect(beta!.staleness.staleFacts).toEqual([
      {
        profile: 'beta-profile',
        claimId: 'D-DPA',
        component: 'dataProtection.processorTerms',
        reverifyBy: '2026-11-01',
        daysOverdue: 25,
      },
    ]);
    expect(alpha!.staleness).toEqual({ ageDays: 6, runStale: false, staleFacts: [], stale: false });
    expect(bare!.staleness.stale).toBe(false);
    const strict = buildBoard(threeEntries(), { now: NOW, staleAfterDays: 5 });
    expect(strict.rows.find((row) => row.name === 'alpha')!.staleness.runStale).toBe(true);
  });

  it('validates against schemas/board.schema.json, and the schema rejects a broken row', () => {
    const validate = createAjv().compile(schema);
    expect(validate(JSON.parse(JSON.stringify(board))), JSON.stringify(validate.errors)).toBe(true);
    const broken = structuredClone(board) as unknown as {
      rows: { headline: { security: { score: unknown } } }[];
    };
    broken.rows[0]!.headline.security.score = 'high';
    expect(validate(broken)).toBe(false);
  });
});
