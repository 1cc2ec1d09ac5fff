import { describe, expect, it } from 'vitest';
import { countProbes, dedupeResults, probeId } from './dedupe-results.ts';
import { makeResult } from './test-support.ts';

describe('dedupeResults', () => {
  it('keeps the highest attempt, whichever line comes first', () => {
    const first = makeResult({ attempt: 1, status: 'errored' });
    const retry = makeResult({ attempt: 2, status: 'passed' });
    expect(dedupeResults([first, retry])).toEqual([retry]);
    expect(dedupeResults([retry, first])).toEqual([retry]);
  });

  it('keeps the later line on a tie, as when shards are concatenated twice', () => {
    const early = makeResult({ attempt: 2, status: 'failed' });
    const late = makeResult({ attempt: 2, status: 'passed' });
    expect(dedupeResults([early, late])).toEqual([late]);
  });

  it('sorts by suite, probe and repetition', () => {
    const results = [
      makeResult({ suite: 'b', probe: 'a', repetition: 1 }),
      makeResult({ suite: 'a', probe: 'b', repetition: 2 }),
      makeResult({ suite: 'a', probe: 'b', repetition: 1 }),
      makeResult({ suite: 'a', probe: 'a', repetition: 1 }),
    ];
    expect(dedupeResults(results).map((result) => `${probeId(result)}#${result.repetition}`)).toEqual([
      'a/a#1',
      'a/b#1',
      'a/b#2',
      'b/a#1',
    ]);
  });

  it('sorts the same whatever the input order', () => {
    const results = ['b/a#1', 'a/z#1', 'a/b#2', 'a/b#1', 'a/a#3'].map((id) => {
      const [suite = '', rest = ''] = id.split('/');
      const [probe = '', repetition = '1'] = rest.split('#');
      return makeResult({ suite, probe, repetition: Number(repetition) });
    });
    const permutations = (items: typeof results): (typeof results)[] =>
      items.length <= 1
        ? [items]
        : items.flatMap((item, index) =>
            permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [
              item,
              ...rest,
            ]),
          );
    for (const order of permutations(results)) {
      expect(dedupeResults(order).map((result) => `${probeId(result)}#${result.repetition}`)).toEqual([
        'a/a#3',
        'a/b#1',
        'a/b#2',
        'a/z#1',
        'b/a#1',
      ]);
    }
  });
});

describe('countProbes', () => {
  it('counts each final status', () => {
    const statuses = ['passed', 'passed', 'failed', 'errored', 'skipped'] as const;
    expect(countProbes(statuses.map((status) => makeResult({ status })))).toEqual({
      total: 5,
      passed: 2,
      failed: 1,
      errored: 1,
      skipped: 1,
    });
  });
});
