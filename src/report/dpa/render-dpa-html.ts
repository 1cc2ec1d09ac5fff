/** @module dpa-assessment.html: the assessment as one self-contained page that prints cleanly on A4. */
import type Handlebars from 'handlebars';
import { safeHref } from '../anchors.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { compileTemplate, readTemplate, templateEnvironment } from '../load-template.ts';
import type { DpaAssessment } from './dpa-assessment.ts';

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

let compiled:
  | { template: Handlebars.TemplateDelegate<{ a: DpaAssessment; css: string }>; css: string }
  | undefined;

/** A private Handlebars environment: `{{ }}` escapes everything; only the stylesheet is emitted raw. */
function compile(): NonNullable<typeof compiled> {
  const handlebars = templateEnvironment('dpa-assessment.html.hbs');
  handlebars.registerHelper('d', (iso: unknown) => formatDate(typeof iso === 'string' ? iso : null));
  handlebars.registerHelper('dt', (iso: unknown) => formatDateTime(typeof iso === 'string' ? iso : null));
  handlebars.registerHelper('href', (url: unknown) => safeHref(typeof url === 'string' ? url : null));
  handlebars.registerHelper('eq', (left: unknown, right: unknown) => left === right);
  handlebars.registerHelper('slug', (text: unknown) =>
    String(text ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, ''),
  );
  return {
    template: compileTemplate<{ a: DpaAssessment; css: string }>(handlebars, 'dpa-assessment.html.hbs'),
    css: readTemplate('dpa-assessment.css'),
  };
}

export function renderDpaHtml(assessment: DpaAssessment): string {
  compiled ??= compile();
  return compiled.template({ a: assessment, css: compiled.css }).replace(CONTROL_CHARACTERS, '');
}
