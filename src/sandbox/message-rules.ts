/** @module sandbox/message-rules — the conversation rules the real API enforces with 400s (order, tool-call ids, size). */
import { type ChatMessage, contentText } from './chat-request.ts';
import { type HttpError, invalidRequest, messageOrderError } from './error-bodies.ts';
import { TOOL_CALL_ID_PATTERN } from './ids.ts';

function toolCallIdError(id: string): HttpError {
  return invalidRequest(`Tool call id was ${id} but must be a-z, A-Z, 0-9, with a length of 9.`);
}

function hasContent(message: ChatMessage): boolean {
  return contentText(message.content).length > 0;
}

function checkToolCallIds(message: ChatMessage): HttpError | null {
  for (const call of message.tool_calls ?? []) {
    if (call.id !== undefined && !TOOL_CALL_ID_PATTERN.test(call.id)) return toolCallIdError(call.id);
  }
  if (
    message.role === 'tool' &&
    typeof message.tool_call_id === 'string' &&
    !TOOL_CALL_ID_PATTERN.test(message.tool_call_id)
  ) {
    return toolCallIdError(message.tool_call_id);
  }
  return null;
}

function checkOrder(message: ChatMessage, previous: ChatMessage | undefined): HttpError | null {
  if (previous === undefined)
    return message.role === 'tool' ? invalidRequest('Unexpected role RoleEnum.tool') : null;
  const toolMayFollow =
    previous.role === 'tool' || (previous.role === 'assistant' && (previous.tool_calls?.length ?? 0) > 0);
  if (message.role === 'tool' && !toolMayFollow) return messageOrderError('tool', previous.role);
  if (previous.role === 'tool' && (message.role === 'user' || message.role === 'system')) {
    return messageOrderError(message.role, 'tool');
  }
  return null;
}

/** Returns the first rule the conversation breaks, or null when the real API would serve it. */
export function checkConversation(messages: ChatMessage[], maxInputChars: number): HttpError | null {
  if (messages.length === 0) return invalidRequest('Conversation must have at least one message');
  const totalChars = messages.reduce((sum, message) => sum + contentText(message.content).length, 0);
  if (totalChars > maxInputChars) {
    // No recorded body for this case: the message says what happened and what the limit is.
    return invalidRequest(
      `Prompt contains ${totalChars} characters, too large for this model: the maximum is ${maxInputChars} characters`,
    );
  }
  for (const [index, message] of messages.entries()) {
    if (message.role === 'assistant' && hasContent(message) && (message.tool_calls?.length ?? 0) > 0) {
      return invalidRequest('Assistant message must have either content or tool_calls, but not both.');
    }
    const problem = checkToolCallIds(message) ?? checkOrder(message, messages[index - 1]);
    if (problem !== null) return problem;
  }
  const last = messages.at(-1);
  if (last !== undefined && (last.role === 'system' || (last.role === 'assistant' && last.prefix !== true))) {
    return invalidRequest(
      `Expected last role User or Tool (or Assistant with prefix True) for serving but got ${last.role}`,
    );
  }
  return null;
}
