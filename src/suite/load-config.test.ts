/** @module Tests for load-config.ts. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './diagnostic.ts';
import { loadConfig } from './load-config.ts';
import { writeTempFiles } from './temp-files.ts';
import { ValidationError } from './validation-error.ts';

const validConfig = await readFile(new URL('./__fixtures__/agentscore.config.yaml', import.meta.url), 'utf8');

async function messagesFor(text: string): Promise<{ file: string; messages: string[] }> {
  const root = await writeTempFiles({ 'agentscore.config.yaml': text });
  const file = join(root, 'agentscore.config.yaml');
  const error = await loadConfig(file).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(ValidationError);
  return { file, messages: (error as ValidationError).diagnostics.map(formatDiagnostic) };
}

describe('loadConfig', () => {
  it('names each target after its key and keeps defaults', async () => {
    const root = await writeTempFiles({ 'agentscore.config.yaml': validConfig });
    const config = await loadConfig(join(root, 'agentscore.config.yaml'));
    expect(Object.keys(config.targets)).toEqual(['mistral-small', 'local']);
    expect(config.targets['mistral-small']).toMatchObject({
      name: 'mistral-small',
      provider: 'mistral',
      apiKeyEnv: 'MISTRAL_API_KEY',
      budgets: { maxRequests: 500, requestsPerSecond: 2 },
    });
    expect(config.defaults).toEqual({ concurrency: 8, timeoutMs: 30000 });
  });

  it('rejects an apiKeyEnv that is not an environment variable name', async () => {
    const { file, messages } = await messagesFor(
      validConfig.replace('apiKeyEnv: SANDBOX_KEY', 'apiKeyEnv: sk-live-123'),
    );
    expect(messages).toEqual([
      `${file}:13:5 targets.local.apiKeyEnv: must match ^[A-Z_][A-Z0-9_]*$ (the name of an environment variable such as MISTRAL_API_KEY, never the key itself), got "sk-live-123"`,
    ]);
  });

  it('rejects an unknown provider, a bad URL and an unknown budget field', async () => {
    const broken = validConfig
      .replace('provider: openai-compatible', 'provider: anthropic')
      .replace('baseUrl: https://api.mistral.ai/v1', 'baseUrl: not a url')
      .replace('allowBurst: false', 'allowBursts: false');
    const { file, messages } = await messagesFor(broken);
    expect(messages).toEqual([
      `${file}:4:5 targets.mistral-small.baseUrl: must match ^https?://\\S+$ (an http(s) URL as the OpenAI SDK takes it, e.g. https://api.mistral.ai/v1), got "not a url"`,
      `${file}:8:81 targets.mistral-small.budgets.allowBursts: unknown field "allowBursts", did you mean "allowBurst"? (known: maxRequests, requestsPerSecond, allowDestructive, allowBurst)`,
      `${file}:10:5 targets.local.provider: must be one of "mistral", "openai-compatible"; got "anthropic"`,
    ]);
  });

  it('rejects a base URL without a scheme, with the form to use', async () => {
    const { file, messages } = await messagesFor(
      validConfig.replace('baseUrl: https://api.mistral.ai/v1', 'baseUrl: localhost:8000'),
    );
    expect(messages).toEqual([
      `${file}:4:5 targets.mistral-small.baseUrl: must match ^https?://\\S+$ (an http(s) URL as the OpenAI SDK takes it, e.g. https://api.mistral.ai/v1), got "localhost:8000"`,
    ]);
  });

  it('requires targets and rejects unknown top-level keys', async () => {
    const { file, messages } = await messagesFor('default: { concurrency: 2 }\n');
    expect(messages).toEqual([
      `${file}:1:1 missing required field "targets"`,
      `${file}:1:1 default: unknown field "default", did you mean "defaults"? (known: targets, defaults)`,
    ]);
  });
});
