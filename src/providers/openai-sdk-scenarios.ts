/** @module What an agent does through the official `openai` SDK, one scenario a function, summarised as plain data. */
import type OpenAI from 'openai';

export type OpenAiSdkScenario =
  | 'chat'
  | 'stream-text'
  | 'stream-tool-call'
  | 'tool-round-trip'
  | 'json-object'
  | 'json-schema'
  | 'models'
  | 'error-auth'
  | 'error-not-found'
  | 'error-bad-request'
  | 'error-rate-limit';

export const OPENAI_SDK_SCENARIOS: readonly OpenAiSdkScenario[] = [
  'chat',
  'stream-text',
  'stream-tool-call',
  'tool-round-trip',
  'json-object',
  'json-schema',
  'models',
  'error-auth',
  'error-not-found',
  'error-bad-request',
  'error-rate-limit',
];

/** A model id no provider serves. */
export const OPENAI_SDK_UNKNOWN_MODEL = 'agentscore-no-such-model';
/** Characters of text kept from answers and error bodies. */
export const OPENAI_SDK_EXCERPT_CHARS = 400;

/** What a successful scenario got back, summarised. */
export interface OpenAiSdkAnswer {
  /** Final assistant text (excerpt); null when there was none. */
  content: string | null;
  toolCalls: Array<{ name: string; arguments: string }>;
  finishReason: string | null;
  /** json-schema: what `parse()` put in `message.parsed`. */
  parsed?: unknown;
  /** models: ids on the first page. */
  modelIds?: string[];
  /** The SDK's `_request_id` (the `x-request-id` header), null when the API sends none. */
  requestId: string | null;
  /** error-rate-limit: SDK requests sent without a 429. */
  requestsSent?: number;
}

export interface OpenAiSdkScenarioSettings {
  /** json-schema: the schema `parse()` is given. */
  schema?: Record<string, unknown>;
  /** error-rate-limit: most SDK requests sent before giving up on a 429. */
  maxRequests?: number;
  /** error-rate-limit: requests in flight at once. */
  concurrency?: number;
}

const WEATHER_TOOL = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Current weather for a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    },
  },
};
const WEATHER_PROMPT = 'What is the weather in Paris right now? Use the tool.';
const DEFAULT_SCHEMA = {
  type: 'object',
  properties: { name: { type: 'string' }, country: { type: 'string' } },
  required: ['name', 'country'],
  additionalProperties: false,
};

export function excerpt(text: string): string {
  return text.length > OPENAI_SDK_EXCERPT_CHARS ? `${text.slice(0, OPENAI_SDK_EXCERPT_CHARS)}…` : text;
}

type ChatMessage = OpenAI.Chat.Completions.ChatCompletionMessage;

function answerOf(
  message: ChatMessage | undefined,
  finishReason: string | null,
  requestId: string | null,
): OpenAiSdkAnswer {
  const toolCalls = (message?.tool_calls ?? []).flatMap((call) =>
    call.type === 'function' ? [{ name: call.function.name, arguments: call.function.arguments }] : [],
  );
  return {
    content: typeof message?.content === 'string' ? excerpt(message.content) : null,
    toolCalls,
    finishReason,
    requestId,
  };
}

export interface ScenarioTools {
  client: OpenAI;
  model: string;
  settings: OpenAiSdkScenarioSettings;
}

async function chat({ client, model }: ScenarioTools, overrides: Record<string, unknown> = {}) {
  const completion = await client.chat.completions.create({
    model,
    messages: [{ role: 'user', content: 'Reply with the single word OK.' }],
    max_tokens: 5,
    ...overrides,
  });
  const choice = completion.choices[0];
  return answerOf(choice?.message, choice?.finish_reason ?? null, completion._request_id ?? null);
}

async function streamed({ client, model }: ScenarioTools, withTool: boolean): Promise<OpenAiSdkAnswer> {
  const stream = client.chat.completions.stream({
    model,
    messages: [{ role: 'user', content: withTool ? WEATHER_PROMPT : 'Count from 1 to 5.' }],
    max_tokens: withTool ? 200 : 40,
    ...(withTool ? { tools: [WEATHER_TOOL], tool_choice: 'required' as const } : {}),
  });
  const completion = await stream.finalChatCompletion();
  const choice = completion.choices[0];
  return answerOf(choice?.message, choice?.finish_reason ?? null, null);
}

