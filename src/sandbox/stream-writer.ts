/** @module sandbox/stream-writer — timed delivery of completions: SSE streams and plain JSON bodies. */
import {
  type CompletionMeta,
  completionBody,
  contentChunk,
  finalChunk,
  roleChunk,
  SSE_DONE,
  sseEvent,
  toolCallsChunk,
} from './completion-shapes.ts';
import type { CompletionPlan } from './plan-completion.ts';
import { echoedKey, type RequestContext, withEchoedKey } from './request-context.ts';
import { sleepUntil } from './sleep.ts';

export interface Delivery {
  /** performance.now() when the request arrived; latencies count from here. */
  startedAt: number;
  ttftMs: number;
  interTokenMs: number;
  /** Stop mid-event after this many content chunks (no finish_reason, usage or [DONE]). */
  truncateAfterTokens: number | null;
}

/** Writes half of an event and ends the body: the stream stops mid-event. */
function writeTruncated(context: RequestContext, event: string): void {
  context.response.end(event.slice(0, Math.max(1, Math.floor(event.length / 2))));
}

/** Role chunk at once, first content at startedAt + ttft, then one content chunk every interTokenMs. */
export async function writeStream(
  context: RequestContext,
  meta: CompletionMeta,
  plan: CompletionPlan,
  delivery: Delivery,
): Promise<void> {
  const { response } = context;
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
  });
  const key = echoedKey(context);
  // An SSE comment line: clients ignore it, a careless recorder keeps it.
  if (key !== null) response.write(`: authorization ${key}\n\n`);
  response.write(sseEvent(roleChunk(meta)));
  const firstTokenAt = delivery.startedAt + delivery.ttftMs;

  if (plan.toolCalls.length > 0) {
    if (!(await sleepUntil(firstTokenAt, response))) return;
    const event = sseEvent(toolCallsChunk(meta, plan));
    if (delivery.truncateAfterTokens !== null) {
      writeTruncated(context, event);
      return;
    }
    response.end(event + SSE_DONE);
    return;
  }
  for (const [index, piece] of plan.contentPieces.entries()) {
    if (!(await sleepUntil(firstTokenAt + index * delivery.interTokenMs, response))) return;
    const event = sseEvent(contentChunk(meta, piece, index + 1));
    if (delivery.truncateAfterTokens !== null && index >= delivery.truncateAfterTokens) {
      writeTruncated(context, event);
      return;
    }
    response.write(event);
  }
  if (!(await sleepUntil(firstTokenAt, response))) return;
  if (delivery.truncateAfterTokens !== null) {
    writeTruncated(context, sseEvent(finalChunk(meta, plan)));
    return;
  }
  response.end(sseEvent(finalChunk(meta, plan)) + SSE_DONE);
}

/** Waits ttft + interToken × (tokens − 1), then sends the body (or half of it under a lying content-length). */
export async function writeJson(
  context: RequestContext,
  meta: CompletionMeta,
  plan: CompletionPlan,
  delivery: Delivery,
  truncateBody: boolean,
): Promise<void> {
  const tokens = Math.max(1, plan.usage.completion_tokens);
  const readyAt = delivery.startedAt + delivery.ttftMs + delivery.interTokenMs * (tokens - 1);
  if (!(await sleepUntil(readyAt, context.response))) return;
  const payload = Buffer.from(JSON.stringify(withEchoedKey(context, completionBody(meta, plan))));
  context.response.writeHead(200, { 'content-type': 'application/json', 'content-length': payload.length });
  if (!truncateBody) {
    context.response.end(payload);
    return;
  }
  context.response.write(payload.subarray(0, Math.floor(payload.length / 2)), () =>
    context.response.destroy(),
  );
}
