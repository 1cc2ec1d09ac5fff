/** @module Hand-built scorecards for report tests: realistic, mostly null, and hostile. */
import type { ComponentScore, Scorecard } from '../../spec/scorecard.ts';

export const HOSTILE = {
  script: '<script>alert(1)</script>',
  link: '[click](javascript:alert(1))',
  pipes: '| pipes | break | tables |',
  backticks: '```rm -rf /``` and `code`',
  newline: 'line one\n# injected heading\n- injected item',
  image: '<img src=x onerror=alert(1)>',
  control: 'bell\u0007 nul\u0000 lone\ud800 surrogate',
} as const;

function measured(score: number | null, evidence: string[] = [], notes = ''): ComponentScore {
  return { score, source: 'measured', evidence, notes };
}

function attested(score: number | null, evidence: string[] = [], notes = ''): ComponentScore {
  return { score, source: 'attested', evidence, notes };
}

/** Seed-page numbers (AF 62, Security 83, Reliability 82) plus data protection. */
export function fullScorecard(): Scorecard {
  return {
    schemaVersion: 1,
    harnessVersion: '0.1.0',
    rubricVersion: 'rubric-2026.03',
    startedAt: '2026-03-07T09:00:00.000Z',
    finishedAt: '2026-03-07T09:04:12.000Z',
    complete: true,
    target: {
      name: 'Mistral AI API',
      provider: 'mistral',
      baseUrl: 'https://api.mistral.ai/v1',
      model: 'mistral-large-2411',
    },
    scores: {
      agentFriendliness: {
        score: 62,
        components: {
          mcpQuality: {
            score: null,
            source: 'not-applicable',
            evidence: [],
            notes: 'No MCP server',
            nullAggregation: 'zero',
          },
          documentation: attested(82, ['doc-accuracy']),
          errorMessages: measured(80, ['error-envelope', 'error-actionable']),
          authSimplicity: { score: 92, source: 'mixed', evidence: ['bearer-auth', 'auth-docs'], notes: '' },
          rateLimits: measured(80, ['rate-limit-headers', 'retry-after']),
        },
      },
      security: {
        score: 83,
        notes:
          'EU-based processing by default; GDPR DPA available. No scope granularity — single key per account.',
        components: {
          tlsEnforcement: measured(100, ['tls-version', 'http-refused', 'hsts']),
          authStrength: measured(80, ['unauthenticated-rejected']),
          scopeGranularity: attested(70, ['scopes']),
          dependencyHygiene: attested(82, ['sdk-deps']),
          secretHandling: {
            ...measured(82, ['key-not-echoed', 'cors']),
            capsApplied: ['CORS reflects arbitrary origin → ≤ 85'],
          },
        },
      },
      reliability: {
        score: 82,
        components: {
          uptimeSla: { score: 82, source: 'mixed', evidence: ['availability', 'sla'], notes: '' },
          versionStability: measured(83, ['served-model-matches']),
          breakingChanges: measured(80, ['shape-stable']),
          errorRecovery: measured(82, ['retry-after-honoured']),
        },
      },
      dataProtection: {
        score: 71,
        components: {
          dataResidency: { score: 60, source: 'mixed', evidence: ['P-REGION', 'D-LOCATION'], notes: '' },
          retentionAndDeletion: {
            ...measured(55, ['P-ERASE', 'D-RETENTION']),
            unverified: ['D-RETENTION'],
          },
          dataMinimisation: measured(75, ['P-PIIECHO']),
          processorTerms: attested(85, ['D-DPA', 'D-SUBPROC']),
          trainingUse: attested(80, ['D-TRAINING']),
        },
      },
    },
    metrics: {
      latency: {
        samples: 40,
        ttftMs: { p50: 412.4, p95: 980.2, p99: 1402 },
        ttfbMs: { p50: 230, p95: 612, p99: 801 },
        e2eMs: { p50: 2210, p95: 4820.7, p99: 6100 },
        interTokenMs: { p50: 8.4, p95: 14.9, p99: 22.1 },
        outputTokensPerSecond: { p50: 96.2, p95: 61.3, p99: 44.8 },
      },
      jsonMode: { samples: 40, declaredCoverage: 1, validRate: 0.975, schemaValidRate: 0.925 },
      toolCalls: { samples: 30, forcedCallRate: 1, validArgumentsRate: 0.9667, repeatedCallRate: 0.1 },
      availability: { samples: 200, successRate: 0.995 },
    },
    probes: { total: 212, passed: 198, failed: 9, errored: 3, skipped: 2 },
    gotchas: [
      {
        title: 'Repeated tool calls in agent loops',
        detail: 'The model repeated an identical call in 10% of loops; keep a max-iterations guard.',
        probeIds: ['tools/tool-loop'],
        source: 'measured',
      },
      {
        title: 'JSON mode needs an explicit instruction',
        detail:
          "response_format json_object alone returned fenced JSON once; say 'JSON' in the system prompt too.",
        probeIds: ['json-mode/json-object'],
        source: 'measured',
      },
      {
        title: 'Function calling defaults to auto',
        detail: 'Set tool_choice to force a call; auto may answer in text instead.',
        probeIds: [],
        source: 'attested',
      },
      {
        title: 'Codestral has a separate endpoint',
        detail: 'codestral.mistral.ai needs its own API key.',
        probeIds: [],
        source: 'attested',
      },
    ],
  };
}

