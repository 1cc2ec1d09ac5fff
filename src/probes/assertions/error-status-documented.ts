/**
 * @module `error-status-documented`: every client-error status the API answered is one the official spec
 * documents for that operation. 5xx answers are availability's to judge, not documentation's.
 */
import { type Assertion, fail, notApplicable, pass } from '../assertion.ts';
import { documentedOperation, isDocumentedStatus } from '../documented-statuses.ts';
import { specNotHeld } from '../spec-conformance.ts';

export const errorStatusDocumentedAssertion: Assertion<'error-status-documented'> = {
  name: 'error-status-documented',
  evaluate: (_params, outcome, context) => {
    const notHeld = specNotHeld(context.target);
    if (notHeld) return notHeld;
    const judged: string[] = [];
    const undocumented: string[] = [];
    let notInSpec = 0;
    for (const exchange of outcome.exchanges) {
      const status = exchange.status;
      if (status === null || status < 400 || status >= 500) continue;
      const path = new URL(exchange.request.url, 'http://unused').pathname;
      const operation = documentedOperation(exchange.request.method, path);
      if (!operation) {
        notInSpec += 1;
        continue;
      }
      const seen = `${status} on ${operation.operation}`;
      if (judged.includes(seen) || undocumented.some((entry) => entry.startsWith(`${seen} (`))) continue;
      if (isDocumentedStatus(status, operation.statuses)) judged.push(seen);
      else undocumented.push(`${seen} (documented: ${operation.statuses.join(', ')})`);
    }
    if (undocumented.length > 0)
      return fail(`error status not in the official spec: ${undocumented.join('; ')}`);
    if (judged.length > 0) return pass(`documented in the official spec: ${judged.join('; ')}`);
    return notApplicable(
      notInSpec > 0 ? 'the operation is not in the official spec' : 'no client-error answer to judge',
    );
  },
};
