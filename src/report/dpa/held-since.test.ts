import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../spec/probe-result.ts';
import { probeResult } from '../__fixtures__/results.ts';
import { measuresHeldSince } from './held-since.ts';

function erasure(passed: boolean | null): ProbeResult[] {
  return [
    {
      ...probeResult('data-handling', 'file-erasure', 1),
      checks: [{ id: 'file-erased', component: null, passed, detail: '' }],
    },
  ];
}

describe('measuresHeldSince', () => {
  it('counts verified runs back to the last failure, skipping runs that did not test', () => {
    const held = measuresHeldSince([
      { startedAt: '2026-11-05', results: erasure(true) },
      { startedAt: '2026-11-04', results: erasure(null) },
      { startedAt: '2026-11-03', results: erasure(true) },
      { startedAt: '2026-11-02', results: erasure(false) },
      { startedAt: '2026-11-01', results: erasure(true) },
    ]);
    expect(held.erasure).toEqual({ since: '2026-11-03', runs: 2 });
  });

  it('has nothing for a measure whose newest test failed or that was never tested', () => {
    const held = measuresHeldSince([
      { startedAt: '2026-11-02', results: erasure(false) },
      { startedAt: '2026-11-01', results: erasure(true) },
    ]);
    expect(held.erasure).toBeUndefined();
    expect(held.hsts).toBeUndefined();
  });
});
