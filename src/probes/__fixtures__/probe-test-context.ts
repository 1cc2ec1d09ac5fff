/** @module Test support: a ProbeContext over a real provider, and a tiny node:http server on 127.0.0.1:0. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatcher } from 'undici';
import { createProvider } from '../../providers/create-provider.ts';
import type { Provider, ProviderRequest } from '../../providers/provider.ts';
import type { ProbeSpec, RequestTemplate } from '../../spec/suite.ts';
import type { ProviderKind, Target } from '../../spec/target.ts';
import { renderTemplate } from '../../suite/render-template.ts';
import type { Canaries, ProbeContext } from '../probe-kind.ts';

export const TEST_API_KEY = 'test-key-0123456789abcdef';

export const TEST_CANARIES: Canaries = {
  email: 'canary.abc123@example.invalid',
  name: 'Canary Person abc123',
  phone: '+00 abc123',
  apiKey: 'canary0123456789abcdef01234567',
  fileText: 'agentscore erasure canary abc123',
};

export interface TestContextOptions {
  baseUrl: string;
  probe?: Partial<ProbeSpec>;
  provider?: ProviderKind;
  /** The spec the target is held to; the sandbox these tests talk to imitates Mistral, so `mistral`. */
  spec?: Target['spec'];
  model?: string;
  dispatcher?: Dispatcher;
  timeoutMs?: number;
}

/** A context shaped like the runner's, without its gate: requests go straight to a real provider. */
export function createTestContext(options: TestContextOptions): {
  context: ProbeContext;
  provider: Provider;
} {
  const target: Target = {
    name: 'test',
    provider: options.provider ?? 'openai-compatible',
    baseUrl: options.baseUrl,
    model: options.model ?? 'mistral-small-latest',
    apiKeyEnv: 'TEST_API_KEY',
    spec: options.spec ?? 'mistral',
  };
  const provider = createProvider(
    target,
    TEST_API_KEY,
    options.dispatcher ? { dispatcher: options.dispatcher } : {},
  );
  const probe: ProbeSpec = { id: 'test-probe', kind: 'http', ...options.probe };
  const vars = { model: target.model, canary: TEST_CANARIES, ...(probe.with ?? {}) };
  const timeoutMs = options.timeoutMs ?? 5_000;
  const context: ProbeContext = {
    probe,
    target,
    runId: 'run0123456789',
    canaries: TEST_CANARIES,
    isLoopback: true,
    timeoutMs,
    vars,
    sdk: provider.sdk,
    signal: new AbortController().signal,
    containsSecret: (text) => text.includes(TEST_API_KEY),
    render: (template: RequestTemplate, extra = {}): ProviderRequest => {
      const rendered = renderTemplate(template, { ...vars, ...extra }) as RequestTemplate;
      return {
        method: rendered.method ?? (rendered.body === undefined ? 'GET' : 'POST'),
        path: rendered.path,
        auth: rendered.auth ?? { mode: 'bearer' },
        body: rendered.body,
        timeoutMs,
      };
    },
    send: (request) => provider.send(request),
  };
  return { context, provider };
}

export type TestHandler = (request: IncomingMessage, body: Buffer, response: ServerResponse) => void;

export interface TestServer {
  server: Server;
  /** The API base URL as the OpenAI SDK takes it (`/v1` form). */
  baseUrl: string;
  /** The server's root, for servers that are not an LLM API (a fake npm registry). */
  origin: string;
  port: number;
  close(): Promise<void>;
}

/** Starts a node:http server on 127.0.0.1:0 that hands each request, body read, to `handler`. */
export async function startTestServer(handler: TestHandler): Promise<TestServer> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handler(request, Buffer.concat(chunks), response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    baseUrl: `http://127.0.0.1:${port}/v1`,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}
