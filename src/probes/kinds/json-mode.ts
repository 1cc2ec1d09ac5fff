/** @module `json-mode`: ask for JSON (json_object or json_schema) and judge what comes back. */
import { readChatCompletion } from '../chat-response.ts';
import { validateAgainst } from '../json-schema-validator.ts';
import {
  emptyOutcome,
  type ProbeContext,
  type ProbeKind,
  type ProbeOutcome,
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

export function isJsonModeObservations(value: unknown): value is JsonModeObservations {
  return typeof value === 'object' && value !== null && 'accepted' in value && 'schemaValid' in value;
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

export const jsonModeKind: ProbeKind = {
  name: 'json-mode',
  async run(context: ProbeContext): Promise<ProbeOutcome> {
    const settings = context.probe.with ?? {};
    const schema = settings.schema as Record<string, unknown> | undefined;
    const mode = String(settings.mode ?? (schema ? 'json_schema' : 'json_object'));
    const responseFormat =
      mode === 'json_schema'
        ? {
            type: 'json_schema',
            json_schema: {
              name: String(settings.schemaName ?? 'answer'),
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
            content: String(settings.prompt ?? 'Describe a city as JSON with keys name and country.'),
          },
        ],
        response_format: responseFormat,
        max_tokens: Number(settings.maxTokens ?? 400),
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
    outcome.observations = { jsonMode: observations };
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
