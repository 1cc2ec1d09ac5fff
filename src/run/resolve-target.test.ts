/** @module Tests for resolve-target.ts: one validation path for config and ad hoc targets. */
import { describe, expect, it } from 'vitest';
import { publishedSpec } from '../spec/target.ts';
import type { AgentscoreConfig } from '../suite/load-config.ts';
import { BUILT_IN_TARGETS, resolveTarget, TargetError, type TargetRequest } from './resolve-target.ts';

const env = { MY_KEY: 'k-123', MISTRAL_API_KEY: 'm-456' };
const config: AgentscoreConfig = {
  targets: {
    local: {
      name: 'local',
      provider: 'openai-compatible',
      baseUrl: 'http://127.0.0.1:8000/v1',
      model: 'm',
      apiKeyEnv: 'MY_KEY',
    },
  },
  defaults: {},
};

function request(fields: Partial<TargetRequest>): TargetRequest {
  return { config, configFile: 'agentscore.config.yaml', ...fields };
}

const adHoc = {
  provider: 'openai-compatible',
  baseUrl: 'http://127.0.0.1:8000/v1/',
  model: 'm',
  apiKeyEnv: 'MY_KEY',
};

describe('resolveTarget', () => {
  it('reads a config target, applies flag overrides, and returns the key', () => {
    const { target, apiKey } = resolveTarget(request({ targetName: 'local', model: 'other' }), env);
    expect(target).toMatchObject({ name: 'local', model: 'other', baseUrl: 'http://127.0.0.1:8000/v1' });
    expect(apiKey).toBe('k-123');
    expect(config.targets.local?.model).toBe('m');
  });

  it('knows the built-in mistral target, with its base URL in the OpenAI SDK form', () => {
    expect(BUILT_IN_TARGETS.mistral?.baseUrl).toBe('https://api.mistral.ai/v1');
    expect(resolveTarget(request({ targetName: 'mistral' }), env).target.name).toBe('mistral');
  });

  it("takes the key from the provider SDK's own variable when --api-key-env is not given", () => {
    const { apiKeyEnv: _named, ...unnamed } = adHoc;
    const mistral = resolveTarget(request({ ...unnamed, provider: 'mistral' }), env);
    expect(mistral.target.apiKeyEnv).toBe('MISTRAL_API_KEY');
    expect(mistral.apiKey).toBe('m-456');
    const openAi = resolveTarget(request(unnamed), { OPENAI_API_KEY: 'o-789' });
    expect([openAi.target.apiKeyEnv, openAi.apiKey]).toEqual(['OPENAI_API_KEY', 'o-789']);
    expect(() => resolveTarget(request(unnamed), {})).toThrow(
      'the API key variable OPENAI_API_KEY is not set (target "127.0.0.1:8000"); export OPENAI_API_KEY=... and try again, or name another with --api-key-env VAR',
    );
    // The base URL too, as the OpenAI SDK reads it (OPENAI_BASE_URL), when --base-url is not given.
    const { baseUrl: _url, ...bare } = unnamed;
    const fromEnv = resolveTarget(request(bare), {
      OPENAI_API_KEY: 'o-789',
      OPENAI_BASE_URL: 'http://127.0.0.1:9999/v1/',
    });
    expect(fromEnv.target).toMatchObject({ baseUrl: 'http://127.0.0.1:9999/v1', name: '127.0.0.1:9999' });
    expect(() => resolveTarget(request(bare), { OPENAI_API_KEY: 'o-789' })).toThrow(
      'ad hoc target with --base-url (or OPENAI_BASE_URL)',
    );
    // No key at all is asked for with --auth-scheme none.
    expect(resolveTarget(request({ ...unnamed, authScheme: 'none' }), {}).target.apiKeyEnv).toBe('');
  });

  it("holds the mistral provider and api.mistral.ai to Mistral's spec, others only when --spec says so", () => {
    expect(publishedSpec({ provider: 'mistral', baseUrl: 'http://127.0.0.1:8787/v1' })).toBe('mistral');
    expect(publishedSpec({ provider: 'openai-compatible', baseUrl: 'https://api.mistral.ai/v1' })).toBe(
      'mistral',
    );
    expect(publishedSpec({ provider: 'openai-compatible', baseUrl: 'https://api.openai.com/v1' })).toBeNull();
    expect(publishedSpec({ provider: 'openai-compatible', baseUrl: 'https://evilmistral.ai/v1' })).toBeNull();
    const proxied = resolveTarget(request({ ...adHoc, spec: 'mistral' }), env).target;
    expect([proxied.spec, publishedSpec(proxied)]).toEqual(['mistral', 'mistral']);
    expect(
      publishedSpec({ provider: 'mistral', baseUrl: 'https://api.mistral.ai/v1', spec: 'none' }),
    ).toBeNull();
  });

  it('builds an ad hoc target named after its host, trailing slash dropped', () => {
    const { target } = resolveTarget(request(adHoc), env);
    expect(target).toEqual({
      name: '127.0.0.1:8000',
      provider: 'openai-compatible',
      baseUrl: 'http://127.0.0.1:8000/v1',
      model: 'm',
      apiKeyEnv: 'MY_KEY',
    });
  });

  it('refuses what cannot be a target, as flags', () => {
    const refuse = (fields: Partial<TargetRequest>, message: string): void => {
      expect(() => resolveTarget(request(fields), env)).toThrow(TargetError);
      expect(() => resolveTarget(request(fields), env)).toThrow(message);
    };
    refuse({ ...adHoc, baseUrl: 'localhost:8000' }, 'e.g. --base-url https://api.mistral.ai/v1');
    refuse({ ...adHoc, provider: 'anthropic' }, '--provider: must be one of "mistral", "openai-compatible"');
    refuse({ ...adHoc, apiKeyEnv: 'sk-live-1' }, '--api-key-env: must match');
    refuse({ ...adHoc, mcpUrl: 'localhost:1/mcp' }, '--mcp-url is not an http(s) URL');
    refuse({ ...adHoc, spec: 'openai' }, '--spec: must be one of "mistral", "none"');
    refuse({ baseUrl: 'http://x' }, 'give --target NAME, or an ad hoc target with --provider, --model');
    refuse({ targetName: 'local', baseUrl: 'http://x' }, 'give one or the other');
    refuse(
      { targetName: 'nope' },
      'unknown target "nope": not in agentscore.config.yaml and not built in (known: local, mistral; agentscore targets --list)',
    );
    refuse({ ...adHoc, apiKeyEnv: 'UNSET_KEY' }, 'the API key variable UNSET_KEY is not set');
  });

  it('needs no key when told so (a replay)', () => {
    expect(
      resolveTarget(request({ ...adHoc, apiKeyEnv: 'UNSET_KEY' }), env, { keyRequired: false }).apiKey,
    ).toBe('');
  });
});
