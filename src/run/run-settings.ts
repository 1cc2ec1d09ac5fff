/**
 * @module Run settings resolved once, flag > config `defaults` > built-in, each with where it came
 * from (written into run.json); and the suite selection checked against the suites that exist.
 */
import type { SuiteSpec } from '../spec/suite.ts';
import { unknownNameMessage } from '../suite/closest-match.ts';
import { planProbes, type Shard, shardPlan } from './plan-probes.ts';

export type SettingSource = 'flag' | 'config' | 'built-in';

export interface RunSetting<T> {
  value: T;
  source: SettingSource;
}

export interface RunSettings {
  concurrency: RunSetting<number>;
  timeoutMs: RunSetting<number>;
  /** Stop sending after this many requests (null: only the target's own budget). */
  budgetRequests: RunSetting<number | null>;
  /** Stop sending once the target reported this many tokens (null: no token budget). */
  budgetTokens: RunSetting<number | null>;
  /** Stop sending once the reported tokens cost this much at the profile's price (null: no cost budget). */
  budgetCost: RunSetting<number | null>;
  /** Stop scheduling after this many seconds (null: no cap). */
  maxRunSeconds: RunSetting<number | null>;
}

export type RunSettingValues = { [Name in keyof RunSettings]: RunSettings[Name]['value'] };

/** The one place the built-in defaults are written; help text and commands read them from here. */
export const BUILT_IN_RUN_SETTINGS: Readonly<RunSettingValues> = {
  concurrency: 4,
  timeoutMs: 30_000,
  budgetRequests: null,
  budgetTokens: null,
  budgetCost: null,
  maxRunSeconds: null,
};

/** Bad settings a user can fix: unknown suites, an empty plan (exit 2, before any request). */
export class RunSettingsError extends Error {
  readonly code = 'E_RUN_SETTINGS';
  override readonly name = 'RunSettingsError';
}

export function resolveRunSettings(
  flags: Partial<RunSettingValues>,
  configDefaults: Partial<RunSettingValues> = {},
  builtIn: Readonly<RunSettingValues> = BUILT_IN_RUN_SETTINGS,
): RunSettings {
  function pick<Name extends keyof RunSettingValues>(name: Name): RunSetting<RunSettingValues[Name]> {
    const flag = flags[name];
    if (flag !== undefined && flag !== null) return { value: flag as RunSettingValues[Name], source: 'flag' };
    const configured = configDefaults[name];
    if (configured !== undefined && configured !== null)
      return { value: configured as RunSettingValues[Name], source: 'config' };
    return { value: builtIn[name], source: 'built-in' };
  }
  return {
    concurrency: pick('concurrency'),
    timeoutMs: pick('timeoutMs'),
    budgetRequests: pick('budgetRequests'),
    budgetTokens: pick('budgetTokens'),
    budgetCost: pick('budgetCost'),
    maxRunSeconds: pick('maxRunSeconds'),
  };
}

/** `--suite auth,errors --suite mcp` → `['auth', 'errors', 'mcp']`. */
export function splitSuiteIds(requested: readonly string[]): string[] {
  return [...new Set(requested.flatMap((entry) => entry.split(',').map((id) => id.trim())).filter(Boolean))];
}

/**
 * The suites a run will plan, checked before any request: every requested id must exist (with a
 * did-you-mean), and the plan after the suite filter and the shard must hold at least one probe.
 */
export function selectPlan(
  suites: readonly SuiteSpec[],
  requested: readonly string[],
  shard?: Shard,
): { suites: string[]; planned: number } {
  const known = suites.map((suite) => suite.id).sort();
  for (const id of requested)
    if (!known.includes(id)) throw new RunSettingsError(`--suite: ${unknownNameMessage('suite', id, known)}`);
  const all = planProbes([...suites], [...requested]);
  const plan = shard ? shardPlan(all, shard) : all;
  if (plan.length === 0) {
    const chosen = requested.length ? `suite ${requested.join(', ')}` : 'the suites';
    throw new RunSettingsError(
      shard && all.length > 0
        ? `nothing to run: shard ${shard.index}/${shard.count} of ${chosen} holds no probe (${all.length} probes in all)`
        : `nothing to run: ${chosen} plan no probe`,
    );
  }
  return { suites: [...new Set(plan.map((item) => item.suite.id))], planned: plan.length };
}
