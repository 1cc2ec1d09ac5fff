import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfigFile } from './find-config-file.ts';

describe('findConfigFile', () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'agentscore-find-config-')));
  const deep = join(root, 'a', 'b', 'c');
  mkdirSync(deep, { recursive: true });

  it('walks up from the folder and stops at the nearest config', () => {
    // A name no real parent of the temp folder holds, so the walk to / finds only ours.
    const name = `agentscore.find-test-${process.pid}.yaml`;
    expect(findConfigFile(deep, name)).toBeNull();
    writeFileSync(join(root, name), 'targets: {}\n');
    expect(findConfigFile(deep, name)).toBe(join(root, name));
    writeFileSync(join(root, 'a', name), 'targets: {}\n');
    expect(findConfigFile(deep, name)).toBe(join(root, 'a', name));
    expect(findConfigFile(root, name)).toBe(join(root, name));
  });

  it('skips a folder that has the name', () => {
    const name = `agentscore.find-dir-${process.pid}.yaml`;
    mkdirSync(join(root, 'a', 'b', name));
    writeFileSync(join(root, name), 'targets: {}\n');
    expect(findConfigFile(deep, name)).toBe(join(root, name));
  });
});
