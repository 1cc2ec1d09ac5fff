import { describe, expect, it } from 'vitest';
import type { Assertion } from '../probes/assertion.ts';
import { emptyOutcome } from '../probes/probe-kind.ts';
import type { ProbeSpec } from '../spec/suite.ts';
import { checksFor, expectationsFor, statusOf } from './probe-checks.ts';

const context = {
  containsSecret: () => false,
  canaries: { email: 'e', name: 'n', phone: 'p', apiKey: 'k', fileText: 'f' },
  target: {
    name: 't',
    provider: 'openai-compatible' as const,
    baseUrl: 'http://127.0.0.1:1/v1',
    model: 'm',
    apiKeyEnv: 'TEST_KEY',
  },
  vars: {},
};
const judged: string[] = [];
const assertions: Record<string, Assertion> = {
  availability: {
    name: 'availability',
    evaluate: () => {
      judged.push('availability');
      return { passed: true, detail: 'answered' };
    },
  },
  status: {
    name: 'status',
    evaluate: (params) => {
      judged.push(`status ${String(params.range)}`);
      return { passed: false, detail: 'got 500' };
    },
  },
};

const models: ProbeSpec = {
  id: 'list',
  kind: 'models',
  feeds: 'agentFriendliness.documentation',
  expect: [{ assert: 'status', range: [200, 299], check: 'models-200' }],
};
const http: ProbeSpec = { id: 'raw', kind: 'http', expect: [{ assert: 'status', feeds: null }] };

describe('expectationsFor', () => {
  it('adds availability to ordinary traffic once, and never to other kinds', () => {
    expect(expectationsFor(models).map((expectation) => expectation.assert)).toEqual([
      'status',
      'availability',
    ]);
    const already: ProbeSpec = { ...models, expect: [{ assert: 'availability', feeds: null }] };
    expect(expectationsFor(already)).toEqual([{ assert: 'availability', feeds: null }]);
    expect(expectationsFor(http).map((expectation) => expectation.assert)).toEqual(['status']);
  });
});

describe('checksFor', () => {
  it('judges every expectation with its parameters, check id and component', () => {
    judged.length = 0;
    const checks = checksFor(models, emptyOutcome(), context, assertions);
    expect(judged).toEqual(['status 200,299', 'availability']);
    expect(checks).toEqual([
      { id: 'models-200', component: 'agentFriendliness.documentation', passed: false, detail: 'got 500' },
      { id: 'availability', component: 'reliability.uptimeSla', passed: true, detail: 'answered' },
    ]);
    expect(checksFor(http, emptyOutcome(), context, assertions)[0]?.component).toBeNull();
  });

  it('has no checks for a skip, and only a failed availability for ordinary traffic that got no answer', () => {
    judged.length = 0;
    const skipped = { ...emptyOutcome(), skip: { reason: 'opt-in' as const, detail: 'remote' } };
    expect(checksFor(models, skipped, context, assertions)).toEqual([]);
    const failed = { ...emptyOutcome(), failure: { reason: 'timeout' as const, detail: 'slow' } };
    expect(checksFor(models, failed, context, assertions)).toEqual([
      { id: 'availability', component: 'reliability.uptimeSla', passed: false, detail: 'no answer: timeout' },
    ]);
    expect(checksFor(http, failed, context, assertions)).toEqual([]);
    expect(judged).toEqual([]);
  });
});

describe('statusOf', () => {
  it('skipped, errored, failed when a check failed, passed otherwise', () => {
    const skip = { reason: 'opt-in' as const, detail: 'remote' };
    expect(statusOf({ ...emptyOutcome(), skip }, [])).toEqual({
      status: 'skipped',
      reason: 'opt-in',
      detail: 'remote',
    });
    const failure = { reason: 'timeout' as const, detail: 'slow' };
    expect(statusOf({ ...emptyOutcome(), failure }, []).status).toBe('errored');
    const check = { id: 'c', component: null, detail: '' };
    expect(statusOf(emptyOutcome(), [{ ...check, passed: null }]).status).toBe('passed');
    expect(
      statusOf(emptyOutcome(), [
        { ...check, passed: true },
        { ...check, passed: false },
      ]).status,
    ).toBe('failed');
  });
});
