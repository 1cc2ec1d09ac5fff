/** @module report.md as a reporter. */
import { join } from 'node:path';
import { renderMarkdown } from '../render-markdown.ts';
import type { Reporter } from '../reporter.ts';
import { writeFileAtomic } from '../write-file-atomic.ts';

export function markdownReporter(): Reporter {
  return {
    async onRunEnd(context) {
      const path = join(context.runDir, 'report.md');
      await writeFileAtomic(path, renderMarkdown(context.data()));
      return [path];
    },
  };
}
