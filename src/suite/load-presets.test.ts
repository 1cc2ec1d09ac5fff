import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fillFromEnvironment, loadPresets } from './load-presets.ts';

const PRESETS_DIR = fileURLToPath(new URL('../../presets/', import.meta.url));

describe('loadPresets', () => {
  it('loads every shipped preset, each citing the provider documentation', async () => {
    const presets = await loadPresets(PRESETS_DIR);
    expect([...presets.keys()].sort()).toEqual(
      [
        'azure-openai',
        'deepinfra',
        'fireworks',
        'gemini',
        'groq',
        'litellm',
        'llama-cpp',
        'lm-studio',
        'mistral',
        'ollama',
        'openai',
        'openrouter',
        'together',
        'vllm',
      ].sort(),
    );
    for (const preset of presets.values()) {
      expect(preset.sources.length).toBeGreaterThan(0);
      expect(preset.auth.scheme === 'none' || preset.apiKeyEnv !== undefined).toBe(true);
    }
    expect(presets.get('azure-openai')?.auth).toEqual({ scheme: 'header', name: 'api-key' });
    expect(presets.get('groq')?.baseUrl).toBe('https://api.groq.com/openai/v1');
  });

  it('names file, line and field of a bad preset', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'agentscore-presets-'));
    await writeFile(
      join(dir, 'broken.yaml'),
      'schemaVersion: 1\nid: broken\ntitle: Broken\nprovider: openai-compatible\nbaseUrl: api.example.test/v1\nauth: { scheme: header }\noffers: { models: true, streaming: true, toolCalls: true, jsonObject: true, jsonSchema: true, files: true, embeddings: true }\nrateLimitHeaders: none\nsources: [{ url: https://example.test/docs, title: Docs, retrieved: 2026-11-26 }]\n',
    );
    await expect(loadPresets(dir)).rejects.toThrow(/broken\.yaml:5.*baseUrl/s);
    await expect(loadPresets(dir)).rejects.toThrow(/broken\.yaml:6.*name/s);
  });
});

describe('fillFromEnvironment', () => {
  it('fills {VAR} parts and names the missing ones', () => {
    expect(
      fillFromEnvironment('{AZURE_OPENAI_ENDPOINT}/openai/deployments/{AZURE_OPENAI_DEPLOYMENT}', {
        AZURE_OPENAI_ENDPOINT: 'https://example.openai.azure.com/',
      }),
    ).toEqual({
      value: 'https://example.openai.azure.com/openai/deployments/{AZURE_OPENAI_DEPLOYMENT}',
      missing: ['AZURE_OPENAI_DEPLOYMENT'],
    });
  });
});
