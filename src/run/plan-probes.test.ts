import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SuiteSpec } from '../spec/suite.ts';
import { loadsTarget, parseShard, planPhases, planProbes, shardPlan } from './plan-probes.ts';

const suites: SuiteSpec[] = [
  { id: 'zeta', title: 'Z', description: '', probes: [{ id: 'one', kind: 'http', repeat: 3 }] },
  {
    id: 'alpha',
    title: 'A',
    description: '',
    probes: [
      { id: 'first', kind: 'http' },
      { id: 'second', kind: 'http', repeat: 2 },
    ],
  },
];

describe('planProbes', () => {
  it('orders suites by id, probes as written, repetitions in order', () => {
    expect(planProbes(suites).map((item) => item.key)).toEqual([
      'alpha/first#1',
      'alpha/second#1',
      'alpha/second#2',
      'zeta/one#1',
      'zeta/one#2',
      'zeta/one#3',
    ]);
  });

  it('filters by suite id', () => {
    expect(planProbes(suites, ['zeta']).map((item) => item.key)).toEqual([
      'zeta/one#1',
      'zeta/one#2',
      'zeta/one#3',
    ]);
  });
});

describe('shards', () => {
  it('partition the plan: every probe in exactly one shard, for any N', () => {
    const plan = planProbes(suites);
    for (let count = 1; count <= 7; count += 1) {
      const slices = Array.from({ length: count }, (_, index) =>
        shardPlan(plan, { index: index + 1, count }),
      );
      const keys = slices.flat().map((item) => item.key);
      expect(keys.sort()).toEqual(plan.map((item) => item.key).sort());
      expect(new Set(keys).size).toBe(plan.length);
    }
  });

  it('are deterministic', () => {
    const plan = planProbes(suites);
    expect(shardPlan(plan, { index: 2, count: 3 })).toEqual(
      shardPlan(planProbes(suites), { index: 2, count: 3 }),
    );
  });

  it('parse I/N and reject nonsense', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1-2', ''])
      expect(() => parseShard(bad)).toThrow(/--shard must be I\/N/);
  });
});

describe('planPhases', () => {
  it('puts probes that declare optIn: burst in the load phase, keeping plan order in each phase', () => {
    const plan = planProbes([
      {
        id: 'mixed',
        title: 'M',
        description: '',
        probes: [
          { id: 'flood', kind: 'burst', optIn: 'burst' },
          { id: 'plain', kind: 'http', repeat: 2 },
          { id: 'erase', kind: 'erasure', optIn: 'destructive' },
          { id: 'huge', kind: 'http', optIn: 'burst' },
        ],
      },
    ]);
    const phases = planPhases(plan);
    expect(phases.shared.map((item) => item.key)).toEqual([
      'mixed/plain#1',
      'mixed/plain#2',
      'mixed/erase#1',
    ]);
    expect(phases.alone.map((item) => item.key)).toEqual(['mixed/flood#1', 'mixed/huge#1']);
  });

  it('leads the load phase with the rate-limit bursts, so they meet a bucket nothing else drained', () => {
    const plan = planProbes([
      {
        id: 'a-first',
        title: 'A',
        description: '',
        probes: [
          { id: 'sdk-429', kind: 'openai-sdk', optIn: 'burst', with: { scenario: 'error-rate-limit' } },
        ],
      },
      {
        id: 'rate-limits',
        title: 'R',
        description: '',
        probes: [{ id: 'burst-models', kind: 'burst', optIn: 'burst' }],
      },
    ]);
    expect(planPhases(plan).alone.map((item) => item.key)).toEqual([
      'rate-limits/burst-models#1',
      'a-first/sdk-429#1',
    ]);
  });

  it('the shipped suites declare their bursts and oversized inputs as load probes', () => {
    const dir = new URL('../../suites/', import.meta.url);
    const load = readdirSync(dir)
      .filter((name) => name.endsWith('.yaml'))
      .flatMap((name) => {
        const suite = parse(readFileSync(new URL(name, dir), 'utf8')) as SuiteSpec;
        return suite.probes.filter(loadsTarget).map((probe) => `${suite.id}/${probe.id}`);
      });
    expect(load).toEqual(expect.arrayContaining(['rate-limits/burst-models', 'errors/oversized-input']));
    const bursts = readdirSync(dir)
      .filter((name) => name.endsWith('.yaml'))
      .flatMap((name) => (parse(readFileSync(new URL(name, dir), 'utf8')) as SuiteSpec).probes)
      .filter((probe) => probe.kind === 'burst');
    expect(bursts.every(loadsTarget)).toBe(true);
  });
});
