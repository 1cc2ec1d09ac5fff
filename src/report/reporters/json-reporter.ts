/**
 * @module report.json: the report model every renderer reads (display-ready rows, chart series),
 * for dashboards that want the report's numbers without parsing Markdown or HTML.
 */
import { join } from 'node:path';
import type { Reporter } from '../reporter.ts';
import { writeFileAtomic } from '../write-file-atomic.ts';

export const REPORT_JSON_SCHEMA_VERSION = 1;

export function jsonReporter(): Reporter {
  return {
    async onRunEnd(context) {
      const path = join(context.runDir, 'report.json');
      const document = { schemaVersion: REPORT_JSON_SCHEMA_VERSION, ...context.data() };
      await writeFileAtomic(path, `${JSON.stringify(document, null, 2)}\n`);
      return [path];
    },
  };
}
