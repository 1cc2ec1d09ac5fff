/** @module `response-shape-conformance`: 2xx JSON bodies validated against the official spec's component schemas. */
import type { ProviderExchange } from '../../providers/provider.ts';
import { type Assertion, type AssertionParams, fail, notApplicable, pass } from '../assertion.ts';
import { exchangeJson } from '../response-body.ts';
import { conformsToSpec, SPEC_SCHEMAS, type SpecSchemaName, specNotHeld } from '../spec-conformance.ts';

/** The schema a successful answer to this request must follow, from `schema` or the request path. */
function schemaFor(exchange: ProviderExchange, params: AssertionParams): SpecSchemaName | null {
  if (typeof params.schema === 'string') {
    return (SPEC_SCHEMAS as readonly string[]).includes(params.schema)
      ? (params.schema as SpecSchemaName)
      : null;
  }
  const path = new URL(exchange.request.url, 'http://unused').pathname;
  if (/\/chat\/completions$/.test(path)) return 'ChatCompletionResponse';
  if (/\/models$/.test(path) && exchange.request.method === 'GET') return 'ModelList';
  return null;
}

export const responseShapeConformanceAssertion: Assertion<'response-shape-conformance'> = {
  name: 'response-shape-conformance',
  parameters: {
    type: 'object',
    properties: { schema: { enum: [...SPEC_SCHEMAS] } },
    additionalProperties: false,
  },
  evaluate: (params, outcome, context) => {
    const notHeld = specNotHeld(context.target);
    if (notHeld) return notHeld;
    if (typeof params.schema === 'string' && !(SPEC_SCHEMAS as readonly string[]).includes(params.schema)) {
      return notApplicable(`unknown spec schema ${params.schema} (known: ${SPEC_SCHEMAS.join(', ')})`);
    }
    const judged: string[] = [];
    const added = new Set<string>();
    for (const exchange of outcome.exchanges) {
      const status = exchange.status ?? 0;
      if (status < 200 || status >= 300 || exchange.sse) continue;
      const schema = schemaFor(exchange, params);
      const body = exchangeJson(exchange);
      if (!schema || body === undefined) continue;
      const verdict = conformsToSpec(schema, body);
      if (!verdict.valid) return fail(`${schema}: ${verdict.errors.join('; ')}`);
      judged.push(schema);
      for (const field of verdict.undeclaredFields) added.add(field);
    }
    if (judged.length === 0) return notApplicable('no successful non-streaming JSON answer to validate');
    const extra =
      added.size > 0 ? `; fields the spec does not declare: ${[...added].slice(0, 6).join(', ')}` : '';
    return pass(`${[...new Set(judged)].join(', ')} conform to the published spec${extra}`);
  },
};
