import { describe, expect, it } from 'vitest';
import type { AssertionContext } from '../assertion.ts';
import type { ErasureObservations } from '../kinds/erasure.ts';
import { emptyOutcome } from '../probe-kind.ts';
import { erasedAssertion } from './erasure-assertions.ts';

const CONTEXT = {} as AssertionContext;
type After = NonNullable<ErasureObservations['afterDelete']>;
const gone: After = {
  metadataStatus: 404,
  metadataTombstone: false,
  contentStatus: 404,
  contentServed: false,
  listed: false,
};
function erasure(overrides: Partial<ErasureObservations> = {}): ErasureObservations {
  return {
    uploaded: true,
    uploadStatus: 200,
    fileId: 'file-1',
    filename: 'canary.jsonl',
    beforeDelete: { metadataStatus: 200, listed: true },
    deleteStatus: 200,
    afterDelete: gone,
    ...overrides,
  };
}
const judge = (data: ErasureObservations | null) =>
  erasedAssertion.evaluate(
    {},
    data ? { ...emptyOutcome(), observation: { kind: 'erasure' as const, data } } : emptyOutcome(),
    CONTEXT,
  );

describe('erased', () => {
  it('is not applicable without observations or without an accepted upload', () => {
    expect(erasedAssertion.reads).toEqual(['erasure']);
    expect(judge(null)).toEqual({ passed: null, detail: 'no erasure observations' });
    expect(judge(erasure({ uploaded: false, uploadStatus: 415, afterDelete: null }))).toEqual({
      passed: null,
      detail: 'canary upload was not accepted (status 415)',
    });
    expect(judge(erasure({ uploaded: false })).passed).toBeNull();
    expect(judge(erasure({ afterDelete: null })).passed).toBeNull();
  });

  it('is not applicable when the file was never retrievable before the delete', () => {
    expect(judge(erasure({ beforeDelete: { metadataStatus: 404, listed: false } }))).toEqual({
      passed: null,
      detail: 'the uploaded file was never retrievable (metadata 404, not listed)',
    });
    expect(judge(erasure({ beforeDelete: { metadataStatus: 300, listed: false } })).passed).toBeNull();
    // Retrievable by metadata (2xx) or by the list: judged.
    expect(judge(erasure({ beforeDelete: { metadataStatus: 299, listed: false } })).passed).toBe(true);
    expect(judge(erasure({ beforeDelete: { metadataStatus: 404, listed: true } })).passed).toBe(true);
    expect(judge(erasure({ beforeDelete: { metadataStatus: null, listed: false } })).passed).toBe(true);
    expect(judge(erasure({ beforeDelete: null })).passed).toBe(true);
  });

  it('passes when nothing serves the canary after the delete', () => {
    expect(judge(erasure())).toEqual({
      passed: true,
      detail: 'DELETE answered 200; afterwards metadata 404, content 404, not listed',
    });
    expect(judge(erasure({ deleteStatus: null, afterDelete: { ...gone, metadataStatus: 199 } }))).toEqual({
      passed: true,
      detail: 'DELETE answered nothing; afterwards metadata 199, content 404, not listed',
    });
    expect(judge(erasure({ afterDelete: { ...gone, metadataStatus: 300 } })).passed).toBe(true);
    expect(judge(erasure({ afterDelete: { ...gone, metadataStatus: null } })).passed).toBe(true);
  });

  it('fails listing everything still served', () => {
    expect(judge(erasure({ afterDelete: { ...gone, metadataStatus: 200 } }))).toEqual({
      passed: false,
      detail: 'DELETE answered 200; still served after delete: metadata 200',
    });
    expect(
      judge(
        erasure({
          deleteStatus: 204,
          afterDelete: {
            metadataStatus: 299,
            metadataTombstone: true,
            contentStatus: 200,
            contentServed: true,
            listed: true,
          },
        }),
      ),
    ).toEqual({
      passed: false,
      detail:
        'DELETE answered 204; still served after delete: metadata 299 (tombstone marked deleted), content 200, listed',
    });
    expect(judge(erasure({ afterDelete: { ...gone, contentStatus: 200, contentServed: true } })).detail).toBe(
      'DELETE answered 200; still served after delete: content 200',
    );
    expect(judge(erasure({ afterDelete: { ...gone, listed: true } })).detail).toBe(
      'DELETE answered 200; still served after delete: listed',
    );
  });
});
