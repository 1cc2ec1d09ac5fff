import { describe, expect, it } from 'vitest';
import { resultKey } from './result-key.ts';

describe('resultKey', () => {
  it('is suite/probe#repetition, distinct for every part', () => {
    expect(resultKey({ suite: 'auth', probe: 'no-key', repetition: 2 })).toBe('auth/no-key#2');
    const keys = new Set(
      [
        { suite: 'a', probe: 'b', repetition: 1 },
        { suite: 'a', probe: 'b', repetition: 11 },
        { suite: 'a.b', probe: 'c', repetition: 1 },
        { suite: 'a', probe: 'b.c', repetition: 1 },
      ].map(resultKey),
    );
    expect(keys.size).toBe(4);
  });
});
