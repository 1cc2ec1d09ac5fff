/**
 * @module `--shard`: `I/N` as written, or the index read from the engine that started the process
 * (a Kubernetes Indexed Job, a GitHub Actions matrix) when the flag gives only the total.
 */
import { parseShard, type Shard } from '../run/plan-probes.ts';
import { UsageError } from './cli-command.ts';

/**
 * Where an engine puts the shard index, 0-based as both engines count: Kubernetes sets
 * `JOB_COMPLETION_INDEX` in every pod of an Indexed Job; GitHub exposes `strategy.job-index` only as
 * an expression, so the workflow copies it into `AGENTSCORE_SHARD_INDEX`.
 */
export const SHARD_INDEX_VARIABLES = ['AGENTSCORE_SHARD_INDEX', 'JOB_COMPLETION_INDEX'] as const;

/** The shard total when `--shard` is absent (a workflow sets it once, e.g. from `strategy.job-total`). */
export const SHARD_TOTAL_VARIABLE = 'AGENTSCORE_SHARD_TOTAL';

/** The engine's index (0-based) and the variable that gave it, or null when no engine set one. */
function engineIndex(env: NodeJS.ProcessEnv): { index: number; variable: string } | null {
  const found = SHARD_INDEX_VARIABLES.flatMap((variable) => {
    const value = env[variable]?.trim();
    return value ? [{ variable, value }] : [];
  });
  if (found.length === 0) return null;
  const [first] = found as [{ variable: string; value: string }];
  const other = found.find((candidate) => candidate.value !== first.value);
  if (other)
    throw new UsageError(
      `${first.variable}=${first.value} and ${other.variable}=${other.value} name different shards: set only one`,
    );
  if (!/^\d+$/.test(first.value))
    throw new UsageError(`${first.variable} must be a shard index counted from 0, got "${first.value}"`);
  return { index: Number(first.value), variable: first.variable };
}

function total(text: string, source: string): number {
  const count = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || count < 1)
    throw new UsageError(`${source} must be a shard total N ≥ 1, got "${text}"`);
  return count;
}

/**
 * The shard to run. `--shard I/N` is 1-based (the 2nd of 3 is `2/3`). `--shard auto/N`, or no flag
 * with `AGENTSCORE_SHARD_TOTAL=N`, takes the index from `AGENTSCORE_SHARD_INDEX` or
 * `JOB_COMPLETION_INDEX` (0-based, so index 1 runs shard 2/N). No flag and no total: the whole plan.
 */
export function readShard(flag: string | undefined, env: NodeJS.ProcessEnv): Shard | undefined {
  const autoTotal = /^auto\/(.*)$/.exec(flag?.trim() ?? '')?.[1];
  const totalText = flag === undefined ? env[SHARD_TOTAL_VARIABLE]?.trim() || undefined : autoTotal;
  if (flag !== undefined && autoTotal === undefined) {
    try {
      return parseShard(flag);
    } catch (error) {
      throw new UsageError(`${(error as Error).message} (or auto/N to take I from the engine)`);
    }
  }
  if (totalText === undefined) return undefined;
  const source = flag === undefined ? SHARD_TOTAL_VARIABLE : '--shard auto/N: N';
  const count = total(totalText, source);
  const engine = engineIndex(env);
  if (!engine)
    throw new UsageError(
      `${flag === undefined ? `${SHARD_TOTAL_VARIABLE} is set` : '--shard auto/N'} but no shard index: set ${SHARD_INDEX_VARIABLES.join(' or ')} (0-based)`,
    );
  if (engine.index >= count)
    throw new UsageError(
      `${engine.variable}=${engine.index} is outside ${count} shards (indexes 0..${count - 1})`,
    );
  return { index: engine.index + 1, count };
}
