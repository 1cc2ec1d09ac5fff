/** @module sandbox/files — the /v1/files endpoints (multipart upload, list, retrieve, content, delete). */
import { detailError, validationError } from './error-bodies.ts';
import type { FilePurpose } from './files-store.ts';
import { multipartBoundary, parseMultipart } from './multipart.ts';
import { type RequestContext, sendError, sendJson } from './request-context.ts';

const PURPOSES: FilePurpose[] = ['fine-tune', 'batch', 'ocr'];

export function uploadFile(context: RequestContext): void {
  const boundary = multipartBoundary(context.request.headers['content-type']);
  const parts = boundary === null ? null : parseMultipart(context.body, boundary);
  const file = parts?.find((part) => part.name === 'file' && part.filename !== null);
  if (parts === null || file === undefined) {
    const missing = { type: 'missing', loc: ['body', 'file'], msg: 'Field required', input: null };
    sendError(context, validationError([missing]));
    return;
  }
  const purposeText = parts.find((part) => part.name === 'purpose')?.data.toString('utf8') ?? 'fine-tune';
  const purpose = PURPOSES.find((candidate) => candidate === purposeText);
  if (purpose === undefined) {
    const expected = "'fine-tune', 'batch' or 'ocr'";
    sendError(
      context,
      validationError([
        {
          type: 'enum',
          loc: ['body', 'purpose'],
          msg: `Input should be ${expected}`,
          input: purposeText,
          ctx: { expected },
        },
      ]),
    );
    return;
  }
  const record = context.state.files.add(file.filename ?? 'upload', purpose, file.data, file.contentType);
  sendJson(context, 200, record);
}

export function listFiles(context: RequestContext): void {
  const data = context.state.files.list();
  sendJson(context, 200, { data, object: 'list', total: data.length });
}

export function getFile(context: RequestContext, id: string): void {
  const record = context.state.files.get(id);
  if (record === undefined) {
    sendError(context, detailError(404));
    return;
  }
  sendJson(context, 200, { ...record, deleted: false });
}

export function getFileContent(context: RequestContext, id: string): void {
  const content = context.state.files.content(id);
  if (content === undefined) {
    sendError(context, detailError(404));
    return;
  }
  context.response.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': content.length,
  });
  context.response.end(content);
}

export function deleteFile(context: RequestContext, id: string): void {
  if (!context.state.files.delete(id)) {
    sendError(context, detailError(404));
    return;
  }
  sendJson(context, 200, { id, object: 'file', deleted: true });
}
