/**
 * Every planted fault in the sandbox moves the component(s) it is about, and only those, to a pinned
 * value; and Agent Friendliness orders the profiles the way agents experience them. The real CLI
 * evaluates each sandbox profile over loopback with every suite; the scorecards are compared.
 *
 * Re-pinning after a deliberate scoring or probe change is a one-place edit: the EXPECTED table.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scorecard } from '../../src/spec/scorecard.ts';
import { runCli } from './run-cli.ts';

const root = mkdtempSync(join(tmpdir(), 'agentscore-faults-'));

async function evaluate(profile: string, extra: string[] = []): Promise<Scorecard> {
  const out = join(root, profile);
  const run = await runCli(['demo', '--sandbox-profile', profile, '--out', out, ...extra]);
  if (run.code !== 0) throw new Error(`demo ${profile} exited ${run.code}\n${run.stderr}`);
  return JSON.parse(readFileSync(join(out, 'scorecard.json'), 'utf8')) as Scorecard;
}

function component(card: Scorecard, path: string): number | null {
  const [category, name] = path.split('.') as [keyof Scorecard['scores'], string];
  return card.scores[category].components[name]?.score ?? null;
}

// ------------------------------------------------------------------ the one table to re-pin

/** Component values of the faithful baseline that the fault cases are compared with. */
const FAITHFUL: Record<string, number | null> = {
  'agentFriendliness.errorMessages': 89,
  'agentFriendliness.authSimplicity': 88,
  'agentFriendliness.rateLimits': 85,
  'agentFriendliness.toolUse': 100,
  'agentFriendliness.structuredOutput': 100,
  'security.authStrength': 100,
  'security.secretHandling': 100,
  'reliability.uptimeSla': 67,
  'reliability.versionStability': 100,
  'reliability.errorRecovery': 100,
  'reliability.latency': 100,
  'dataProtection.retentionAndDeletion': 67,
};

interface FaultCase {
  profile: string;
  /** The components the fault is about, with their pinned values under this profile. */
  pinned: Record<string, number | null>;
  /** Components among `pinned` that are the fault's whole point: they must drop by at least 30. */
  whole: string[];
  /** Components that move too, with why (each is also pinned). */
  alsoMoves?: Record<string, string>;
  /** Faults that hit every request (5xx, cut-off bodies): no component is expected to stay put. */
  everywhere?: boolean;
  /**
   * Points a pinned value may vary by: which requests get every 3rd answer's 503 depends on how
   * concurrent requests interleave.
   */
  tolerance?: number;
}

/** The openai-sdk suite's steps are documentation claims (the OpenAI drop-in): agent faults fail them too. */
const DROP_IN = 'the OpenAI SDK drop-in steps (documentation) fail with it';

