/** @module sandbox auth schemes and base paths: the sandbox imitates Azure, gateways and keyless servers. */
import { afterEach, describe, expect, it } from 'vitest';
import { parseSandboxAuth } from './auth.ts';
import { type RunningSandbox, startSandbox } from './start-sandbox.ts';

const KEY = 'test-key-for-auth-schemes';
let sandbox: RunningSandbox | undefined;

afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function status(path: string, headers: Record<string, string> = {}): Promise<number> {
  return (await fetch(`${sandbox?.url}${path}`, { headers })).status;
}

describe('sandbox auth schemes', () => {
  it('parses the flag forms and refuses others', () => {
    expect(parseSandboxAuth('bearer')).toEqual({ scheme: 'bearer' });
    expect(parseSandboxAuth('header:API-Key')).toEqual({ scheme: 'header', name: 'api-key' });
    expect(parseSandboxAuth('query:key')).toEqual({ scheme: 'query', param: 'key' });
    expect(parseSandboxAuth('none')).toEqual({ scheme: 'none' });
    expect(parseSandboxAuth('header:')).toBeNull();
    expect(parseSandboxAuth('basic')).toBeNull();
  });

  it('takes the key in a named header only (Azure style) under /openai/v1', async () => {
    sandbox = await startSandbox({
      profile: 'fast',
      apiKeys: [KEY],
      auth: { scheme: 'header', name: 'api-key' },
      basePath: '/openai/v1',
    });
    expect(sandbox.apiBaseUrl).toBe(`${sandbox.url}/openai/v1`);
    expect(await status('/openai/v1/models', { 'api-key': KEY })).toBe(200);
    expect(await status('/openai/v1/models', { authorization: `Bearer ${KEY}` })).toBe(401);
    expect(await status('/openai/v1/models', { 'api-key': 'wrong' })).toBe(401);
    expect(await status('/v1/models', { 'api-key': KEY })).toBe(404);
  });

  it('takes the key as a query parameter', async () => {
    sandbox = await startSandbox({
      profile: 'fast',
      apiKeys: [KEY],
      auth: { scheme: 'query', param: 'key' },
    });
    expect(await status(`/v1/models?key=${KEY}`)).toBe(200);
    expect(await status('/v1/models', { authorization: `Bearer ${KEY}` })).toBe(401);
  });

  it('serves without a key at the root when asked', async () => {
    sandbox = await startSandbox({ profile: 'fast', auth: { scheme: 'none' }, basePath: '/' });
    expect(sandbox.apiBaseUrl).toBe(sandbox.url);
    expect(await status('/models')).toBe(200);
    expect(await status('/v1/models')).toBe(404);
  });
});
