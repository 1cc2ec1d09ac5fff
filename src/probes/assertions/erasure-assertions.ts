/** @module Assertion on the `erasure` kind: after DELETE, neither metadata, content nor the file list serve the canary. */
import { type Assertion, fail, notApplicable, pass } from '../assertion.ts';
import { observationOf } from '../observation.ts';

export const erasedAssertion: Assertion<'erased'> = {
  name: 'erased',
  reads: ['erasure'],
  evaluate: (_params, outcome) => {
    const observations = observationOf(outcome, 'erasure');
    if (!observations) return notApplicable('no erasure observations');
    const { uploaded, uploadStatus, beforeDelete, deleteStatus, afterDelete } = observations;
    if (!uploaded || !afterDelete)
      return notApplicable(`canary upload was not accepted (status ${uploadStatus})`);
    if (beforeDelete && !beforeDelete.listed && (beforeDelete.metadataStatus ?? 0) >= 300) {
      return notApplicable(
        `the uploaded file was never retrievable (metadata ${beforeDelete.metadataStatus}, not listed)`,
      );
    }
    const still: string[] = [];
    if ((afterDelete.metadataStatus ?? 0) >= 200 && (afterDelete.metadataStatus ?? 0) < 300) {
      still.push(
        `metadata ${afterDelete.metadataStatus}${afterDelete.metadataTombstone ? ' (tombstone marked deleted)' : ''}`,
      );
    }
    if (afterDelete.contentServed) still.push(`content ${afterDelete.contentStatus}`);
    if (afterDelete.listed) still.push('listed');
    const deleted = `DELETE answered ${deleteStatus ?? 'nothing'}`;
    return still.length === 0
      ? pass(
          `${deleted}; afterwards metadata ${afterDelete.metadataStatus}, content ${afterDelete.contentStatus}, not listed`,
        )
      : fail(`${deleted}; still served after delete: ${still.join(', ')}`);
  },
};