const EXPECTED: FaultCase[] = [
  {
    profile: 'no-auth',
    pinned: {
      'security.authStrength': 0,
      'agentFriendliness.authSimplicity': 78,
      'agentFriendliness.errorMessages': 87,
      'reliability.errorRecovery': 97,
    },
    whole: ['security.authStrength'],
    alsoMoves: {
      'agentFriendliness.authSimplicity': 'a missing key gets no error to act on',
      'agentFriendliness.errorMessages': 'the SDK expects an AuthenticationError and gets an answer',
      'reliability.errorRecovery':
        'the SDK wrong-key call succeeds, so sdk-typed-errors fails (attribution left to the probes)',
    },
  },
  {
    profile: 'leaky-errors',
    pinned: {
      'security.secretHandling': 20,
      'agentFriendliness.errorMessages': 73,
      'agentFriendliness.documentation': 70,
      'agentFriendliness.authSimplicity': 78,
      'reliability.errorRecovery': 81,
      'dataProtection.dataMinimisation': 29,
    },
    whole: ['security.secretHandling'],
    alsoMoves: {
      'dataProtection.dataMinimisation': 'its errors echo more of the request than the offending value',
      'agentFriendliness.errorMessages':
        'HTML 500 on malformed JSON (its 5xx is availability, not JSON-ness)',
      'agentFriendliness.documentation': 'the 500 is a status the spec does not document',
      'agentFriendliness.authSimplicity': 'auth errors echo the header instead of naming the key problem',
      'reliability.errorRecovery': 'HTML 500 on malformed JSON and no request ids',
    },
  },
  {
    profile: 'looping-tools',
    pinned: { 'agentFriendliness.toolUse': 40, 'agentFriendliness.documentation': 62 },
    whole: ['agentFriendliness.toolUse'],
    alsoMoves: { 'agentFriendliness.documentation': DROP_IN },
  },
  {
    profile: 'ignored-tool-choice',
    pinned: { 'agentFriendliness.toolUse': 60 },
    whole: ['agentFriendliness.toolUse'],
  },
  {
    profile: 'sloppy-json',
    pinned: { 'agentFriendliness.structuredOutput': 33, 'agentFriendliness.documentation': 62 },
    whole: ['agentFriendliness.structuredOutput'],
    alsoMoves: { 'agentFriendliness.documentation': DROP_IN },
  },
  {
    profile: 'bare-rate-limits',
    pinned: {
      'agentFriendliness.rateLimits': 26,
      'agentFriendliness.authSimplicity': 80,
      'reliability.errorRecovery': 94,
    },
    whole: ['agentFriendliness.rateLimits'],
    // Which SDK steps a 30-per-minute bucket throttles depends on timing: 72 or 88 seen.
    tolerance: 8,
    alsoMoves: {
      'agentFriendliness.authSimplicity':
        'SDK steps throttled without guidance fail before the key is judged',
      'reliability.errorRecovery': 'a 429 without Retry-After cannot be recovered from as advised',
    },
  },
  { profile: 'slow-stream', pinned: { 'reliability.latency': 45 }, whole: ['reliability.latency'] },
  {
    profile: 'flaky-5xx',
    pinned: { 'reliability.uptimeSla': 0, 'reliability.errorRecovery': 47 },
    whole: ['reliability.uptimeSla', 'reliability.errorRecovery'],
    everywhere: true,
    // Every 3rd request server-wide fails, so which probes get the 503s depends on interleaving:
    // 34 and 60 both seen. The drop of at least 30 (`whole`) is what is pinned exactly.
    tolerance: 15,
  },
  {
    profile: 'truncated-stream',
    pinned: {
      'reliability.uptimeSla': 0,
      'reliability.errorRecovery': 62,
      'agentFriendliness.toolUse': 0,
      'agentFriendliness.structuredOutput': 0,
    },
    whole: ['reliability.uptimeSla', 'agentFriendliness.toolUse', 'agentFriendliness.structuredOutput'],
    everywhere: true,
    tolerance: 4,
  },
  {
    profile: 'erasure-ignored',
    pinned: { 'dataProtection.retentionAndDeletion': 0 },
    whole: ['dataProtection.retentionAndDeletion'],
  },
  {
    profile: 'silent-model-swap',
    pinned: {
      'reliability.versionStability': 14,
      'agentFriendliness.errorMessages': 86,
      'agentFriendliness.documentation': 72,
      'reliability.errorRecovery': 97,
    },
    whole: ['reliability.versionStability'],
    alsoMoves: {
      'agentFriendliness.errorMessages':
        'an unknown model answered with 200 is an error message that never came',
      'agentFriendliness.documentation':
        "the unknown model's undocumented 400 of the faithful sandbox never comes (a 200 instead)",
      'reliability.errorRecovery': 'the SDK unknown-model call succeeds, so sdk-typed-errors fails',
    },
  },
  {
    profile: 'sloppy-mcp',
    pinned: { 'agentFriendliness.mcpQuality': 61, 'reliability.errorRecovery': 92 },
    whole: [],
    alsoMoves: {
      'reliability.errorRecovery': 'MCP tool errors come back as protocol errors, not tool results',
    },
  },
];

/** Points a profile's pinned Agent Friendliness may vary by (timing-dependent throttling). */
const AF_TOLERANCE: Record<string, number> = { 'bare-rate-limits': 2 };

/** Agent Friendliness of each profile, pinned (the ordering test below reads these runs). */
const AGENT_FRIENDLINESS: Record<string, number | null> = {
  faithful: 77,
  'faithful-mcp': 92,
  'looping-tools': 64,
  'truncated-stream': 24,
  'sloppy-json': 62,
  'bare-rate-limits': 71,
  'sloppy-mcp': 86,
  'leaky-errors': 74,
  'no-auth': 76,
  'erasure-ignored': 77,
};

// ------------------------------------------------------------------ runs

const PROFILES = [
  ...new Set(['faithful', ...EXPECTED.map((fault) => fault.profile), ...Object.keys(AGENT_FRIENDLINESS)]),
];
const cards = new Map<string, Scorecard>();
const card = (profile: string): Scorecard => {
  const found = cards.get(profile);
  if (!found) throw new Error(`no scorecard for ${profile}`);
  return found;
};

beforeAll(async () => {
  // Two evaluations at a time (the machine has two cores); the slow ones (a 30 rpm bucket) first.
  const order = [...PROFILES].sort((left, right) =>
    left === 'bare-rate-limits' ? -1 : right === 'bare-rate-limits' ? 1 : 0,
  );
  const queue = [...order];
  const worker = async () => {
    for (let profile = queue.shift(); profile !== undefined; profile = queue.shift()) {
      cards.set(profile, await evaluate(profile));
    }
  };
  await Promise.all([worker(), worker()]);
}, 900_000);

