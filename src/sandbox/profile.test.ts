/** @module sandbox/profile.test — profile files load, validate strictly, and compose through `extends`. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, listProfiles, loadProfile, loadProfileFile, resolveProfile } from './profile.ts';

const REQUIRED = [
  'faithful',
  'fast',
  'leaky-errors',
  'no-auth',
  'looping-tools',
  'ignored-tool-choice',
  'sloppy-json',
  'bare-rate-limits',
  'flaky-5xx',
  'slow-stream',
  'truncated-stream',
  'erasure-ignored',
  'silent-model-swap',
  'hostile',
];

describe('sandbox profiles', () => {
  it('ships every required profile, each valid and named after its file', () => {
    expect(listProfiles()).toEqual(expect.arrayContaining(REQUIRED));
    for (const name of listProfiles()) {
      const profile = loadProfile(name);
      expect(profile.name).toBe(name);
      expect(profile.description.length).toBeGreaterThan(10);
    }
  });

  it('faithful plants no fault and has the documented latency', () => {
    const faithful = loadProfile('faithful');
    expect(faithful.faults).toEqual(DEFAULT_PROFILE.faults);
    expect(faithful.latency).toEqual({ ttftMs: 30, interTokenMs: 8 });
  });

  it('every other profile differs from faithful', () => {
    const faithful = loadProfile('faithful');
    for (const name of REQUIRED.filter((candidate) => candidate !== 'faithful')) {
      const { name: _name, description: _description, ...rest } = loadProfile(name);
      const { name: _faithfulName, description: _faithfulDescription, ...faithfulRest } = faithful;
      expect(rest, name).not.toEqual(faithfulRest);
    }
  });

  it('inline objects extend a named profile and override single faults', () => {
    const profile = resolveProfile({ extends: 'slow-stream', faults: { fenceJson: true } });
    expect(profile.latency.ttftMs).toBe(600);
    expect(profile.faults.fenceJson).toBe(true);
    expect(profile.faults.authDisabled).toBe(false);
    expect(profile.name).toBe('slow-stream+inline');
  });

  it('rejects unknown keys and wrong types, naming the field', () => {
    expect(() => resolveProfile({ faults: { fenceJSON: true } } as never)).toThrow(
      /\/faults: unknown key "fenceJSON"/,
    );
    expect(() => resolveProfile({ latency: { ttftMs: -1 } })).toThrow(/\/latency\/ttftMs/);
    expect(() => loadProfile('does-not-exist')).toThrow(/Unknown sandbox profile "does-not-exist"/);
  });

  it('a bad profile file gives an Error naming the file and the field', () => {
    const directory = mkdtempSync(join(tmpdir(), 'agentscore-profile-'));
    const file = join(directory, 'broken.yaml');
    writeFileSync(file, 'name: broken\ndescription: x\nrateLimit:\n  burst: many\n');
    expect(() => loadProfileFile(file)).toThrow(new RegExp(`${file}.*/rateLimit/burst`));
    const unparsable = join(directory, 'unparsable.yaml');
    writeFileSync(unparsable, 'faults: [unclosed\n');
    expect(() => loadProfileFile(unparsable)).toThrow(new RegExp(unparsable));
  });
});
