import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import {
  createServer as createHttpsServer,
  type Server as HttpsServer,
  type ServerOptions,
} from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  sendJson,
  startTestServer,
  type TestServer,
} from '../__fixtures__/probe-test-context.ts';
import {
  hstsAssertion,
  httpRefusedAssertion,
  tlsCertValidAssertion,
  tlsMinVersionAssertion,
} from '../assertions/tls-assertions.ts';
import { observationOf } from '../observation.ts';
import type { ProbeOutcome } from '../probe-kind.ts';
import { createTlsKind } from './tls.ts';

let directory: string;
let key: Buffer;
let cert: Buffer;
const servers: Array<{ close(): Promise<void> }> = [];

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'agentscore-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-days',
      '30',
      '-keyout',
      join(directory, 'key.pem'),
      '-out',
      join(directory, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  key = readFileSync(join(directory, 'key.pem'));
  cert = readFileSync(join(directory, 'cert.pem'));
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  rmSync(directory, { recursive: true, force: true });
});

async function startTlsServer(options: ServerOptions, headers: Record<string, string>): Promise<number> {
  const server: HttpsServer = createHttpsServer({ key, cert, ...options }, (_request, response) =>
    sendJson(response, 200, { object: 'list', data: [] }, headers),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return (server.address() as AddressInfo).port;
}

async function startPlainServer(status: number): Promise<TestServer> {
  const server = await startTestServer((_request, _body, response) => {
    if (status === 200) return sendJson(response, 200, { object: 'list', data: [] });
    response.writeHead(status, { location: 'https://127.0.0.1/v1/models' }).end();
  });
  servers.push(server);
  return server;
}

async function runTls(port: number, plainHttpPort: number, trust: boolean): Promise<ProbeOutcome> {
  const { context, provider } = createTestContext({
    baseUrl: `https://127.0.0.1:${port}/v1`,
    probe: { kind: 'tls', with: { plainHttpPort } },
    dispatcher: new Agent({ connect: { ca: cert } }),
  });
  const outcome = await createTlsKind(trust ? { ca: cert } : {}).run(context);
  await provider.close();
  return outcome;
}

const judge = (outcome: ProbeOutcome) =>
  Object.fromEntries(
    [tlsMinVersionAssertion, tlsCertValidAssertion, hstsAssertion, httpRefusedAssertion].map((assertion) => [
      assertion.name,
      assertion.evaluate({}, outcome, {} as never).passed,
    ]),
  );

describe('tls kind', () => {
  it('passes a TLS 1.2+ server with a trusted certificate, HSTS and a 301 on plain http', async () => {
    const port = await startTlsServer(
      {},
      { 'strict-transport-security': 'max-age=31536000; includeSubDomains' },
    );
    const plain = await startPlainServer(301);
    const outcome = await runTls(port, plain.port, true);
    expect(outcome.failure).toBeUndefined();
    expect(outcome.observation?.kind).toBe('tls');
    expect(observationOf(outcome, 'tls')!.tlsVersions).toEqual({
      TLSv1: false,
      'TLSv1.1': false,
      'TLSv1.2': true,
      'TLSv1.3': true,
    });
    expect(observationOf(outcome, 'tls')!.certificate).toMatchObject({ valid: true, daysLeft: 29 });
    expect(observationOf(outcome, 'tls')!.plainHttp).toMatchObject({
      refused: false,
      status: 301,
      redirectsToHttps: true,
    });
    expect(outcome.exchanges[1]?.request.headers.authorization).toBe('Bearer agentscore-dummy-key');
    expect(judge(outcome)).toEqual({
      'tls-min-version': true,
      'tls-cert-valid': true,
      hsts: true,
      'http-refused': true,
    });
  });

  it('fails legacy TLS, a short HSTS and plain http answering the API', async () => {
    const port = await startTlsServer(
      { minVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' },
      { 'strict-transport-security': 'max-age=86400' },
    );
    const plain = await startPlainServer(200);
    const outcome = await runTls(port, plain.port, true);
    expect(observationOf(outcome, 'tls')!.tlsVersions).toMatchObject({ TLSv1: true, 'TLSv1.1': true });
    expect(observationOf(outcome, 'tls')!.hsts).toMatchObject({ present: true, maxAge: 86400 });
    expect(judge(outcome)).toEqual({
      'tls-min-version': false,
      'tls-cert-valid': true,
      hsts: false,
      'http-refused': false,
    });
  });

  it('flags an untrusted certificate, a missing HSTS header and counts a closed port as refused', async () => {
    const port = await startTlsServer({}, {});
    const closed = await startPlainServer(301);
    await closed.close();
    const outcome = await runTls(port, closed.port, false);
    expect(observationOf(outcome, 'tls')!.certificate).toMatchObject({ valid: false });
    expect(String((observationOf(outcome, 'tls')!.certificate as { error: string }).error)).toMatch(
      /not trusted/,
    );
    expect(observationOf(outcome, 'tls')!.plainHttp).toMatchObject({ refused: true, status: null });
    expect(judge(outcome)).toEqual({
      'tls-min-version': true,
      'tls-cert-valid': false,
      hsts: false,
      'http-refused': true,
    });
  });

  it('reports an unreachable host as a connection failure, not observations', async () => {
    const closed = await startPlainServer(301);
    await closed.close();
    const outcome = await runTls(closed.port, closed.port, true);
    expect(outcome.failure?.reason).toBe('connection-refused');
  });
});
