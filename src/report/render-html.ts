/** @module report.html: one self-contained page (inline CSS, charts as data URIs, no script). */
import type Handlebars from 'handlebars';
import { categoryIconSvg } from './category-icons.ts';
import type { ChartImage } from './charts/chart-png.ts';
import { htmlWithCode } from './html-with-code.ts';
import { compileTemplate, readTemplate, templateEnvironment } from './load-template.ts';
import type { ReportData } from './report-data.ts';

interface EmbeddedImage {
  /** `data:image/png;base64,...`: built here from PNG bytes, so it is safe to emit unescaped. */
  src: string;
  alt: string;
  width: number;
  height: number;
}

interface HtmlView {
  data: ReportData;
  css: string;
  images: Partial<Record<string, EmbeddedImage>>;
}

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

function textOf(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

let compiled: { template: Handlebars.TemplateDelegate<HtmlView>; css: string } | undefined;

/**
 * A private Handlebars environment with its default HTML escaping: every `{{ }}` escapes,
 * and `{{{ }}}` is used only for the stylesheet and the base64 data URIs, never target text;
 * `icon` emits static SVG chosen by category id; `code` escapes like `{{ }}` and adds only <code>.
 */
function compile(): NonNullable<typeof compiled> {
  const handlebars = templateEnvironment('report.html.hbs');
  handlebars.registerHelper(
    'icon',
    (category: unknown) => new handlebars.SafeString(categoryIconSvg(String(category))),
  );
  handlebars.registerHelper('code', (text: unknown) => new handlebars.SafeString(htmlWithCode(textOf(text))));
  return {
    template: compileTemplate<HtmlView>(handlebars, 'report.html.hbs'),
    css: readTemplate('report.css'),
  };
}

function embed(data: ReportData, images: ChartImage[]): HtmlView['images'] {
  const embedded: HtmlView['images'] = {};
  for (const image of images) {
    const ref = data.charts.refs.find((candidate) => candidate.name === image.name);
    embedded[image.name] = {
      src: `data:image/png;base64,${image.png.toString('base64')}`,
      alt: ref?.alt ?? image.name,
      width: image.width,
      height: image.height,
    };
  }
  return embedded;
}

/** Render report.html; pass the chart PNGs to embed them (a report without charts is still valid). */
export function renderHtml(data: ReportData, images: ChartImage[] = []): string {
  compiled ??= compile();
  // Escaping does not touch control characters; a target's NUL or ESC must not reach the page either.
  return compiled
    .template({ data, css: compiled.css, images: embed(data, images) })
    .replace(CONTROL_CHARACTERS, '\uFFFD');
}
