/** @module Built-in reporters by name: a typed map, so a name without a reporter fails to compile. */
import type { Reporter, ReporterOptions } from './reporter.ts';
import type { ReporterName } from './reporter-names.ts';
import { chartsReporter } from './reporters/charts-reporter.ts';
import { consoleReporter } from './reporters/console-reporter.ts';
import { dpaReporter } from './reporters/dpa-reporter.ts';
import { htmlReporter } from './reporters/html-reporter.ts';
import { jsonReporter } from './reporters/json-reporter.ts';
import { junitReporter } from './reporters/junit-reporter.ts';
import { markdownReporter } from './reporters/markdown-reporter.ts';

export const REPORTERS: Record<ReporterName, (options: ReporterOptions) => Reporter> = {
  markdown: markdownReporter,
  html: htmlReporter,
  charts: chartsReporter,
  json: jsonReporter,
  dpa: dpaReporter,
  junit: junitReporter,
  console: consoleReporter,
};
