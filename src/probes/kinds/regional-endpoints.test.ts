import { afterEach, describe, expect, it } from 'vitest';
import {
  createTestContext,
  sendJson,
  startTestServer,
  TEST_API_KEY,
  type TestServer,
} from '../__fixtures__/probe-test-context.ts';
import { regionalEndpointAnswersAssertion } from '../assertions/residency-assertions.ts';
import { observationOf } from '../observation.ts';
import { regionalEndpointsKind } from './regional-endpoints.ts';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function server(status: number, headers: Record<string, string> = {}): Promise<TestServer> {
  const started = await startTestServer((request, _body, response) => {
    const keyed = request.headers.authorization === `Bearer ${TEST_API_KEY}`;
    sendJson(response, keyed ? status : 401, { object: 'list', data: [] }, headers);
  });
  servers.push(started);
  return started;
}

async function run(regions: { region: string; baseUrl: string }[]) {
  const main = await server(200);
  const { context, provider } = createTestContext({ baseUrl: main.baseUrl });
  const outcome = await regionalEndpointsKind.run({
    ...context,
    target: { ...context.target, regionalEndpoints: regions },
  });
  await provider.close();
  return outcome;
}

describe('regional-endpoints kind', () => {
  it('calls each regional base URL with the key and records what answered and what it declared', async () => {
    const eu = await server(200, { 'x-region': 'eu-west' });
    const us = await server(403);
    const outcome = await run([
      { region: 'eu', baseUrl: eu.baseUrl },
      { region: 'us', baseUrl: us.baseUrl },
    ]);
    const observed = observationOf(outcome, 'regional-endpoints');
    expect(observed?.endpoints.map((endpoint) => [endpoint.region, endpoint.status])).toEqual([
      ['eu', 200],
      ['us', 403],
    ]);
    expect(observed?.endpoints[0]?.declared).toMatchObject({ 'x-region': 'eu-west' });
    expect(outcome.exchanges.map((exchange) => new URL(exchange.request.url).pathname)).toEqual([
      '/v1/models',
      '/v1/models',
    ]);
    const context = {} as never;
    expect(regionalEndpointAnswersAssertion.evaluate({ region: 'eu' }, outcome, context).passed).toBe(true);
    expect(regionalEndpointAnswersAssertion.evaluate({ region: 'us' }, outcome, context).passed).toBe(false);
    expect(regionalEndpointAnswersAssertion.evaluate({ region: 'ap' }, outcome, context).passed).toBeNull();
  });

  it('is not applicable when the target lists no regional endpoint', async () => {
    const outcome = await run([]);
    expect(outcome.skip?.reason).toBe('not-applicable');
  });
});
