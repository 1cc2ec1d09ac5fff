import { describe, expect, it } from 'vitest';
import { UsageError } from './cli-command.ts';
import { readReporters } from './reporter-option.ts';

describe('--reporter', () => {
  it('reads repeated flags and comma lists, each name once', () => {
    expect(readReporters({ reporter: ['markdown, html', 'junit', 'html'] })).toEqual([
      'markdown',
      'html',
      'junit',
    ]);
    expect(readReporters({})).toBeUndefined();
  });

  it('refuses an unknown name with a did-you-mean, as a usage error', () => {
    expect(() => readReporters({ reporter: ['markdwn'] })).toThrow(UsageError);
    expect(() => readReporters({ reporter: ['markdwn'] })).toThrow(
      /unknown reporter "markdwn", did you mean "markdown"\?/,
    );
  });
});