describe('each sandbox fault profile moves the components it is about, and only those', () => {
  it('faithful scores the pinned baseline', () => {
    for (const [path, expected] of Object.entries(FAITHFUL)) {
      expect(component(card('faithful'), path), `faithful ${path}`).toBe(expected);
    }
  });

  for (const fault of EXPECTED) {
    it(`${fault.profile}`, () => {
      const faithful = card('faithful');
      const bad = card(fault.profile);
      for (const [path, expected] of Object.entries(fault.pinned)) {
        const actual = component(bad, path);
        if (fault.tolerance === undefined || expected === null || actual === null) {
          expect(actual, `${path} under ${fault.profile}`).toBe(expected);
        } else {
          expect(
            Math.abs(actual - expected),
            `${path} under ${fault.profile}: ${actual}, pinned ${expected}`,
          ).toBeLessThanOrEqual(fault.tolerance);
        }
      }
      for (const path of fault.whole) {
        const before = component(faithful, path);
        const after = component(bad, path);
        expect(before, `${path} under faithful`).not.toBeNull();
        expect(
          (before ?? 0) - (after ?? 0),
          `${path}: faithful ${before}, ${fault.profile} ${after}`,
        ).toBeGreaterThanOrEqual(30);
      }
      if (fault.everywhere) return;
      const meant = new Set(Object.keys(fault.pinned));
      for (const [category, scores] of Object.entries(bad.scores)) {
        for (const [name, score] of Object.entries(scores.components)) {
          const path = `${category}.${name}`;
          if (meant.has(path) || score?.source !== 'measured') continue;
          expect(score.score, `${path} should not move under ${fault.profile}`).toBe(
            component(faithful, path),
          );
        }
      }
    });
  }

  it('looping tools and ignored tool_choice show in the tool-call rates, with intervals', () => {
    const looping = card('looping-tools').metrics.toolCalls;
    expect(card('faithful').metrics.toolCalls.repeatedCallRate).toBe(0);
    expect(looping.repeatedCallRate).toBeGreaterThan(0.3);
    expect(looping.repeatedCallRateCi?.low).toBeGreaterThan(0);
    expect(card('looping-tools').gotchas.flatMap((gotcha) => gotcha.probeIds)).toContain(
      'tool-calls/agent-loop',
    );
    expect(card('ignored-tool-choice').metrics.toolCalls.forcedCallRate ?? 1).toBeLessThan(0.75);
  });

  it('slow streams show in the latency percentiles the latency component is mapped from', () => {
    expect(card('faithful').metrics.latency.ttftMs.p50 ?? 0).toBeLessThan(200);
    expect(card('slow-stream').metrics.latency.ttftMs.p50 ?? 0).toBeGreaterThanOrEqual(550);
  });

  it('a hostile target (hangs, resets, broken bodies) scores below faithful wherever it can be judged', async () => {
    // Its chat path hangs for two minutes: a 2 s timeout measures the same thing in a fraction.
    const hostile = await evaluate('hostile', ['--timeout-ms', '2000']);
    const faithful = card('faithful');
    expect(hostile.scores.agentFriendliness.score ?? 0).toBeLessThan(
      faithful.scores.agentFriendliness.score ?? 0,
    );
    for (const [category, scores] of Object.entries(hostile.scores)) {
      const baseline = faithful.scores[category as keyof Scorecard['scores']].score;
      // Null means "insufficient evidence", never a score above the faithful one.
      if (scores.score !== null) expect(scores.score, category).toBeLessThan(baseline ?? 101);
    }
    expect(hostile.scores.reliability.components.uptimeSla?.score).toBe(0);
  }, 600_000);
});

describe('Agent Friendliness orders targets the way agents experience them', () => {
  it("pins each profile's Agent Friendliness", () => {
    for (const [profile, expected] of Object.entries(AGENT_FRIENDLINESS)) {
      const actual = card(profile).scores.agentFriendliness.score;
      const tolerance = AF_TOLERANCE[profile];
      if (tolerance === undefined || actual === null || expected === null)
        expect(actual, profile).toBe(expected);
      else expect(Math.abs(actual - expected), `${profile}: ${actual}`).toBeLessThanOrEqual(tolerance);
    }
  });

  const af = (profile: string) => card(profile).scores.agentFriendliness.score ?? 0;
  const agentBreaking = ['looping-tools', 'truncated-stream', 'sloppy-json', 'bare-rate-limits'];
  const securityOnly = ['no-auth', 'erasure-ignored', 'leaky-errors'];

  it('profiles that break what an agent does score lower than those whose faults are security or data protection', () => {
    for (const broken of agentBreaking) {
      for (const safe of securityOnly) {
        expect(af(broken), `${broken} < ${safe}`).toBeLessThan(af(safe));
      }
    }
  });

  it('an MCP server offered badly scores below one offered well', () => {
    // Against targets with no MCP server at all it cannot: a missing server already scores 0 (Assay).
    expect(af('sloppy-mcp')).toBeLessThan(af('faithful-mcp'));
  });

  it('security and data-protection faults are caught by their own categories instead', () => {
    const faithful = card('faithful');
    expect(card('no-auth').scores.security.score ?? 100).toBeLessThan(faithful.scores.security.score ?? 0);
    expect(card('leaky-errors').scores.security.score ?? 100).toBeLessThan(
      faithful.scores.security.score ?? 0,
    );
    expect(card('erasure-ignored').scores.dataProtection.score ?? 100).toBeLessThan(
      faithful.scores.dataProtection.score ?? 0,
    );
  });
});
