/** @module report.md: GitHub-flavoured Markdown in the seed page's order, from ReportData only. */
import type Handlebars from 'handlebars';
import { escapeMarkdown, escapeTableCell } from './escape-markdown.ts';
import { compileTemplate, templateEnvironment } from './load-template.ts';
import type { ReportData } from './report-data.ts';

let compiled: Handlebars.TemplateDelegate<ReportData> | undefined;

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/**
 * A private Handlebars environment. `{{ }}` keeps its HTML escaping as a safety net; template
 * text goes through `md` (paragraphs, list items, headings) or `cell` (table cells), which
 * return Markdown-escaped SafeStrings.
 */
function compile(): Handlebars.TemplateDelegate<ReportData> {
  const handlebars = templateEnvironment('report.md.hbs');
  handlebars.registerHelper('md', (value: unknown) => new handlebars.SafeString(escapeMarkdown(text(value))));
  handlebars.registerHelper(
    'cell',
    (value: unknown) => new handlebars.SafeString(escapeTableCell(text(value))),
  );
  // href values come from safeHref() or probeAnchor(): http(s) with link-breaking characters encoded, or `#slug`.
  handlebars.registerHelper('link', (label: unknown, href: unknown) => {
    const escaped = escapeMarkdown(text(label));
    return new handlebars.SafeString(typeof href === 'string' && href ? `[${escaped}](${href})` : escaped);
  });
  return compileTemplate<ReportData>(handlebars, 'report.md.hbs');
}

/** Render report.md. The template is compiled on first use and reused. */
export function renderMarkdown(data: ReportData): string {
  compiled ??= compile();
  return `${compiled(data)
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
