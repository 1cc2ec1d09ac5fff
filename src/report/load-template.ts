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

/** For the build: the CommonJS module written beside `fileName` (its hash and precompiled spec). */
export function precompiledTemplateModule(fileName: TemplateName): string {
  const source = readTemplate(fileName);
  const spec = (require('handlebars') as typeof Handlebars).precompile(source, TEMPLATE_OPTIONS[fileName]);
  return `module.exports = { sha256: ${JSON.stringify(templateHash(source))}, spec: ${spec} };\n`;
}

/** The build's spec for `fileName` when it was compiled from exactly this source. */
function precompiledSpec(fileName: TemplateName, source: string): TemplateSpecification | undefined {
  let precompiled: PrecompiledTemplate | undefined;
  try {
    precompiled = require(`./templates/${fileName}.cjs`) as PrecompiledTemplate;
  } catch {
    return undefined;
  }
  return precompiled.sha256 === templateHash(source) ? precompiled.spec : undefined;
}

/**
 * A fresh private Handlebars environment for the renderer of `fileName`: only Handlebars' runtime
 * when the build precompiled this template (the compiler is ~half of Handlebars' load time), the
 * full library when it must be compiled here. Register helpers on it, then call compileTemplate.
 */
export function templateEnvironment(fileName: TemplateName): typeof Handlebars {
  const library = precompiledSpec(fileName, readTemplate(fileName))
    ? (require('handlebars/runtime') as typeof Handlebars)
    : (require('handlebars') as typeof Handlebars);
  return library.create();
}

/**
 * `fileName` as a template of `handlebars` (from templateEnvironment, helpers registered): the
 * build's precompiled spec when there is one for this exact source (no parse, no code generation:
 * ~60 ms a template), else compiled here with the same options.
 */
export function compileTemplate<T>(
  handlebars: typeof Handlebars,
  fileName: TemplateName,
): Handlebars.TemplateDelegate<T> {
  const source = readTemplate(fileName);
  const spec = precompiledSpec(fileName, source);
  return spec ? handlebars.template<T>(spec) : handlebars.compile<T>(source, TEMPLATE_OPTIONS[fileName]);
}
