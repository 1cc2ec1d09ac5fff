/**
 * @module Every provider preset, imitated by the sandbox (its URL shape and how it takes the key),
 * is reachable with the preset's own settings: base path, auth scheme, query parameters.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createProvider } from '../../src/providers/create-provider.ts';
import { runPreflight } from '../../src/run/preflight.ts';
import { presetTarget } from '../../src/run/preset-target.ts';
import { PROJECT_PATHS } from '../../src/run/project-paths.ts';
import { startSandbox } from '../../src/sandbox/start-sandbox.ts';
import type { ProviderPreset } from '../../src/spec/preset.ts';
import { loadPresets } from '../../src/suite/load-presets.ts';

const KEY = 'preset-imitation-key-7Qz4';
const ENVIRONMENT = {
  AZURE_OPENAI_ENDPOINT: 'https://example-resource.openai.azure.com',
  AZURE_OPENAI_DEPLOYMENT: 'mistral-small-latest',
};

/** The preset's base URL with its scheme and host swapped for the sandbox's, path kept. */
function imitatedPath(preset: ProviderPreset): string {
  const filled = presetTarget(preset, ENVIRONMENT, 'mistral-small-latest').baseUrl;
  return new URL(filled).pathname.replace(/\/+$/, '') || '/';
}

describe('provider presets against the sandbox imitating each', async () => {
  const presets = [...(await loadPresets(PROJECT_PATHS.presets)).values()];

  it.each(presets.map((preset) => [preset.id, preset] as const))(
    '%s is reachable with its own settings',
    async (_id, preset) => {
      const basePath = imitatedPath(preset);
      const sandbox = await startSandbox({
        profile: 'fast',
        apiKeys: [KEY],
        auth:
          preset.auth.scheme === 'header'
            ? { scheme: 'header', name: preset.auth.name.toLowerCase() }
            : preset.auth.scheme === 'query'
              ? { scheme: 'query', param: preset.auth.param }
              : preset.auth.scheme === 'none'
                ? { scheme: 'none' }
                : { scheme: 'bearer' },
        basePath,
      });
      try {
        const target = {
          ...presetTarget(preset, ENVIRONMENT, 'mistral-small-latest'),
          baseUrl: `${sandbox.url}${basePath === '/' ? '' : basePath}`,
        };
        const provider = createProvider(target, preset.auth.scheme === 'none' ? '' : KEY);
        try {
          const preflight = await runPreflight({ provider, target, timeoutMs: 5000 });
          expect(preflight.outcome, preflight.message ?? '').toBe('ok');
          expect(preflight.fallbackAdopted).toBe(false);
          const sent = preflight.requests[0];
          expect(sent?.status).toBe(200);
        } finally {
          await provider.close();
        }
      } finally {
        await sandbox.close();
      }
    },
  );

  it('the README lists every preset with its one command', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const preset of presets) expect(readme, preset.id).toContain(`| \`${preset.id}\` |`);
    for (const preset of presets) expect(readme, preset.id).toContain(`--target ${preset.id}`);
  });

  it('a preset that takes the key in a header is refused when it arrives as a bearer', async () => {
    const azure = presets.find((preset) => preset.id === 'azure-openai') as ProviderPreset;
    const basePath = imitatedPath(azure);
    const sandbox = await startSandbox({
      profile: 'fast',
      apiKeys: [KEY],
      auth: { scheme: 'header', name: 'api-key' },
      basePath,
    });
    try {
      const target = {
        ...presetTarget(azure, ENVIRONMENT),
        baseUrl: `${sandbox.url}${basePath}`,
        auth: { scheme: 'bearer' as const },
      };
      const provider = createProvider(target, KEY);
      const preflight = await runPreflight({ provider, target, timeoutMs: 5000 });
      await provider.close();
      expect(preflight.outcome).not.toBe('ok');
      expect(preflight.message).toMatch(/401/);
    } finally {
      await sandbox.close();
    }
  });
});
