/** @module sandbox/path-faults — per-path chaos behaviours (hangs, resets, invalid UTF-8, huge bodies, forced statuses). */
import { detailError } from './error-bodies.ts';
import type { PathFault } from './profile.ts';
import { type RequestContext, sendError, sendJson } from './request-context.ts';
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