/** Forced call, the tool's result fed back, then the model's answer: the loop every agent runs. */
async function toolRoundTrip({ client, model }: ScenarioTools): Promise<OpenAiSdkAnswer> {
  const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [
    { role: 'user', content: WEATHER_PROMPT },
  ];
  const first = await client.chat.completions.create({
    model,
    messages,
    tools: [WEATHER_TOOL],
    tool_choice: 'required',
    max_tokens: 200,
  });
  const call = first.choices[0]?.message.tool_calls?.[0];
  if (call?.type !== 'function') {
    const choice = first.choices[0];
    return answerOf(choice?.message, choice?.finish_reason ?? null, first._request_id ?? null);
  }
  messages.push(first.choices[0]!.message, {
    role: 'tool',
    tool_call_id: call.id,
    content: JSON.stringify({ city: 'Paris', temperatureCelsius: 18, sky: 'clear' }),
  });
  const second = await client.chat.completions.create({
    model,
    messages,
    tools: [WEATHER_TOOL],
    tool_choice: 'auto',
    max_tokens: 200,
  });
  const choice = second.choices[0];
  const answer = answerOf(choice?.message, choice?.finish_reason ?? null, second._request_id ?? null);
  // The calls of the first turn are the round trip's; the second turn must answer in words.
  return { ...answer, toolCalls: [{ name: call.function.name, arguments: call.function.arguments }] };
}

async function jsonSchema({ client, model, settings }: ScenarioTools): Promise<OpenAiSdkAnswer> {
  // What `zodResponseFormat` builds, without zod: a json_schema format `parse()` auto-parses.
  const { makeParseableResponseFormat } = await import('openai/lib/parser');
  const responseFormat = makeParseableResponseFormat(
    {
      type: 'json_schema',
      json_schema: { name: 'city', schema: settings.schema ?? DEFAULT_SCHEMA, strict: true },
    },
    (content: string) => JSON.parse(content) as unknown,
  );
  const completion = await client.chat.completions.parse({
    model,
    messages: [{ role: 'user', content: 'Name a European city and its country.' }],
    response_format: responseFormat,
    max_tokens: 200,
  });
  const choice = completion.choices[0];
  return {
    ...answerOf(choice?.message, choice?.finish_reason ?? null, null),
    parsed: choice?.message.parsed ?? null,
  };
}

async function models({ client }: ScenarioTools): Promise<OpenAiSdkAnswer> {
  const { data: page, request_id: requestId } = await client.models.list().withResponse();
  return {
    content: null,
    toolCalls: [],
    finishReason: null,
    modelIds: page.data.map((model) => model.id),
    requestId,
  };
}

/** Cheap SDK requests until the first RateLimitError (which the caller reports); none is an answer too. */
async function untilThrottled({ client, settings }: ScenarioTools): Promise<OpenAiSdkAnswer> {
  const maxRequests = settings.maxRequests ?? 250;
  const concurrency = Math.max(1, settings.concurrency ?? 8);
  let sent = 0;
  let stopped = false;
  const worker = async () => {
    while (sent < maxRequests && !stopped) {
      sent += 1;
      await client.models.list().catch((error: unknown) => {
        stopped = true;
        throw error;
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { content: null, toolCalls: [], finishReason: null, requestId: null, requestsSent: sent };
}

/** Runs one scenario with a configured client; throws what the SDK throws. */
export function runScenario(scenario: OpenAiSdkScenario, tools: ScenarioTools): Promise<OpenAiSdkAnswer> {
  switch (scenario) {
    case 'chat':
    case 'error-auth':
      return chat(tools);
    case 'stream-text':
      return streamed(tools, false);
    case 'stream-tool-call':
      return streamed(tools, true);
    case 'tool-round-trip':
      return toolRoundTrip(tools);
    case 'json-object':
      return chat(tools, {
        messages: [{ role: 'user', content: 'Describe Paris as a JSON object with keys name and country.' }],
        response_format: { type: 'json_object' },
        max_tokens: 200,
      });
    case 'json-schema':
      return jsonSchema(tools);
    case 'models':
      return models(tools);
    case 'error-not-found':
      return tools.client.models.retrieve(OPENAI_SDK_UNKNOWN_MODEL).then((model) => ({
        content: null,
        toolCalls: [],
        finishReason: null,
        modelIds: [model.id],
        requestId: null,
      }));
    case 'error-bad-request':
      // Far outside any documented range: the server, not the SDK, has to refuse it.
      return chat(tools, { temperature: 50 });
    case 'error-rate-limit':
      return untilThrottled(tools);
  }
}
