/** @module sandbox/path-faults — per-path chaos behaviours (hangs, resets, invalid UTF-8 or JSON, lying lengths, cut streams, huge bodies, forced statuses). */
import { detailError } from './error-bodies.ts';
import type { PathFault } from './profile.ts';
import { type RequestContext, sendError, sendJson, sendText } from './request-context.ts';
import { sleepUntil } from './sleep.ts';

function matches(fault: PathFault, method: string, path: string): boolean {
  if (fault.method !== undefined && fault.method !== method) return false;
  return fault.path.endsWith('*') ? path.startsWith(fault.path.slice(0, -1)) : path === fault.path;
}

export function findPathFault(
  faults: readonly PathFault[],
  method: string,
  path: string,
): PathFault | undefined {
  return faults.find((fault) => matches(fault, method, path));
}

const SSE_HEAD = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
} as const;

function sseChunk(content: string): string {
  const chunk = {
    id: 'chaos',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'chaos',
    choices: [{ index: 0, delta: { content }, finish_reason: null }],
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

/** A stream with one content event, then half an event (`mid-event`) or a clean end without `[DONE]`. */
function writeCutStream(context: RequestContext, cut: 'mid-event' | 'no-done'): void {
  const { response } = context;
  response.writeHead(200, SSE_HEAD);
  response.write(sseChunk('Hello'));
  if (cut === 'no-done') {
    response.end(sseChunk(' world'));
    return;
  }
  const next = sseChunk(' world');
  response.end(next.slice(0, Math.floor(next.length / 2)));
}

/** Declares the full length, sends half, closes the socket. */
function writeLyingContentLength(context: RequestContext): void {
  const payload = Buffer.from(JSON.stringify({ object: 'list', data: [{ id: 'chaos', object: 'model' }] }));
  context.response.writeHead(200, {
    'content-type': 'application/json',
    'content-length': payload.length + 4096,
  });
  context.response.write(payload, () => context.response.destroy());
}

/** Applies the fault; returns true when it produced (or refused) the response, false to continue normally. */
export async function applyPathFault(context: RequestContext, fault: PathFault): Promise<boolean> {
  const { response, request } = context;
  if (fault.hangMs !== undefined && !(await sleepUntil(context.startedAt + fault.hangMs, response)))
    return true;
  if (fault.resetConnection === true) {
    const { socket } = request;
    if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
    else socket.destroy();
    return true;
  }
  if (fault.invalidUtf8 === true) {
    const payload = Buffer.concat([
      Buffer.from('{"object":"list","data":[{"id":"'),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]),
      Buffer.from('","object":"model"}]}'),
    ]);
    response.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': payload.length,
    });
    response.end(payload);
    return true;
  }
  if (fault.invalidJson === true) {
    sendText(context, 200, '{"object": "list", "data": [{"id": chaos}, }', 'application/json');
    return true;
  }
  if (fault.lyingContentLength === true) {
    writeLyingContentLength(context);
    return true;
  }
  if (fault.sseCut !== undefined) {
    writeCutStream(context, fault.sseCut);
    return true;
  }
  if (fault.hugeErrorBodyBytes !== undefined) {
    const filler = 'x'.repeat(fault.hugeErrorBodyBytes);
    sendJson(context, 500, {
      object: 'error',
      message: filler,
      type: 'internal_error',
      param: null,
      code: null,
    });
    return true;
  }
  if (fault.status !== undefined) {
    sendError(context, detailError(fault.status));
    return true;
  }
  return false;
}
