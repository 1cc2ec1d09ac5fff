import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  sendJson,
  startTestServer,
  TEST_API_KEY,
  type TestServer,
} from '../__fixtures__/probe-test-context.ts';
import type { Assertion, AssertionParams } from '../assertion.ts';
import {
  sdkCallOkAssertion,
  sdkDependencyCountAssertion,
  sdkInstallScriptsAssertion,
  sdkLicencesKnownAssertion,
  sdkNotDeprecatedAssertion,
  sdkTypedErrorAssertion,
} from '../assertions/sdk-assertions.ts';
import { observationOf } from '../observation.ts';
import type { ProbeOutcome } from '../probe-kind.ts';
import { NPM_REGISTRY_ENV } from '../published-sdk-report.ts';
import { sdkKind, UNKNOWN_MODEL } from './sdk.ts';

/** Bodies as Mistral sends them (reference/mistral-real-errors.json, mistral-real-streams.json). */
const UNAUTHORIZED = { message: 'Unauthorized', request_id: 'c61f2f15feca71626a990e3740f99245' };
const INVALID_MODEL = {
  object: 'error',
  message: `Invalid model: ${UNKNOWN_MODEL}`,
  type: 'invalid_model',
  param: null,
  code: '1500',
};
const COMPLETION = {
  id: 'b761ad55fe0145d3a5e478a080930232',
  object: 'chat.completion',
  created: 1728462827,
  model: 'mistral-small-2506',
  choices: [
    { index: 0, message: { role: 'assistant', content: 'OK', tool_calls: null }, finish_reason: 'stop' },
  ],
  usage: { prompt_tokens: 12, total_tokens: 13, completion_tokens: 1 },
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer((request, body, response) => {
    if (request.headers.authorization !== `Bearer ${TEST_API_KEY}`)
      return sendJson(response, 401, UNAUTHORIZED);
    const chat = JSON.parse(body.toString('utf8')) as { model: string; temperature?: number };
    if (chat.model === UNKNOWN_MODEL) return sendJson(response, 400, INVALID_MODEL);
    if ((chat.temperature ?? 0) > 1.5) {
      const detail = [
        {
          type: 'less_than_equal',
          loc: ['body', 'temperature'],
          msg: 'Input should be less than or equal to 1.5',
          input: chat.temperature,
        },
      ];
      return sendJson(response, 422, {
        object: 'error',
        message: { detail },
        type: 'invalid_request_error',
        param: null,
        code: null,
      });
    }
    sendJson(response, 200, COMPLETION);
  });
});
afterAll(() => server.close());

/**
 * A loopback npm registry answering in the registry's own shapes: `GET /<name>` a packument (versions,
 * dist-tags, time), `GET /<name>/<version|tag>` a version manifest. It does not resolve ranges (neither
 * does the real one): the report must. The real registry is never contacted in tests.
 */
const manifest = (name: string, version: string, extra: Record<string, unknown> = {}) => ({
  name,
  version,
  _id: `${name}@${version}`,
  dist: { tarball: `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${version}.tgz` },
  ...extra,
});
const PACKAGES: Record<
  string,
  { latest: string; time?: Record<string, string>; versions: Record<string, object> }
