/** @module sandbox/embeddings — POST /v1/embeddings with deterministic hashed vectors. */
import { createHash } from 'node:crypto';
import { invalidModel, type ValidationDetail, validationError } from './error-bodies.ts';
import {
  checkModel,
  dictionaryRule,
  enumRule,
  integerRule,
  listRule,
  nullable,
  stringRule,
  unionRule,
} from './field-checks.ts';
import { hex32 } from './ids.ts';
import { parseJsonBody } from './json-body.ts';
import { isEmbeddingModel } from './models.ts';
import { type RequestContext, sendError, sendJson } from './request-context.ts';
import { countTokens } from './tokenizer.ts';

const DEFAULT_DIMENSIONS = 16;
const MAX_DIMENSIONS = 4096;

const EMBEDDING_REQUEST_FIELDS = {
  model: stringRule,
  metadata: nullable(dictionaryRule),
  input: unionRule([
    ['str', stringRule],
    ['list[str]', listRule(stringRule)],
  ]),
  output_dimension: nullable(integerRule({ gt: 0 })),
  output_dtype: enumRule(['float', 'int8', 'uint8', 'binary', 'ubinary']),
  encoding_format: enumRule(['float', 'base64']),
};

/** A unit-length vector derived from the SHA-256 of the text: equal texts embed equally. */
export function embed(text: string, dimensions: number): number[] {
  const values: number[] = [];
  for (let block = 0; values.length < dimensions; block += 1) {
    const digest = createHash('sha256').update(`${block}:${text}`).digest();
    for (let offset = 0; offset + 2 <= digest.length && values.length < dimensions; offset += 2) {
      values.push(digest.readUInt16BE(offset) / 32_767.5 - 1);
    }
  }
  const norm = Math.hypot(...values) || 1;
  return values.map((value) => Number((value / norm).toFixed(7)));
}

export function handleEmbeddings(context: RequestContext): void {
  const parsed = parseJsonBody(context.rawBody ?? '');
  if (!parsed.ok) {
    sendError(context, validationError([parsed.detail]));
    return;
  }
  const details: ValidationDetail[] = [];
  checkModel(parsed.value, ['body'], EMBEDDING_REQUEST_FIELDS, ['input', 'model'], details);
  if (details.length > 0) {
    sendError(context, validationError(details));
    return;
  }

  const body = parsed.value as { model: string; input: string | string[]; output_dimension?: number | null };
  if (!isEmbeddingModel(body.model) && !context.profile.faults.acceptUnknownModels) {
    sendError(context, invalidModel(body.model));
    return;
  }
  const inputs = typeof body.input === 'string' ? [body.input] : body.input;
  const dimensions = Math.min(body.output_dimension ?? DEFAULT_DIMENSIONS, MAX_DIMENSIONS);
  const promptTokens = inputs.reduce((sum, text) => sum + countTokens(text), 0);
  sendJson(context, 200, {
    id: hex32(),
    object: 'list',
    data: inputs.map((text, index) => ({ object: 'embedding', embedding: embed(text, dimensions), index })),
    model: body.model,
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: 0,
      total_tokens: promptTokens,
      prompt_audio_seconds: null,
    },
  });
}
