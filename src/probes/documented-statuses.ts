/** @module The response statuses the official spec documents for an operation (fixtures/schemas/mistral-openapi-subset.yaml). */
import { isRecord } from './response-body.ts';
import { specDocument } from './spec-conformance.ts';

export interface DocumentedOperation {
  /** `POST /v1/chat/completions`, as the spec writes the path. */
  operation: string;
  /** Response keys as written: `200`, `422`, `4XX`, `default`. */
  statuses: string[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'options', 'head'];

/** `/v1/files/{file_id}` → a pattern matching the end of a request path. */
function pathPattern(specPath: string): RegExp {
  const escaped = specPath
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`${escaped}$`);
}

/**
 * The operation a request hits and the statuses documented for it, or null when the spec does not
 * describe it. Paths match by their end, since a base URL may carry its own prefix.
 */
export function documentedOperation(
  method: string,
  requestPath: string,
  document: unknown = specDocument(),
): DocumentedOperation | null {
  const paths = isRecord(document) && isRecord(document.paths) ? document.paths : {};
  const verb = method.toLowerCase();
  if (!METHODS.includes(verb)) return null;
  for (const [specPath, item] of Object.entries(paths)) {
    if (!isRecord(item) || !pathPattern(specPath).test(requestPath)) continue;
    const operation = item[verb];
    if (!isRecord(operation)) continue;
    const responses = isRecord(operation.responses) ? Object.keys(operation.responses) : [];
    return { operation: `${method.toUpperCase()} ${specPath}`, statuses: responses };
  }
  return null;
}

/** Is `status` among `documented`, counting `4XX`-style ranges and `default`? */
export function isDocumentedStatus(status: number, documented: readonly string[]): boolean {
  return documented.some(
    (key) =>
      key === 'default' || key === String(status) || (/^[1-5]XX$/i.test(key) && key[0] === String(status)[0]),
  );
}
