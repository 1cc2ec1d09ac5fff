/** @module sandbox/validate-chat-request.test — pydantic-style 422 details and the 400 conversation rules. */
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from './chat-request.ts';
import { parseJsonBody } from './json-body.ts';
import { checkConversation } from './message-rules.ts';
import { validateChatRequest } from './validate-chat-request.ts';

const USER = { role: 'user', content: 'hi' };

function detailsOf(body: Record<string, unknown>): unknown[] {
  const result = validateChatRequest(body);
  return result.ok ? [] : result.details;
}

describe('validateChatRequest', () => {
  it('accepts a minimal and a full request', () => {
    expect(detailsOf({ model: 'm', messages: [USER] })).toEqual([]);
    expect(
      detailsOf({
        model: 'm',
        messages: [
          { role: 'system', content: 's' },
          USER,
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'abcdefghi', type: 'function', function: { name: 'f', arguments: {} } }],
          },
          { role: 'tool', content: 'r', tool_call_id: 'abcdefghi', name: 'f' },
        ],
        temperature: 0.7,
        top_p: 1,
        max_tokens: 10,
        stream: false,
        stop: ['x'],
        random_seed: 1,
        response_format: { type: 'json_schema', json_schema: { name: 'n', schema: {}, strict: true } },
        tools: [
          { type: 'function', function: { name: 'f', description: 'd', parameters: {} } },
          { type: 'web_search' },
        ],
        tool_choice: { type: 'function', function: { name: 'f' } },
        presence_penalty: 0.5,
        frequency_penalty: 0.25,
        n: 1,
        parallel_tool_calls: true,
        safe_prompt: false,
      }),
    ).toEqual([]);
  });

  it('reports missing required fields with the whole body as input', () => {
    expect(detailsOf({ model: 'm' })).toEqual([
      { type: 'missing', loc: ['body', 'messages'], msg: 'Field required', input: { model: 'm' } },
    ]);
  });

  it('reports wrong types', () => {
    expect(detailsOf({ model: 1, messages: 'hi', max_tokens: 'ten', stream: 'yes' })).toEqual([
      { type: 'string_type', loc: ['body', 'model'], msg: 'Input should be a valid string', input: 1 },
      { type: 'list_type', loc: ['body', 'messages'], msg: 'Input should be a valid list', input: 'hi' },
      { type: 'int_type', loc: ['body', 'max_tokens'], msg: 'Input should be a valid integer', input: 'ten' },
      { type: 'bool_type', loc: ['body', 'stream'], msg: 'Input should be a valid boolean', input: 'yes' },
    ]);
  });

  it('reports out-of-range values with ctx', () => {
    expect(detailsOf({ model: 'm', messages: [USER], temperature: 2, top_p: 0, max_tokens: -1 })).toEqual([
      {
        type: 'less_than_equal',
        loc: ['body', 'temperature'],
        msg: 'Input should be less than or equal to 1.5',
        input: 2,
        ctx: { le: 1.5 },
      },
      {
        type: 'greater_than',
        loc: ['body', 'top_p'],
        msg: 'Input should be greater than 0',
        input: 0,
        ctx: { gt: 0 },
      },
      {
        type: 'greater_than_equal',
        loc: ['body', 'max_tokens'],
        msg: 'Input should be greater than or equal to 0',
        input: -1,
        ctx: { ge: 0 },
      },
    ]);
  });

  it('locates message problems under the role tag, as recorded', () => {
    expect(detailsOf({ model: 'm', messages: [{ role: 'user', content: 'x', name: '' }] })).toEqual([
      {
        type: 'extra_forbidden',
        loc: ['body', 'messages', 0, 'user', 'name'],
        msg: 'Extra inputs are not permitted',
        input: '',
      },
    ]);
    const [invalidRole] = detailsOf({
      model: 'm',
      messages: [{ role: 'developer', content: 'x' }],
    }) as Array<{ type: string }>;
    expect(invalidRole?.type).toBe('union_tag_invalid');
    const [wrongContent] = detailsOf({ model: 'm', messages: [{ role: 'system', content: 5 }] }) as Array<{
      loc: unknown[];
    }>;
    expect(wrongContent?.loc).toEqual(['body', 'messages', 0, 'system', 'content', 'str']);
  });

  it('rejects bad tool_choice values', () => {
    const details = detailsOf({ model: 'm', messages: [USER], tool_choice: 'always' }) as Array<{
      type: string;
    }>;
    expect(details.map((detail) => detail.type)).toContain('enum');
  });
});

describe('parseJsonBody', () => {
  it('reports json_invalid with the position, missing for an empty body, and non-objects', () => {
    const broken = parseJsonBody('{"a": }');
    expect(broken.ok === false && broken.detail).toMatchObject({
      type: 'json_invalid',
      loc: ['body', expect.any(Number)],
      msg: 'JSON decode error',
    });
    const empty = parseJsonBody('');
    expect(empty.ok === false && empty.detail.type).toBe('missing');
    const list = parseJsonBody('[1]');
    expect(list.ok === false && list.detail.type).toBe('model_attributes_type');
  });
});

describe('checkConversation', () => {
  const call = { id: 'abcdefghi', function: { name: 'f', arguments: '{}' } };
  const messageOf = (messages: unknown[]): ChatMessage[] => messages as ChatMessage[];

  it('serves well-ordered conversations, including an assistant prefix', () => {
    expect(checkConversation(messageOf([USER]), 1000)).toBeNull();
    expect(
      checkConversation(messageOf([USER, { role: 'assistant', content: 'Sure', prefix: true }]), 1000),
    ).toBeNull();
    expect(
      checkConversation(
        messageOf([
          USER,
          { role: 'assistant', content: '', tool_calls: [call] },
          { role: 'tool', content: '1', tool_call_id: 'abcdefghi' },
        ]),
        1000,
      ),
    ).toBeNull();
  });

  it('refuses oversized input with a clear 400', () => {
    const error = checkConversation(messageOf([{ role: 'user', content: 'x'.repeat(101) }]), 100);
    expect(error?.status).toBe(400);
    expect(JSON.stringify(error?.body)).toContain('101 characters');
  });

  it('refuses a system message right after a tool result', () => {
    const error = checkConversation(
      messageOf([
        USER,
        { role: 'assistant', tool_calls: [call] },
        { role: 'tool', content: '1', tool_call_id: 'abcdefghi' },
        { role: 'system', content: 's' },
      ]),
      1000,
    );
    expect(error?.body).toMatchObject({
      message: "Unexpected role 'system' after role 'tool'",
      code: '3230',
    });
  });
});
