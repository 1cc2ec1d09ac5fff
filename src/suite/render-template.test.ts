/** @module Tests for render-template.ts. */
import { describe, expect, it } from 'vitest';
import { renderTemplate, templateSyntaxError } from './render-template.ts';
import { TemplateError } from './template-error.ts';

const vars = {
  model: 'mistral-small-latest',
  canary: { email: 'canary-7f3a@example.test', name: 'Ada Canary' },
  schema: { type: 'object', properties: { city: { type: 'string' } } },
  maxTokens: 16,
  nothing: null,
};

function errorOf(render: () => unknown): TemplateError {
  try {
    render();
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return error as TemplateError;
  }
  throw new Error('expected a TemplateError');
}

describe('renderTemplate', () => {
  it('renders placeholders in nested objects and arrays without HTML escaping', () => {
    const body = {
      model: '{{model}}',
      messages: [{ role: 'user', content: 'Reply to {{canary.name}} <{{canary.email}}> & stop' }],
      stream: true,
      temperature: 0,
    };
    expect(renderTemplate(body, vars)).toEqual({
      model: 'mistral-small-latest',
      messages: [{ role: 'user', content: 'Reply to Ada Canary <canary-7f3a@example.test> & stop' }],
      stream: true,
      temperature: 0,
    });
  });

  it('does not modify the template it was given', () => {
    const template = { model: '{{model}}' };
    renderTemplate(template, vars);
    expect(template).toEqual({ model: '{{model}}' });
  });

  it('injects a non-string value when a string is exactly one placeholder', () => {
    const rendered = renderTemplate(
      {
        response_format: { type: 'json_schema', json_schema: { schema: '{{schema}}' } },
        max_tokens: '{{ maxTokens }}',
      },
      vars,
    );
    expect(rendered).toEqual({
      response_format: { type: 'json_schema', json_schema: { schema: vars.schema } },
      max_tokens: 16,
    });
    expect(renderTemplate('{{nothing}}', vars)).toBeNull();
    expect(renderTemplate('limit {{maxTokens}}', vars)).toBe('limit 16');
  });

  it('renders the json helper for raw bodies', () => {
    expect(renderTemplate('{"schema": {{json schema}} }', vars)).toBe(
      `{"schema": ${JSON.stringify(vars.schema)} }`,
    );
  });

  it('names an unknown placeholder and where it sits', () => {
    const error = errorOf(() =>
      renderTemplate({ messages: [{ content: 'call {{canary.phone}} now' }] }, vars),
    );
    expect(error.code).toBe('E_TEMPLATE');
    expect(error.placeholder).toBe('canary.phone');
    expect(error.message).toBe(
      'messages[0].content: unknown placeholder "{{canary.phone}}" (known in canary: email, name)',
    );
  });

  it('names an unknown whole-string placeholder too', () => {
    const error = errorOf(() => renderTemplate({ model: '{{modle}}' }, vars));
    expect(error.message).toBe(
      'model: unknown placeholder "{{modle}}" (known: model, canary, schema, maxTokens, nothing)',
    );
  });

  it('reports a template syntax error', () => {
    expect(templateSyntaxError('/v1/{{model}')).toMatch(/^Parse error/);
    expect(templateSyntaxError('/v1/{{model}}')).toBeNull();
    expect(() => renderTemplate('/v1/{{model}', vars)).toThrow(TemplateError);
  });

  it('renders the same template against different variables (cache keyed on text only)', () => {
    expect(renderTemplate('{{model}}!', { model: 'a' })).toBe('a!');
    expect(renderTemplate('{{model}}!', { model: 'b' })).toBe('b!');
  });
});