/** A run that judged almost nothing: every score null, no samples, incomplete. */
export function nullScorecard(): Scorecard {
  const empty = { p50: null, p95: null, p99: null };
  const base = fullScorecard();
  return {
    ...base,
    complete: false,
    target: {
      name: 'bare-endpoint',
      provider: 'openai-compatible',
      baseUrl: 'http://127.0.0.1:8080/v1',
      model: 'm',
    },
    scores: {
      agentFriendliness: { score: null, components: { mcpQuality: null, documentation: null } },
      security: { score: null, components: {} },
      reliability: { score: 40, components: { errorRecovery: measured(40) } },
      dataProtection: { score: null, components: {} },
    },
    metrics: {
      latency: {
        samples: 0,
        ttftMs: empty,
        ttfbMs: empty,
        e2eMs: empty,
        interTokenMs: empty,
        outputTokensPerSecond: empty,
      },
      jsonMode: { samples: 0, declaredCoverage: null, validRate: null, schemaValidRate: null },
      toolCalls: { samples: 0, forcedCallRate: null, validArgumentsRate: null, repeatedCallRate: null },
      availability: { samples: 0, successRate: null },
    },
    probes: { total: 0, passed: 0, failed: 0, errored: 0, skipped: 0 },
    gotchas: [],
  };
}

/** Target text an attacker controls in every field a report shows. */
export function hostileScorecard(): Scorecard {
  const base = fullScorecard();
  return {
    ...base,
    target: {
      name: `Evil ${HOSTILE.script}\n${HOSTILE.pipes}`,
      provider: 'openai-compatible',
      baseUrl: `https://evil.example/v1?q=${HOSTILE.image}`,
      model: `${HOSTILE.backticks} ${HOSTILE.link}`,
    },
    scores: {
      ...base.scores,
      security: { ...base.scores.security, notes: `${HOSTILE.script} ${HOSTILE.newline}` },
    },
    gotchas: [
      {
        title: `${HOSTILE.script} ${HOSTILE.link}`,
        detail: `${HOSTILE.newline} ${HOSTILE.pipes} ${HOSTILE.backticks} ${HOSTILE.control}`,
        probeIds: ['evil/<script>', 'tools/tool-loop'],
        source: 'measured',
      },
      // The hostile profile's gotcha, carried as the scorer carries an uncontradicted attested one.
      {
        title: `${HOSTILE.image} gotcha`,
        detail: HOSTILE.newline,
        probeIds: ['evil/<script>'],
        source: 'attested',
      },
    ],
  };
}
