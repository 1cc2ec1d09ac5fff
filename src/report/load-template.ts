/** @module Reads a Handlebars template that ships beside this module, compiled at build time when it can be. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';

/** Template source from `templates/`, read synchronously once per renderer. */
export function readTemplate(fileName: string): string {
  return readFileSync(new URL(`./templates/${fileName}`, import.meta.url), 'utf8');
}

/**
 * Each report template with the compile options its renderer uses. `bin/build.js` precompiles these
 * with exactly these options, so the compiled and the run-time path give the same function.
 */
export const TEMPLATE_OPTIONS = {
  'report.html.hbs': { strict: false },
  'report.md.hbs': { strict: false, noEscape: false },
  'dpa-assessment.html.hbs': { strict: false },
} as const satisfies Record<string, CompileOptions>;

export type TemplateName = keyof typeof TEMPLATE_OPTIONS;
type CompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]>;

/** What the build writes beside a template (`NAME.hbs.cjs`): the source's hash and Handlebars' precompiled spec. */
export interface PrecompiledTemplate {
  sha256: string;
  spec: TemplateSpecification;
}

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

export function templateHash(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

const require = createRequire(import.meta.url);

/**
 * `fileName` as a template of `handlebars` (an environment with its helpers registered): the build's
 * precompiled spec when there is one for this exact source (no parse, no code generation: ~60 ms a
 * template), else compiled here with the same options.
 */
export function compileTemplate<T>(
  handlebars: typeof Handlebars,
  fileName: TemplateName,
): Handlebars.TemplateDelegate<T> {
  const source = readTemplate(fileName);
  let precompiled: PrecompiledTemplate | undefined;
  try {
    precompiled = require(`./templates/${fileName}.cjs`) as PrecompiledTemplate;
  } catch {
    precompiled = undefined;
  }
  if (precompiled?.sha256 === templateHash(source)) return handlebars.template<T>(precompiled.spec);
  return handlebars.compile<T>(source, TEMPLATE_OPTIONS[fileName]);
}
