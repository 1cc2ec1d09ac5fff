/** @module sandbox/chat-completions — POST /v1/chat/completions: validate like the real API, then answer on time. */
import { htmlServerErrorPage, invalidModel, validationError } from './error-bodies.ts';
import { hex32 } from './ids.ts';
import { parseJsonBody } from './json-body.ts';
import { checkConversation } from './message-rules.ts';
import { answeringModel, isChatModel } from './models.ts';
import { planCompletion } from './plan-completion.ts';
import { type RequestContext, sendError, sendText } from './request-context.ts';
import { type Delivery, writeJson, writeStream } from './stream-writer.ts';
import { validateChatRequest } from './validate-chat-request.ts';

export async function handleChatCompletions(context: RequestContext): Promise<void> {
  const { profile } = context;
  const { faults } = profile;
  const parsed = parseJsonBody(context.rawBody ?? '');
  if (!parsed.ok) {
    if (faults.htmlErrorOnMalformedJson && parsed.detail.type === 'json_invalid') {
      const reason = String(parsed.detail.ctx?.error ?? 'Expecting value');
      sendText(context, 500, htmlServerErrorPage(reason), 'text/html; charset=utf-8');
      return;
    }
    sendError(context, validationError([parsed.detail]));
    return;
  }
  const validation = validateChatRequest(parsed.value);
  if (!validation.ok) {
    sendError(context, validationError(validation.details));
    return;
  }
  const { request } = validation;

  if (!isChatModel(request.model) && !faults.acceptUnknownModels) {
    sendError(context, invalidModel(request.model));
    return;
  }
  const conversationError = checkConversation(request.messages, profile.limits.maxInputChars);
  if (conversationError !== null) {
    sendError(context, conversationError);
    return;
  }

  const plan = planCompletion(request, faults);
  if ('status' in plan) {
    sendError(context, plan);
    return;
  }

  const meta = {
    id: hex32(),
    created: Math.floor(Date.now() / 1000),
    model: answeringModel(request.model, faults.swapModelTo),
  };
  const delivery: Delivery = {
    startedAt: context.startedAt,
    ttftMs: profile.latency.ttftMs,
    interTokenMs: profile.latency.interTokenMs,
    truncateAfterTokens: faults.truncateStreamAfterTokens,
  };
  if (request.stream === true) await writeStream(context, meta, plan, delivery);
  else await writeJson(context, meta, plan, delivery, faults.truncateJsonBody);
}
