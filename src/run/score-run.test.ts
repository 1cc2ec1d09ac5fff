import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTempFiles } from '../suite/temp-files.ts';
import { describeInputChange, scoringInputOf } from './score-run.ts';

const input = (name: string, sha256: string) => ({ name, sha256: sha256.repeat(64) });

describe('scoring inputs', () => {
  it('names a file and hashes its bytes', async () => {
    const root = await writeTempFiles({ 'rubric.yaml': 'rubricVersion: "1"\n' });
    const file = join(root, 'rubric.yaml');
    const first = scoringInputOf('default', file);
    expect(first.name).toBe('default');
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    writeFileSync(file, 'rubricVersion: "2"\n');
    expect(scoringInputOf('default', file).sha256).not.toBe(first.sha256);
  });

  it('says when a re-score used a different rubric or profile than the stored scorecard', () => {
    const stored = { inputs: { rubric: input('default', 'a'), profile: input('mistral', 'b') } };
    expect(describeInputChange(stored, stored)).toBeNull();
    expect(describeInputChange(null, stored)).toBeNull();
    expect(describeInputChange({}, stored)).toBeNull();
    const changed = describeInputChange(stored, {
      inputs: { rubric: input('default', 'a'), profile: input('mistral', 'c') },
    });
    expect(changed).toBe(
      're-scored with different inputs than the stored scorecard: profile mistral (sha256 bbbbbbbbbbbb) → mistral (sha256 cccccccccccc)',
    );
    const dropped = describeInputChange(stored, { inputs: { rubric: input('strict', 'd'), profile: null } });
    expect(dropped).toContain('rubric default (sha256 aaaaaaaaaaaa) → strict (sha256 dddddddddddd)');
    expect(dropped).toContain('profile mistral (sha256 bbbbbbbbbbbb) → none');
  });
});
