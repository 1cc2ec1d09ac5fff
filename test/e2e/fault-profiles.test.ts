/**
 * Every planted fault in the sandbox moves the score it is meant to move, and the faithful profile
 * does not: the real CLI evaluates each sandbox profile over loopback and the scorecards are compared.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scorecard } from '../../src/spec/scorecard.ts';
import { runCli } from './run-cli.ts';

const root = mkdtempSync(join(tmpdir(), 'agentscore-faults-'));

async function evaluate(profile: string, suites: string[]): Promise<Scorecard> {
  const out = join(root, `${profile}-${suites.join('-')}`);
  const run = await runCli([
    'demo',
    '--sandbox-profile',
    profile,
    '--out',
    out,
    ...suites.flatMap((suite) => ['--suite', suite]),
  ]);
  if (run.code !== 0) throw new Error(`demo ${profile} exited ${run.code}\n${run.stderr}`);
  return JSON.parse(readFileSync(join(out, 'scorecard.json'), 'utf8')) as Scorecard;
}

function component(card: Scorecard, path: string): number | null {
  const [category, name] = path.split('.') as [keyof Scorecard['scores'], string];
  return card.scores[category].components[name]?.score ?? null;
}

interface FaultCase {
  profile: string;
  suites: string[];
  /** Components that must drop by at least `by` points from faithful. */
  drops: { path: string; by: number }[];
  /** Extra checks on the faulty scorecard (metrics, gotchas). */
  also?: (faulty: Scorecard, faithful: Scorecard) => void;
}

const CASES: FaultCase[] = [
  { profile: 'no-auth', suites: ['auth'], drops: [{ path: 'security.authStrength', by: 30 }] },
  {
    profile: 'leaky-errors',
    suites: ['auth', 'errors'],
    drops: [
      { path: 'security.secretHandling', by: 30 },
      { path: 'agentFriendliness.errorMessages', by: 30 },
      // Its error answers carry no request id either.
      { path: 'reliability.errorRecovery', by: 5 },
    ],
  },
  {
    profile: 'looping-tools',
    suites: ['tool-calls'],
    drops: [],
    also: (faulty, faithful) => {
      expect(faithful.metrics.toolCalls.repeatedCallRate).toBe(0);
      expect(faulty.metrics.toolCalls.repeatedCallRate).toBeGreaterThan(0.3);
      expect(faulty.gotchas.map((gotcha) => gotcha.probeIds.join(' ')).join(' ')).toContain(
        'tool-calls/agent-loop',
      );
    },
  },
  {
    profile: 'ignored-tool-choice',
    suites: ['tool-calls'],
    drops: [{ path: 'agentFriendliness.documentation', by: 10 }],
    also: (faulty, faithful) => {
      expect(faithful.metrics.toolCalls.forcedCallRate).toBe(1);
      expect(faulty.metrics.toolCalls.forcedCallRate ?? 1).toBeLessThan(0.75);
    },
  },
  {
    profile: 'sloppy-json',
    suites: ['json-mode'],
    drops: [{ path: 'agentFriendliness.documentation', by: 10 }],
    also: (faulty, faithful) => {
      expect(faithful.metrics.jsonMode.validRate).toBe(1);
      expect(faulty.metrics.jsonMode.validRate ?? 1).toBeLessThan(0.5);
    },
  },
  {
    profile: 'bare-rate-limits',
    suites: ['rate-limits'],
    drops: [{ path: 'agentFriendliness.rateLimits', by: 30 }],
  },
  {
    profile: 'flaky-5xx',
    suites: ['latency', 'versions'],
    drops: [{ path: 'reliability.uptimeSla', by: 20 }],
  },
  {
    profile: 'slow-stream',
    suites: ['latency'],
    drops: [],
    also: (faulty, faithful) => {
      expect(faithful.metrics.latency.ttftMs.p50 ?? 0).toBeLessThan(200);
      expect(faulty.metrics.latency.ttftMs.p50 ?? 0).toBeGreaterThanOrEqual(550);
    },
  },
  { profile: 'truncated-stream', suites: ['latency'], drops: [{ path: 'reliability.uptimeSla', by: 20 }] },
  {
    profile: 'erasure-ignored',
    suites: ['data-handling'],
    drops: [{ path: 'dataProtection.retentionAndDeletion', by: 30 }],
  },
  {
    profile: 'silent-model-swap',
    suites: ['errors', 'versions'],
    drops: [
      { path: 'reliability.versionStability', by: 30 },
      // An unknown model answered with 200 is also an error message that never came.
      { path: 'agentFriendliness.errorMessages', by: 5 },
    ],
  },
];

describe('each sandbox fault profile moves the score it is meant to move', () => {
  let faithful: Scorecard;
  const faulty = new Map<string, Scorecard>();

  beforeAll(async () => {
    // One faithful baseline over every suite, then each fault profile over the suites that can see
    // its fault; two evaluations at a time (the machine has two cores).
    const jobs = [
      async () => {
        faithful = await evaluate('faithful', []);
      },
      ...CASES.map((fault) => async () => {
        faulty.set(fault.profile, await evaluate(fault.profile, fault.suites));
      }),
    ];
    for (let index = 0; index < jobs.length; index += 2) {
      await Promise.all(jobs.slice(index, index + 2).map((job) => job()));
    }
  }, 600_000);

  for (const fault of CASES) {
    it(`${fault.profile} (${fault.suites.join(', ')})`, () => {
      const bad = faulty.get(fault.profile)!;
      for (const { path, by } of fault.drops) {
        const before = component(faithful, path);
        const after = component(bad, path);
        expect(before, `${path} under faithful`).not.toBeNull();
        expect(after, `${path} under ${fault.profile}`).not.toBeNull();
        expect(
          before! - after!,
          `${path}: faithful ${before}, ${fault.profile} ${after}`,
        ).toBeGreaterThanOrEqual(by);
      }
      // Measured components the fault is not about stay where faithful has them.
      const meant = new Set(fault.drops.map((drop) => drop.path));
      const serverErrors = fault.profile === 'flaky-5xx' || fault.profile === 'truncated-stream';
      for (const [category, scores] of Object.entries(bad.scores)) {
        for (const [name, score] of Object.entries(scores.components)) {
          const path = `${category}.${name}`;
          if (meant.has(path) || score?.source !== 'measured' || serverErrors) continue;
          expect(score.score, `${path} should not move under ${fault.profile}`).toBe(
            component(faithful, path),
          );
        }
      }
      fault.also?.(bad, faithful);
    });
  }
});
