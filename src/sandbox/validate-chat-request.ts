/** @module sandbox/validate-chat-request — ChatCompletionRequest validation with FastAPI/pydantic error details. */
import type { ChatRequest } from './chat-request.ts';
import type { ValidationDetail } from './error-bodies.ts';
import {
  booleanRule,
  checkModel,
  dictionaryRule,
  enumRule,
  type FieldRule,
  integerRule,
  isRecord,
  listRule,
  modelRule,
  nullable,
  numberRule,
  stringRule,
  unionRule,
} from './field-checks.ts';

const contentChunkRule: FieldRule = (value, loc, issues) => {
  if (!isRecord(value) || typeof value.type !== 'string') {
    issues.push({
      type: 'union_tag_not_found',
      loc,
      msg: "Unable to extract tag using discriminator 'type'",
      input: value,
      ctx: { discriminator: "'type'" },
    });
  }
};

function contentRule(allowNull: boolean): FieldRule {
  return (value, loc, issues) => {
    if (typeof value === 'string' || (allowNull && value === null)) return;
    unionRule([
      ['str', stringRule],
      ['list[ContentChunk]', listRule(contentChunkRule)],
    ])(value, loc, issues);
  };
}

const toolCallRule = modelRule(
  {
    id: stringRule,
    type: enumRule(['function']),
    function: modelRule(
      {
        name: stringRule,
        arguments: unionRule([
          ['dict[str,any]', dictionaryRule],
          ['str', stringRule],
        ]),
      },
      ['name', 'arguments'],
    ),
    index: integerRule(),
  },
  ['function'],
);

const MESSAGE_MODELS: Record<string, { fields: Record<string, FieldRule>; required: string[] }> = {
  system: { fields: { role: stringRule, content: contentRule(false) }, required: ['content'] },
  user: { fields: { role: stringRule, content: contentRule(true) }, required: ['content'] },
  assistant: {
    fields: {
      role: stringRule,
      content: contentRule(true),
      tool_calls: nullable(listRule(toolCallRule)),
      prefix: booleanRule,
    },
    required: [],
  },
  tool: {
    fields: {
      role: stringRule,
      content: contentRule(true),
      tool_call_id: nullable(stringRule),
      name: nullable(stringRule),
    },
    required: ['content'],
  },
};
const ROLE_TAGS = "'system', 'user', 'assistant', 'tool'";

const messageRule: FieldRule = (value, loc, issues) => {
  if (!isRecord(value) || !('role' in value)) {
    issues.push({
      type: 'union_tag_not_found',
      loc,
      msg: "Unable to extract tag using discriminator 'role'",
      input: value,
      ctx: { discriminator: "'role'" },
    });
    return;
  }
  const model = typeof value.role === 'string' ? MESSAGE_MODELS[value.role] : undefined;
  if (model === undefined) {
    issues.push({
      type: 'union_tag_invalid',
      loc,
      msg: `Input tag '${String(value.role)}' found using 'role' does not match any of the expected tags: ${ROLE_TAGS}`,
      input: value,
      ctx: { discriminator: "'role'", tag: String(value.role), expected_tags: ROLE_TAGS },
    });
    return;
  }
  checkModel(value, [...loc, String(value.role)], model.fields, model.required, issues);
};

const functionToolRule = modelRule(
  {
    type: enumRule(['function']),
    function: modelRule(
      { name: stringRule, description: stringRule, strict: booleanRule, parameters: dictionaryRule },
      ['name', 'parameters'],
    ),
  },
  ['function'],
);

const toolRule: FieldRule = (value, loc, issues) => {
  // Built-in tools (web_search, code_interpreter, ...) are accepted as they are; only functions are checked.
  if (isRecord(value) && typeof value.type === 'string' && value.type !== 'function') return;
  functionToolRule(value, [...loc, 'function'], issues);
};

const toolChoiceRule = unionRule([
  [
    'ToolChoice',
    modelRule({ type: enumRule(['function']), function: modelRule({ name: stringRule }, ['name']) }, [
      'function',
    ]),
  ],
  ['ToolChoiceEnum', enumRule(['auto', 'none', 'any', 'required'])],
]);

const responseFormatRule = modelRule({
  type: enumRule(['text', 'json_object', 'json_schema']),
  json_schema: nullable(
    modelRule(
      { name: stringRule, description: nullable(stringRule), schema: dictionaryRule, strict: booleanRule },
      ['name', 'schema'],
    ),
  ),
});

/** Top-level fields of ChatCompletionRequest in reference/mistral-openapi-subset.yaml (additionalProperties: false). */
const CHAT_REQUEST_FIELDS: Record<string, FieldRule> = {
  model: stringRule,
  temperature: nullable(numberRule({ ge: 0, le: 1.5 })),
  top_p: nullable(numberRule({ gt: 0, le: 1 })),
  max_tokens: nullable(integerRule({ ge: 0 })),
  stream: booleanRule,
  stop: nullable(
    unionRule([
      ['str', stringRule],
      ['list[str]', listRule(stringRule)],
    ]),
  ),
  random_seed: nullable(integerRule({ ge: 0 })),
  metadata: nullable(dictionaryRule),
  messages: listRule(messageRule),
  response_format: responseFormatRule,
  tools: nullable(listRule(toolRule)),
  tool_choice: toolChoiceRule,
  presence_penalty: nullable(numberRule({ ge: -2, le: 2 })),
  frequency_penalty: nullable(numberRule({ ge: -2, le: 2 })),
  n: nullable(integerRule({ ge: 1 })),
  prediction: modelRule({ type: enumRule(['content']), content: stringRule }),
  parallel_tool_calls: booleanRule,
  reasoning_effort: nullable(enumRule(['none', 'minimal', 'low', 'medium', 'high', 'xhigh'])),
  prompt_mode: nullable(enumRule(['reasoning'])),
  guardrails: nullable(listRule(dictionaryRule)),
  prompt_cache_key: nullable(stringRule),
  service_tier: nullable(enumRule(['auto', 'standard_only'])),
  safe_prompt: booleanRule,
};

export type ChatValidation = { ok: true; request: ChatRequest } | { ok: false; details: ValidationDetail[] };

/** Validates a parsed JSON body; on success the body is trusted as a ChatRequest from here on. */
export function validateChatRequest(body: Record<string, unknown>): ChatValidation {
  const details: ValidationDetail[] = [];
  checkModel(body, ['body'], CHAT_REQUEST_FIELDS, ['messages', 'model'], details);
  return details.length === 0
    ? { ok: true, request: body as unknown as ChatRequest }
    : { ok: false, details };
}
