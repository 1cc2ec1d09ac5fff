/** @module dpa-assessment.md and .html: the vendor assessment a DPO files (see report/dpa/). */
import { writeDpaAssessment } from '../dpa/write-dpa-assessment.ts';
import type { Reporter } from '../reporter.ts';

export function dpaReporter(): Reporter {
  return {
    onRunEnd: (context) =>
      writeDpaAssessment({
        runDir: context.runDir,
        scorecard: context.scorecard,
        results: context.results,
        profile: context.profile,
      }),
  };
}
