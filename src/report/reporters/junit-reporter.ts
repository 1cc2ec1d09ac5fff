/** @module junit.xml as a reporter: written where `--junit FILE` says, or junit.xml in the run folder. */
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { renderJunit } from '../render-junit.ts';
import type { Reporter } from '../reporter.ts';
import { writeFileAtomic } from '../write-file-atomic.ts';

export function junitReporter(): Reporter {
  return {
    async onRunEnd(context) {
      const path = context.junitFile ? resolve(context.junitFile) : join(context.runDir, 'junit.xml');
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, renderJunit(context.results));
      return [path];
    },
  };
}
