/** @module `erasure`: upload a canary file, delete it, then see whether metadata, content or the list still serve it. */
import type { ProviderExchange, ProviderRequest } from '../../providers/provider.ts';
import { multipartBody } from '../multipart-body.ts';
import {
  emptyOutcome,
  type ProbeContext,
  type ProbeKind,
  type ProbeOutcome,
  parametersOf,
} from '../probe-kind.ts';
import { exchangeJson, isRecord } from '../response-body.ts';

export interface ErasureObservations {
  uploaded: boolean;
  uploadStatus: number | null;
  fileId: string | null;
  filename: string;
  /** Seen before the delete, so a 404 afterwards means erased rather than never stored. */
  beforeDelete: { metadataStatus: number | null; listed: boolean } | null;
  deleteStatus: number | null;
  afterDelete: {
    metadataStatus: number | null;
    /** Metadata still answered 2xx but marked `deleted: true`. */
    metadataTombstone: boolean;
    contentStatus: number | null;
    contentServed: boolean;
    listed: boolean;
  } | null;
}

const is2xx = (status: number | null): boolean => status !== null && status >= 200 && status < 300;

/** One batch-input line carrying the canary, valid for the `batch` purpose the spec lists. */
function canaryLine(context: ProbeContext): string {
  const body = { max_tokens: 1, messages: [{ role: 'user', content: context.canaries.fileText }] };
  return `${JSON.stringify({ custom_id: 'agentscore-canary', body })}\n`;
}

/** Whether a file list body names the file (by id, or by our unique filename). */
function listNames(exchange: ProviderExchange, fileId: string, filename: string): boolean {
  const json = exchangeJson(exchange);
  const data = isRecord(json) && Array.isArray(json.data) ? json.data : [];
  return data.some((item) => isRecord(item) && (item.id === fileId || item.filename === filename));
}

export interface ErasureParameters {
  /** The `purpose` form field of the upload (`batch`, `fine-tune`, ...). */
  purpose?: string;
}

export const erasureKind: ProbeKind<'erasure'> = {
  name: 'erasure',
  parameters: {
    type: 'object',
    properties: { purpose: { type: 'string', minLength: 1 } },
    additionalProperties: false,
  },
  async run(context: ProbeContext): Promise<ProbeOutcome> {
    const outcome = emptyOutcome();
    const request = (
      method: string,
      path: string,
      extra: Partial<ProviderRequest> = {},
    ): Promise<ProviderExchange> =>
      context
        .send({ method, path, auth: { mode: 'bearer' }, timeoutMs: context.timeoutMs, ...extra })
        .then((exchange) => {
          outcome.exchanges.push(exchange);
          return exchange;
        });
    const filename = `agentscore-canary-${context.runId.slice(0, 8)}.jsonl`;
    const purpose = parametersOf<ErasureParameters>(context).purpose ?? 'batch';
    const form = multipartBody([
      { name: 'purpose', value: purpose },
      { name: 'file', value: canaryLine(context), filename, contentType: 'application/jsonl' },
    ]);
    const upload = await request('POST', '/v1/files', {
      rawBody: form.body,
      headers: { 'content-type': form.contentType },
    });
    outcome.timings = { ttfbMs: upload.timings.ttfbMs ?? undefined, e2eMs: upload.timings.e2eMs };
    if (upload.status === null) {
      outcome.failure = {
        reason: upload.failure?.reason ?? 'connection-reset',
        detail: upload.failure?.message ?? 'no answer to the upload',
      };
      return outcome;
    }
    if (upload.status === 404 || upload.status === 405) {
      outcome.skip = { reason: 'not-supported', detail: `file upload answered ${upload.status}` };
      return outcome;
    }
    const json = exchangeJson(upload);
    const fileId = is2xx(upload.status) && isRecord(json) && typeof json.id === 'string' ? json.id : null;
    const observations: ErasureObservations = {
      uploaded: fileId !== null,
      uploadStatus: upload.status,
      fileId,
      filename,
      beforeDelete: null,
      deleteStatus: null,
      afterDelete: null,
    };
    if (fileId !== null) {
      const filePath = `/v1/files/${encodeURIComponent(fileId)}`;
      const listQuery = { query: { page_size: '100', search: filename } };
      const metadataBefore = await request('GET', filePath);
      const listBefore = await request('GET', '/v1/files', listQuery);
      observations.beforeDelete = {
        metadataStatus: metadataBefore.status,
        listed: listNames(listBefore, fileId, filename),
      };
      observations.deleteStatus = (await request('DELETE', filePath)).status;
      const metadata = await request('GET', filePath);
      const content = await request('GET', `${filePath}/content`);
      const list = await request('GET', '/v1/files', listQuery);
      observations.afterDelete = {
        metadataStatus: metadata.status,
        metadataTombstone:
          is2xx(metadata.status) &&
          isRecord(exchangeJson(metadata)) &&
          (exchangeJson(metadata) as Record<string, unknown>).deleted === true,
        contentStatus: content.status,
        contentServed: is2xx(content.status),
        listed: listNames(list, fileId, filename),
      };
    }
    outcome.observation = { kind: 'erasure', data: observations };
    return outcome;
  },
};
