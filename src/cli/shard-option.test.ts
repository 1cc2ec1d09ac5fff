import { describe, expect, it } from 'vitest';
import { readShard } from './shard-option.ts';

describe('readShard', () => {
  it('reads I/N as written (1-based) and ignores the engine variables then', () => {
    expect(readShard('2/3', {})).toEqual({ index: 2, count: 3 });
    expect(readShard('2/3', { JOB_COMPLETION_INDEX: '0' })).toEqual({ index: 2, count: 3 });
    expect(() => readShard('4/3', {})).toThrow(/--shard must be I\/N .*auto\/N/);
  });

  it('takes the 0-based index of a Kubernetes Indexed Job or a GitHub matrix with auto/N', () => {
    expect(readShard('auto/3', { JOB_COMPLETION_INDEX: '0' })).toEqual({ index: 1, count: 3 });
    expect(readShard('auto/3', { JOB_COMPLETION_INDEX: '2' })).toEqual({ index: 3, count: 3 });
    expect(readShard('auto/3', { AGENTSCORE_SHARD_INDEX: '1' })).toEqual({ index: 2, count: 3 });
    expect(readShard('auto/3', { AGENTSCORE_SHARD_INDEX: '1', JOB_COMPLETION_INDEX: '1' })).toEqual({
      index: 2,
      count: 3,
    });
  });

  it('takes the total from AGENTSCORE_SHARD_TOTAL when the flag is absent', () => {
    expect(readShard(undefined, { AGENTSCORE_SHARD_TOTAL: '4', JOB_COMPLETION_INDEX: '3' })).toEqual({
      index: 4,
      count: 4,
    });
    expect(readShard(undefined, {})).toBeUndefined();
    // An index alone does not shard: without the total the slice is not defined.
    expect(readShard(undefined, { JOB_COMPLETION_INDEX: '1' })).toBeUndefined();
  });

  it('refuses what would run the wrong slice, with the variable in the message', () => {
    expect(() => readShard('auto/3', {})).toThrow(
      /no shard index: set AGENTSCORE_SHARD_INDEX or JOB_COMPLETION_INDEX/,
    );
    expect(() => readShard('auto/3', { JOB_COMPLETION_INDEX: '3' })).toThrow(
      /JOB_COMPLETION_INDEX=3 is outside 3 shards \(indexes 0\.\.2\)/,
    );
    expect(() => readShard('auto/3', { JOB_COMPLETION_INDEX: '1', AGENTSCORE_SHARD_INDEX: '2' })).toThrow(
      /name different shards/,
    );
    expect(() => readShard('auto/3', { AGENTSCORE_SHARD_INDEX: 'one' })).toThrow(/counted from 0/);
    expect(() => readShard('auto/0', { JOB_COMPLETION_INDEX: '0' })).toThrow(/shard total N ≥ 1/);
    expect(() => readShard(undefined, { AGENTSCORE_SHARD_TOTAL: 'x', JOB_COMPLETION_INDEX: '0' })).toThrow(
      /AGENTSCORE_SHARD_TOTAL must be a shard total/,
    );
    expect(() => readShard(undefined, { AGENTSCORE_SHARD_TOTAL: '2' })).toThrow(
      /AGENTSCORE_SHARD_TOTAL is set/,
    );
  });
});
