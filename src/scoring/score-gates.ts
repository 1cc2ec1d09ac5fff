/**
 * @module Absolute gates on a scorecard (`--fail-under security=80,agentFriendliness=60`), the way
 * k6 thresholds and promptfoo pass-rate gates work: a gate names a category or a component and
 * the minimum it must reach. Pure.
 */
import { CATEGORY_COMPONENTS, CATEGORY_IDS, type CategoryId, type Scorecard } from '../spec/scorecard.ts';

export interface ScoreGate {
  /** `security` or `security.authStrength`. */
  path: string;
  minimum: number;
}

export interface GateFailure {
  gate: ScoreGate;
  /** The score found, or null when it could not be judged (a gate on `--` fails). */
  actual: number | null;
  message: string;
}

export class GateSyntaxError extends Error {
  readonly code = 'gate-syntax';
}

function knownPaths(): string[] {
  return CATEGORY_IDS.flatMap((category) => [
    category,
    ...CATEGORY_COMPONENTS[category].map((component) => `${category}.${component}`),
  ]);
}

/** Parses `security=80,agentFriendliness.documentation=60` (spaces allowed); names what is wrong. */
export function parseGates(text: string): ScoreGate[] {
  const known = knownPaths();
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const match = /^([A-Za-z.]+)\s*=\s*(\d{1,3}(?:\.\d+)?)$/.exec(part);
      if (!match) throw new GateSyntaxError(`gate "${part}" is not NAME=SCORE (e.g. security=80)`);
      const [, path = '', value = ''] = match;
      if (!known.includes(path))
        throw new GateSyntaxError(
          `gate "${part}": unknown score "${path}" (categories: ${CATEGORY_IDS.join(', ')}; components as category.component)`,
        );
      const minimum = Number(value);
      if (minimum > 100) throw new GateSyntaxError(`gate "${part}": a score is 0-100`);
      return { path, minimum };
    });
}

function scoreAt(scorecard: Scorecard, path: string): number | null {
  const [category, component] = path.split('.') as [CategoryId, string | undefined];
  const categoryScore = scorecard.scores[category];
  if (!categoryScore) return null;
  if (!component) return categoryScore.score;
  return categoryScore.components[component]?.score ?? null;
}

/** The gates the scorecard does not meet; empty when all hold. A score that is `--` fails its gate. */
export function evaluateGates(scorecard: Scorecard, gates: readonly ScoreGate[]): GateFailure[] {
  const failures: GateFailure[] = [];
  for (const gate of gates) {
    const actual = scoreAt(scorecard, gate.path);
    if (actual !== null && actual >= gate.minimum) continue;
    failures.push({
      gate,
      actual,
      message:
        actual === null
          ? `${gate.path} could not be judged (--), below the gate ${gate.minimum}`
          : `${gate.path} ${actual} < ${gate.minimum}`,
    });
  }
  return failures;
}
