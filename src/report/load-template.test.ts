import Handlebars from 'handlebars';
import HandlebarsRuntime from 'handlebars/runtime';
import { describe, expect, it } from 'vitest';
import { hostileProfile, mistralProfile } from './__fixtures__/profile.ts';
import { fixtureResults, hostileResults } from './__fixtures__/results.ts';
import { fullScorecard, hostileScorecard } from './__fixtures__/scorecards.ts';
import {
  type PrecompiledTemplate,
  precompiledTemplateModule,
  readTemplate,
  TEMPLATE_OPTIONS,
  type TemplateName,
  templateHash,
} from './load-template.ts';
import { buildReportData } from './report-data.ts';

/** The module the build writes beside a template, loaded as CommonJS would. */
function load(code: string): PrecompiledTemplate {
  const module = { exports: {} as PrecompiledTemplate };
  new Function('module', code)(module);
  return module.exports;
}

/** Helpers named as the renderers name theirs, each leaving a visible trace of its arguments. */
function withHelpers<T extends typeof Handlebars>(environment: T): T {
  for (const name of ['md', 'cell', 'link', 'icon', 'code', 'd', 'dt', 'href', 'eq', 'slug']) {
    environment.registerHelper(
      name,
      (...args: unknown[]) =>
        new environment.SafeString(`<${name}:${args.slice(0, -1).map(String).join('|')}>`),
    );
  }
  return environment;
}

const reports = [
  buildReportData({
    scorecard: fullScorecard(),
    results: fixtureResults(),
    profile: mistralProfile(),
    runDir: 'r',
  }),
  buildReportData({
    scorecard: hostileScorecard(),
    results: hostileResults(),
    profile: hostileProfile(),
    runDir: 'r',
  }),
];

describe('precompiled report templates', () => {
  it.each(Object.keys(TEMPLATE_OPTIONS) as TemplateName[])(
    '%s renders on the runtime exactly as compiled at run time, and is tagged with its source',
    (name) => {
      const { sha256, spec } = load(precompiledTemplateModule(name));
      expect(sha256).toBe(templateHash(readTemplate(name)));
      const compiled = withHelpers(Handlebars.create()).compile(readTemplate(name), TEMPLATE_OPTIONS[name]);
      const precompiled = withHelpers(HandlebarsRuntime.create() as typeof Handlebars).template(spec);
      for (const data of reports) {
        const view = { data, a: data, css: 'CSS', images: {} };
        const page = compiled(view);
        expect(page.length).toBeGreaterThan(200);
        expect(precompiled(view)).toBe(page);
      }
    },
  );
});
