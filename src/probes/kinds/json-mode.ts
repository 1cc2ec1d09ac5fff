/** @module `json-mode`: ask for JSON (json_object or json_schema) and judge what comes back. */
import { readChatCompletion } from '../chat-response.ts';
import { validateAgainst } from '../json-schema-validator.ts';
import {
  emptyOutcome,
  type ProbeContext,
  type ProbeKind,
  type ProbeOutcome,
  parametersOf,
  unreadableAnswer,
} from '../probe-kind.ts';
import { readJson } from '../response-body.ts';

export type JsonFailureForm =
  | 'code-fence'
  | 'prose-around-json'
  | 'truncated'
  | 'whitespace-run'
  | 'empty'
  | 'not-json'
  | 'not-an-object';

export interface JsonModeObservations {
  accepted: boolean;
  status: number | null;
  content: string;
  valid: boolean;
  schemaValid: boolean | null;
  schemaErrors: string[];
  failureForm: JsonFailureForm | null;
  finishReason: string | null;
}

/** Names how output that should be JSON went wrong (JSONSchemaBench's failure forms). */
export function classifyJsonFailure(content: string, finishReason: string | null): JsonFailureForm {
  const trimmed = content.trim();
  if (trimmed === '') return 'empty';
  if (/^```/.test(trimmed)) return 'code-fence';
  if (/\s{40,}/.test(content)) return 'whitespace-run';
  if (finishReason === 'length' || /^[[{]/.test(trimmed)) return 'truncated';
  if (/[{[]/.test(trimmed)) return 'prose-around-json';
  return 'not-json';
}

export interface JsonModeParameters {
  /** `json_object`, or `json_schema` (the default when a schema is given). */
  mode?: 'json_object' | 'json_schema';
  /** The schema the answer must satisfy, in any draft it declares by `$schema` (2020-12 by default). */
  schema?: Record<string, unknown>;
  schemaName?: string;
  strict?: boolean;
  prompt?: string;
  maxTokens?: number;
}

export const jsonModeKind: ProbeKind<'json-mode'> = {
  name: 'json-mode',
  parameters: {
    type: 'object',
    properties: {
      mode: { enum: ['json_object', 'json_schema'] },
      schema: { type: 'object' },
      schemaName: { type: 'string', pattern: '^[a-zA-Z0-9_-]{1,64}$' },
      strict: { type: 'boolean' },
      prompt: { type: 'string', minLength: 1 },
      maxTokens: { type: 'integer', minimum: 1, maximum: 100_000 },
    },
    additionalProperties: false,
  },
  async run(context: ProbeContext): Promise<ProbeOutcome> {
    const settings = parametersOf<JsonModeParameters>(context);
    const schema = settings.schema;
    const mode = settings.mode ?? (schema ? 'json_schema' : 'json_object');
    const responseFormat =
      mode === 'json_schema'
        ? {
            type: 'json_schema',
            json_schema: {
              name: settings.schemaName ?? 'answer',
              schema,
              strict: settings.strict === true,
            },
          }
        : { type: 'json_object' };
    const exchange = await context.send({
      method: 'POST',
      path: '/v1/chat/completions',
      auth: { mode: 'bearer' },
      body: {
        model: context.target.model,
        messages: [
          {
            role: 'user',
            content: settings.prompt ?? 'Describe a city as JSON with keys name and country.',
          },
        ],
        response_format: responseFormat,
        max_tokens: settings.maxTokens ?? 400,
      },
      timeoutMs: context.timeoutMs,
    });
    const outcome = emptyOutcome();
    outcome.exchanges.push(exchange);
    outcome.failure = unreadableAnswer(exchange, { expectJson: true });
    if (outcome.failure || exchange.status === null) return outcome;
    const accepted = exchange.status >= 200 && exchange.status < 300;
    const reading = readChatCompletion(exchange);
    const parsed = accepted ? readJson(reading.content) : { ok: false as const, error: 'not accepted' };
    const verdict = parsed.ok && schema ? validateAgainst(schema, parsed.value) : null;
    const observations: JsonModeObservations = {
      accepted,
      status: exchange.status,
      content: reading.content.slice(0, 2000),
      valid: parsed.ok,
      schemaValid: !accepted || !schema ? null : verdict ? verdict.valid : false,
      schemaErrors: verdict?.errors ?? [],
      failureForm: accepted && !parsed.ok ? classifyJsonFailure(reading.content, reading.finishReason) : null,
      finishReason: reading.finishReason,
    };
    outcome.observation = { kind: 'json-mode', data: observations };
    outcome.measurements = {
      jsonMode: {
        accepted,
        valid: parsed.ok,
        schemaValid: observations.schemaValid,
        ...(observations.failureForm ? { failureForm: observations.failureForm } : {}),
      },
    };
    outcome.timings = { ttfbMs: exchange.timings.ttfbMs ?? undefined, e2eMs: exchange.timings.e2eMs };
    return outcome;
  },
};
