import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-command.ts';
import { loadRunConfig } from './target-options.ts';

function ioAt(cwd: string): CliIo & { said: () => string } {
  const stderr = new PassThrough();
  let said = '';
  stderr.on('data', (chunk: Buffer) => {
    said += chunk.toString();
  });
  return { stdout: new PassThrough(), stderr, env: {}, cwd, said: () => said };
}

const config = (model: string) =>
  [
    'targets:',
    '  acme:',
    '    provider: openai-compatible',
    '    baseUrl: https://api.acme.test/v1',
    `    model: ${model}`,
    '    profile: profiles/acme.yaml',
    '  mistral-eu:',
    '    provider: mistral',
    '    baseUrl: https://api.eu.mistral.ai/v1',
    '    model: mistral-small-latest',
    '    profile: mistral',
    '',
  ].join('\n');

describe('loadRunConfig', () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'agentscore-config-discovery-')));
  const deep = join(root, 'services', 'billing');
  mkdirSync(deep, { recursive: true });
  writeFileSync(join(root, 'agentscore.config.yaml'), config('from-root'));

  it('finds the config in a parent folder, says which, and resolves profile paths against its folder', async () => {
    const io = ioAt(deep);
    const loaded = await loadRunConfig({}, io);
    expect(loaded.configFile).toBe(join('..', '..', 'agentscore.config.yaml'));
    expect(io.said()).toBe('using the config file ../../agentscore.config.yaml\n');
    expect(loaded.config?.targets.acme?.model).toBe('from-root');
    expect(loaded.config?.targets.acme?.profile).toBe(join(root, 'profiles', 'acme.yaml'));
    // A bare name is a built-in profile, not a path.
    expect(loaded.config?.targets['mistral-eu']?.profile).toBe('mistral');
  });

  it('takes the nearest config and says nothing when it is in the working directory', async () => {
    writeFileSync(join(deep, 'agentscore.config.yaml'), config('from-billing'));
    const io = ioAt(deep);
    const loaded = await loadRunConfig({}, io);
    expect(loaded.config?.targets.acme?.model).toBe('from-billing');
    expect(loaded.config?.targets.acme?.profile).toBe(join(deep, 'profiles', 'acme.yaml'));
    expect(io.said()).toBe('');
  });

  it('lets --config win, and refuses a --config that does not exist', async () => {
    const io = ioAt(deep);
    const loaded = await loadRunConfig({ config: '../../agentscore.config.yaml' }, io);
    expect(loaded.config?.targets.acme?.model).toBe('from-root');
    await expect(loadRunConfig({ config: 'missing.yaml' }, io)).rejects.toThrow(
      '--config missing.yaml: no such file',
    );
  });

  it('runs without a config when none is found up to the root', async () => {
    const bare = realpathSync(mkdtempSync(join(tmpdir(), 'agentscore-no-config-')));
    const loaded = await loadRunConfig({}, ioAt(bare));
    expect(loaded.config).toBeNull();
  });
});
