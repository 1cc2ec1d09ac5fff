/** @module Tests for run-settings.ts: precedence with sources, suite splitting and the plan check. */
import { describe, expect, it } from 'vitest';
import type { SuiteSpec } from '../spec/suite.ts';
import {
  BUILT_IN_RUN_SETTINGS,
  RunSettingsError,
  resolveRunSettings,
  selectPlan,
  splitSuiteIds,
} from './run-settings.ts';

function suite(id: string, probes: number): SuiteSpec {
  return {
    id,
    probes: Array.from({ length: probes }, (_, index) => ({ id: `p${index}` })),
  } as unknown as SuiteSpec;
}

describe('resolveRunSettings', () => {
  it('takes a flag over the config, the config over the built-in, and says which', () => {
    const settings = resolveRunSettings({ concurrency: 9 }, { concurrency: 2, timeoutMs: 1 });
    expect(settings.concurrency).toEqual({ value: 9, source: 'flag' });
    expect(settings.timeoutMs).toEqual({ value: 1, source: 'config' });
    expect(settings.budgetRequests).toEqual({ value: null, source: 'built-in' });
    expect(resolveRunSettings({}).timeoutMs).toEqual({
      value: BUILT_IN_RUN_SETTINGS.timeoutMs,
      source: 'built-in',
    });
  });

  it('uses the built-in values it is given (demo has its own)', () => {
    const settings = resolveRunSettings({}, {}, { ...BUILT_IN_RUN_SETTINGS, timeoutMs: 10_000 });
    expect(settings.timeoutMs).toEqual({ value: 10_000, source: 'built-in' });
  });
});

describe('suite selection', () => {
  const suites = [suite('auth', 3), suite('errors', 2), suite('empty', 0)];

  it('splits comma lists and repeated flags, once each', () => {
    expect(splitSuiteIds(['auth,errors', ' mcp ', 'auth', ''])).toEqual(['auth', 'errors', 'mcp']);
  });

  it('plans the chosen suites', () => {
    expect(selectPlan(suites, ['errors', 'auth'])).toEqual({ suites: ['auth', 'errors'], planned: 5 });
    expect(selectPlan(suites, [], { index: 2, count: 5 })).toEqual({ suites: ['auth'], planned: 1 });
  });

  it('refuses an unknown suite with did-you-mean and the known list', () => {
    expect(() => selectPlan(suites, ['auht'])).toThrow(
      '--suite: unknown suite "auht", did you mean "auth"? (known: auth, empty, errors)',
    );
    expect(() => selectPlan(suites, ['auht'])).toThrow(RunSettingsError);
  });

  it('refuses an empty plan, naming why', () => {
    expect(() => selectPlan(suites, ['empty'])).toThrow('nothing to run: suite empty plan no probe');
    expect(() => selectPlan(suites, ['errors'], { index: 3, count: 3 })).toThrow(
      'nothing to run: shard 3/3 of suite errors holds no probe (2 probes in all)',
    );
  });
});
