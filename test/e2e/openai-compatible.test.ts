/**
 * The same suites run unchanged against any OpenAI-compatible server: here a minimal one with no
 * streaming, no files, no tools, no JSON mode and no SDK. Nothing crashes; what it lacks is skipped
 * with a reason or judged as the failure it is.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../src/spec/probe-result.ts';
import type { Scorecard } from '../../src/spec/scorecard.ts';
import { runCli } from './run-cli.ts';

const KEY = 'sk-Vb3nQ8rLm2Xc7Tz5Wd9Hk4Jp6Fs1Gy0e';

function minimalServer(): Server {
  return createServer((request, response) => {
    const json = (status: number, body: unknown) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (request.headers.authorization !== `Bearer ${KEY}`) {
      request.resume();
      return json(401, {
        error: {
          message: 'Incorrect API key provided',
          type: 'invalid_request_error',
          code: 'invalid_api_key',
        },
      });
    }
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      if (request.method === 'GET' && request.url === '/v1/models') {
        return json(200, {
          object: 'list',
          data: [{ id: 'tiny-1', object: 'model', created: 1, owned_by: 'me' }],
        });
      }
      if (request.method === 'POST' && request.url === '/v1/chat/completions') {
        try {
          JSON.parse(body);
        } catch {
          return json(400, {
            error: {
              message: 'We could not parse the JSON body of your request.',
              type: 'invalid_request_error',
            },
          });
        }
        return json(200, {
          id: 'chatcmpl-1',
          object: 'chat.completion',
          created: 1,
          model: 'tiny-1',
          choices: [{ index: 0, message: { role: 'assistant', content: 'Hello.' }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
        });
      }
      json(404, { error: { message: `Unknown path ${request.url}`, type: 'invalid_request_error' } });
    });
  });
}

describe('agentscore run against a minimal OpenAI-compatible server', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = minimalServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('runs every suite, skips what the target lacks with a reason, and scores what it could', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'agentscore-oai-')), 'run');
    const run = await runCli(
      [
        'run',
        '--provider',
        'openai-compatible',
        '--base-url',
        `${url}/v1`,
        '--model',
        'tiny-1',
        '--api-key-env',
        'TINY_KEY',
        '--out',
        out,
        '--timeout-ms',
        '5000',
      ],
      { TINY_KEY: KEY },
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.code, run.stderr).toBe(0);
    const results = readFileSync(join(out, 'results.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ProbeResult);
    const byId = (suite: string, probe: string) =>
      results.filter((result) => result.suite === suite && result.probe === probe);
    for (const result of results.filter((item) => item.status === 'skipped'))
      expect(result.reason).not.toBeNull();
    expect(byId('sdk', 'sdk-auth-works')[0]?.reason).toBe('not-supported');
    expect(byId('data-handling', 'file-erasure')[0]?.reason).toBe('not-supported');
    expect(byId('transport', 'tls')[0]?.reason).toBe('not-applicable');
    expect(byId('latency', 'stream-short').every((result) => result.reason === 'not-supported')).toBe(true);
    expect(results.some((result) => result.status === 'errored' && result.reason === 'internal-error')).toBe(
      false,
    );
    const card = JSON.parse(readFileSync(join(out, 'scorecard.json'), 'utf8')) as Scorecard;
    expect(card.scores.security.components.authStrength?.score).toBe(100);
    // It ignores tool_choice and response_format: forced calls never happen, JSON mode is not JSON.
    expect(card.metrics.toolCalls.forcedCallRate).toBe(0);
    expect(card.metrics.jsonMode.validRate).toBe(0);
    expect(card.metrics.latency.samples).toBe(0);
  }, 120_000);
});