> = {
  '@mistralai/mistralai': {
    latest: '1.7.1',
    time: { '1.7.1': '2025-05-28T09:47:21.135Z' },
    versions: {
      '1.7.1': manifest('@mistralai/mistralai', '1.7.1', {
        license: 'Apache-2.0',
        dependencies: { zod: '^3.20.0', 'zod-to-json-schema': '^3.24.1' },
      }),
    },
  },
  zod: {
    latest: '4.1.5',
    versions: {
      '3.19.1': manifest('zod', '3.19.1', { license: 'MIT' }),
      '3.25.76': manifest('zod', '3.25.76', { license: 'MIT' }),
      '4.1.5': manifest('zod', '4.1.5', { license: 'MIT' }),
    },
  },
  'zod-to-json-schema': {
    latest: '3.24.6',
    versions: {
      '3.24.6': manifest('zod-to-json-schema', '3.24.6', {
        license: 'ISC',
        peerDependencies: { zod: '^3.24.1' },
      }),
    },
  },
  '@acme/old-sdk': {
    latest: '0.9.0',
    versions: {
      '0.9.0': manifest('@acme/old-sdk', '0.9.0', {
        license: 'MIT',
        deprecated: 'no longer maintained, use @acme/sdk',
        dependencies: { 'native-helper': '~2.1.0' },
      }),
    },
  },
  'native-helper': {
    latest: '2.2.0',
    versions: {
      '2.1.0': manifest('native-helper', '2.1.0', {
        scripts: { install: 'node-gyp rebuild' },
        hasInstallScript: true,
      }),
      '2.2.0': manifest('native-helper', '2.2.0', { license: 'MIT' }),
    },
  },
};
const registryPaths: string[] = [];
let registry: TestServer;
beforeAll(async () => {
  registry = await startTestServer((request, _body, response) => {
    registryPaths.push(request.url ?? '/');
    const path = decodeURIComponent(request.url ?? '/').slice(1);
    const name = Object.keys(PACKAGES)
      .sort((left, right) => right.length - left.length)
      .find((candidate) => path === candidate || path.startsWith(`${candidate}/`));
    const found = name ? PACKAGES[name] : undefined;
    if (!name || !found) return sendJson(response, 404, { error: 'Not found' });
    if (path === name)
      return sendJson(response, 200, {
        name,
        'dist-tags': { latest: found.latest },
        versions: found.versions,
        ...(found.time ? { time: found.time } : {}),
      });
    const wanted = path.slice(name.length + 1);
    const document = found.versions[wanted === 'latest' ? found.latest : wanted];
    return document
      ? sendJson(response, 200, document)
      : sendJson(response, 404, { error: 'version not found' });
  });
  process.env[NPM_REGISTRY_ENV] = registry.origin;
});
afterAll(async () => {
  delete process.env[NPM_REGISTRY_ENV];
  await registry.close();
});

async function runScenario(
  scenario: string,
  extra: Record<string, unknown> = {},
  baseUrl = server.baseUrl,
): Promise<ProbeOutcome> {
  const { context } = createTestContext({
    baseUrl,
    provider: 'mistral',
    probe: { kind: 'sdk', with: { scenario, ...extra } },
  });
  return sdkKind.run(context);
}

const verdict = (assertion: Assertion, outcome: ProbeOutcome, params: AssertionParams = {}) =>
  assertion.evaluate(params, outcome, {} as never);

