/** @module dpa-assessment.md and .html: the vendor assessment a DPO files (see report/dpa/). */
import { measuresHeldSince } from '../dpa/held-since.ts';
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
        ...(context.priorRuns
          ? {
              heldSince: measuresHeldSince([
                { startedAt: context.scorecard.startedAt, results: context.results },
                ...context.priorRuns,
              ]),
            }
          : {}),
      }),
  };
}
