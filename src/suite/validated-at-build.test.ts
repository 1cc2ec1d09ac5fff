import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_PATHS } from '../run/project-paths.ts';
import { checkPresetFile } from './load-presets.ts';
import { recordKey, sha256, type ValidatedFile, validatedAtBuild } from './validated-at-build.ts';

const MISTRAL = `${PROJECT_PATHS.presets}/mistral.yaml`;
const scratch: string[] = [];

afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function recordOf(file: string, text: string): Promise<Record<string, ValidatedFile>> {
  const { preset } = await checkPresetFile(file);
  return { [recordKey(file)]: { sha256: sha256(text), json: JSON.stringify(preset) } };
}

describe('validatedAtBuild', () => {
  it('keys files by their path from the package root', () => {
    expect(recordKey(MISTRAL)).toBe('presets/mistral.yaml');
  });

  it('gives the loaded value for a file whose bytes the build recorded, a fresh copy each time', async () => {
    const record = await recordOf(MISTRAL, readFileSync(MISTRAL, 'utf8'));
    const first = await validatedAtBuild(MISTRAL, record);
    expect(first).toEqual((await checkPresetFile(MISTRAL)).preset);
    expect(await validatedAtBuild(MISTRAL, record)).not.toBe(first);
  });

  it('gives nothing once the file changed, or for a file the build did not record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agentscore-validated-at-build-'));
    scratch.push(dir);
    const file = join(dir, 'mistral.yaml');
    const text = readFileSync(MISTRAL, 'utf8');
    writeFileSync(file, text);
    const record = await recordOf(file, text);
    expect(await validatedAtBuild(file, record)).toBeDefined();
    writeFileSync(file, text.replace('mistral', 'mistral2'));
    expect(await validatedAtBuild(file, record)).toBeUndefined();
    expect(await validatedAtBuild(MISTRAL, record)).toBeUndefined();
    expect(await validatedAtBuild(join(dir, 'missing.yaml'), record)).toBeUndefined();
  });
});
