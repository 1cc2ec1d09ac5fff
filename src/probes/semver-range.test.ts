import { describe, expect, it } from 'vitest';
import { maxSatisfying } from './semver-range.ts';

const ZOD = ['3.19.1', '3.20.0', '3.22.4', '3.23.8', '3.25.76', '4.0.0-beta.1', '4.0.0', '4.1.5'];

describe('maxSatisfying', () => {
  it('reads the range forms package.json files use', () => {
    expect(maxSatisfying(ZOD, '^3.20.0')).toBe('3.25.76');
    expect(maxSatisfying(ZOD, '~3.22.0')).toBe('3.22.4');
    expect(maxSatisfying(ZOD, '3.23.8')).toBe('3.23.8');
    expect(maxSatisfying(ZOD, '>=3.20 <3.23')).toBe('3.22.4');
    expect(maxSatisfying(ZOD, '3.x')).toBe('3.25.76');
    expect(maxSatisfying(ZOD, '3')).toBe('3.25.76');
    expect(maxSatisfying(ZOD, '*')).toBe('4.1.5');
    expect(maxSatisfying(ZOD, '')).toBe('4.1.5');
    expect(maxSatisfying(ZOD, '^3.25.0 || ^4.0.0')).toBe('4.1.5');
    expect(maxSatisfying(ZOD, '3.20.0 - 3.23.8')).toBe('3.23.8');
    expect(maxSatisfying(['0.2.1', '0.2.9', '0.3.0'], '^0.2.1')).toBe('0.2.9');
    expect(maxSatisfying(['0.0.3', '0.0.4'], '^0.0.3')).toBe('0.0.3');
  });

  it('leaves prereleases out unless the range names one of the same version', () => {
    expect(maxSatisfying(['4.0.0-beta.1', '3.25.76'], '>=3.0.0')).toBe('3.25.76');
    expect(maxSatisfying(['4.0.0-beta.1', '4.0.0-beta.2'], '^4.0.0-beta.1')).toBe('4.0.0-beta.2');
  });

  it('answers null for nothing matching and for ranges it cannot read', () => {
    expect(maxSatisfying(ZOD, '^5.0.0')).toBeNull();
    expect(maxSatisfying(ZOD, 'github:colinhacks/zod')).toBeNull();
    expect(maxSatisfying(ZOD, 'npm:zod@3')).toBeNull();
  });
});