describe('sdk kind', () => {
  it('auth-works: a chat call with the real key succeeds', async () => {
    const outcome = await runScenario('auth-works');
    expect(observationOf(outcome, 'sdk')?.scenario).toBe('auth-works');
    expect(observationOf(outcome, 'sdk')!).toMatchObject({ scenario: 'auth-works', ok: true });
    expect(verdict(sdkCallOkAssertion, outcome).passed).toBe(true);
  });

  it('wrong-key: the SDK throws a typed 401', async () => {
    const outcome = await runScenario('wrong-key');
    expect(observationOf(outcome, 'sdk')!).toMatchObject({
      ok: false,
      statusCode: 401,
      hasTypedFields: true,
    });
    expect(observationOf(outcome, 'sdk')).not.toMatchObject({ errorClass: 'Error' });
    expect(verdict(sdkTypedErrorAssertion, outcome, { expectStatus: 401 })).toMatchObject({ passed: true });
    expect(verdict(sdkTypedErrorAssertion, outcome, { expectStatus: 403 }).passed).toBe(false);
    expect(verdict(sdkCallOkAssertion, outcome).passed).toBe(false);
  });

  it('validation: an unknown model and an out-of-range temperature give typed 4xx errors', async () => {
    const model = await runScenario('validation');
    expect(observationOf(model, 'sdk')!).toMatchObject({ ok: false, statusCode: 400 });
    expect(verdict(sdkTypedErrorAssertion, model, { expectStatus: [400, 404, 422] }).passed).toBe(true);
    const temperature = await runScenario('validation', { invalid: 'temperature' });
    expect(observationOf(temperature, 'sdk')!).toMatchObject({ ok: false, statusCode: 422 });
    expect(verdict(sdkTypedErrorAssertion, temperature).passed).toBe(true);
  });

  it('a 503 through the SDK is availability, not an SDK failure or an untyped error', () => {
    const outcome: ProbeOutcome = {
      exchanges: [],
      measurements: {},
      timings: {},
      observation: {
        kind: 'sdk',
        data: {
          scenario: 'wrong-key',
          ok: false,
          errorClass: 'SDKError',
          statusCode: 503,
          message: 'Service unavailable',
          hasTypedFields: true,
          durationMs: 12,
        },
      },
    };
    for (const assertion of [sdkCallOkAssertion, sdkTypedErrorAssertion]) {
      expect(verdict(assertion, outcome, { expectStatus: 401 })).toEqual({
        passed: null,
        detail: 'not judged: the API answered 503 (availability judges it)',
      });
    }
    expect(verdict(sdkTypedErrorAssertion, outcome, { expectStatus: [503] }).passed).toBe(true);
  });

  it('dependencies: reads the SDK as published on the registry, not our node_modules', async () => {
    const outcome = await runScenario('dependencies');
    expect(observationOf(outcome, 'sdk')?.scenario).toBe('dependencies');
    expect(observationOf(outcome, 'sdk')!).toMatchObject({
      unreachable: null,
      report: {
        packageName: '@mistralai/mistralai',
        version: '1.7.1',
        transitiveCount: 2,
        installScripts: [],
        licences: { MIT: 1, ISC: 1 },
        deprecated: null,
        publishedAt: '2025-05-28T09:47:21.135Z',
        registry: registry.origin,
      },
    });
    expect(registryPaths).toContain('/@mistralai%2fmistralai/latest');
    expect(registryPaths).toContain('/zod/3.25.76');
    expect(registryPaths.some((path) => path.includes('%5E'))).toBe(false);
    expect(verdict(sdkDependencyCountAssertion, outcome, { max: 2 }).passed).toBe(true);
    expect(verdict(sdkDependencyCountAssertion, outcome, { max: 1 }).passed).toBe(false);
    expect(verdict(sdkInstallScriptsAssertion, outcome).passed).toBe(true);
    expect(verdict(sdkLicencesKnownAssertion, outcome).passed).toBe(true);
    expect(verdict(sdkNotDeprecatedAssertion, outcome).passed).toBe(true);
  });

  it('dependencies: install scripts, missing licences and deprecation anywhere in the tree fail', async () => {
    const outcome = await runScenario('dependencies', { package: '@acme/old-sdk', version: '0.9.0' });
    expect(verdict(sdkInstallScriptsAssertion, outcome)).toMatchObject({
      passed: false,
      detail: expect.stringContaining('native-helper@2.1.0'),
    });
    expect(verdict(sdkLicencesKnownAssertion, outcome)).toMatchObject({
      passed: false,
      detail: expect.stringContaining('native-helper@2.1.0'),
    });
    expect(verdict(sdkNotDeprecatedAssertion, outcome)).toMatchObject({
      passed: false,
      detail: expect.stringContaining('no longer maintained'),
    });
  });

  it('dependencies: a loopback target never contacts a registry nobody configured', async () => {
    delete process.env[NPM_REGISTRY_ENV];
    const before = registryPaths.length;
    try {
      const outcome = await runScenario('dependencies');
      expect(verdict(sdkInstallScriptsAssertion, outcome)).toEqual({
        passed: null,
        detail: `registry unreachable: not contacted for a loopback target (set ${NPM_REGISTRY_ENV})`,
      });
      expect(registryPaths.length).toBe(before);
    } finally {
      process.env[NPM_REGISTRY_ENV] = registry.origin;
    }
  });

  it('dependencies: an unreachable registry judges nothing (component shows --)', async () => {
    const closed = await startTestServer(() => undefined);
    await closed.close();
    process.env[NPM_REGISTRY_ENV] = closed.baseUrl;
    try {
      const outcome = await runScenario('dependencies');
      for (const assertion of [
        sdkDependencyCountAssertion,
        sdkInstallScriptsAssertion,
        sdkLicencesKnownAssertion,
        sdkNotDeprecatedAssertion,
      ]) {
        expect(verdict(assertion, outcome)).toMatchObject({
          passed: null,
          detail: expect.stringContaining('registry unreachable'),
        });
      }
    } finally {
      process.env[NPM_REGISTRY_ENV] = registry.origin;
    }
  });

  it('an unreachable server is a transport failure, and a provider without SDK is skipped', async () => {
    const closed = await startTestServer(() => undefined);
    await closed.close();
    const outcome = await runScenario('auth-works', {}, closed.baseUrl);
    expect(outcome.failure?.reason).toBe('connection-refused');
    const { context } = createTestContext({
      baseUrl: server.baseUrl,
      probe: { kind: 'sdk', with: { scenario: 'auth-works' } },
    });
    expect((await sdkKind.run(context)).skip?.reason).toBe('not-supported');
  });
});
