import { afterEach, describe, expect, it } from 'vitest';
import { type Answer, completion, startScriptedServer } from '../__fixtures__/chat-answers.ts';
import { createTestContext, type TestServer } from '../__fixtures__/probe-test-context.ts';
import type { Assertion } from '../assertion.ts';
import {
  jsonAcceptedAssertion,
  jsonValidAssertion,
  schemaValidAssertion,
} from '../assertions/llm-assertions.ts';
import type { ProbeOutcome } from '../probe-kind.ts';
import { jsonModeKind } from './json-mode.ts';

const CITY = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'population'],
  properties: { name: { type: 'string' }, population: { type: 'integer', minimum: 0 } },
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function ask(answer: Answer, schema: object | undefined = CITY): Promise<ProbeOutcome> {
  const scripted = await startScriptedServer([answer]);
  server = scripted;
  const { context } = createTestContext({
    baseUrl: scripted.baseUrl,
    probe: { kind: 'json-mode', with: { ...(schema ? { schema, strict: true } : {}), prompt: 'A city.' } },
  });
  const outcome = await jsonModeKind.run(context);
  const format = scripted.requests[0]?.response_format as Record<string, unknown>;
  expect(format.type).toBe(schema ? 'json_schema' : 'json_object');
  return outcome;
}

const judge = (outcome: ProbeOutcome) =>
  Object.fromEntries(
    ([jsonAcceptedAssertion, jsonValidAssertion, schemaValidAssertion] as Assertion[]).map((assertion) => [
      assertion.name,
      assertion.evaluate({}, outcome, {} as never).passed,
    ]),
  );

const content = (text: string): Answer => ({ status: 200, json: completion(text) });

describe('json-mode kind', () => {
  it('a document that satisfies the schema passes all three', async () => {
    const outcome = await ask(content('{"name": "Lyon", "population": 522250}'));
    expect(judge(outcome)).toEqual({ 'json-accepted': true, 'json-valid': true, 'schema-valid': true });
    expect(outcome.measurements.jsonMode).toEqual({ accepted: true, valid: true, schemaValid: true });
  });

  it('valid JSON that breaks the schema fails schema-valid only, naming the violation', async () => {
    for (const text of [
      '{"name": "Lyon", "population": "about half a million"}',
      '{"name": "Lyon"}',
      '{"name": "Lyon", "population": 5, "country": "FR"}',
    ]) {
      const outcome = await ask(content(text));
      expect(judge(outcome), text).toEqual({
        'json-accepted': true,
        'json-valid': true,
        'schema-valid': false,
      });
      expect(schemaValidAssertion.evaluate({}, outcome, {} as never).detail).toMatch(
        /schema violations: \/\S*/,
      );
      await server?.close();
      server = undefined;
    }
  });

  it('a draft-07 schema (as zod-to-json-schema writes it) is read as draft-07, not rejected', async () => {
    const draft07 = { ...CITY, $schema: 'http://json-schema.org/draft-07/schema#' };
    const outcome = await ask(content('{"name": "Lyon", "population": -1}'), draft07);
    expect(judge(outcome)['schema-valid']).toBe(false);
    expect(schemaValidAssertion.evaluate({}, outcome, {} as never).detail).not.toMatch(/does not compile/);
  });

  it('fenced or truncated JSON is not JSON, and says which form it took', async () => {
    const fenced = await ask(content('```json\n{"name": "Lyon", "population": 1}\n```'));
    expect(judge(fenced)).toEqual({ 'json-accepted': true, 'json-valid': false, 'schema-valid': false });
    expect(jsonValidAssertion.evaluate({}, fenced, {} as never).detail).toMatch(
      /^content is not JSON \(code-fence\)/,
    );
    await server?.close();
    const truncated = await ask(content('{"name": "Ly'), undefined);
    expect(jsonValidAssertion.evaluate({}, truncated, {} as never).detail).toMatch(/\(truncated\)/);
  });

  it('a 4xx refuses response_format; a 5xx judges nothing about JSON mode', async () => {
    const refused = await ask({
      status: 422,
      json: { detail: [{ loc: ['body', 'response_format'], msg: 'bad' }] },
    });
    expect(judge(refused)).toEqual({ 'json-accepted': false, 'json-valid': null, 'schema-valid': null });
    await server?.close();
    const down = await ask({ status: 503, json: { message: 'Service unavailable' } });
    expect(judge(down)).toEqual({ 'json-accepted': null, 'json-valid': null, 'schema-valid': null });
  });
});
