/** @module The console summary as a reporter: headline scores (or why there are none) and probe counts. */
import type { Reporter, ReporterOptions } from '../reporter.ts';

export function consoleReporter(options: ReporterOptions = {}): Reporter {
  const stdout = options.stdout ?? process.stdout;
  return {
    onRunEnd(context) {
      const data = context.data();
      const { probes } = context.scorecard;
      const scores = [...data.headline, data.dataProtectionHeadline]
        .map((row) => `${row.title} ${row.display}/100`)
        .join(' · ');
      stdout.write(`${data.invalidRun ?? scores}\n`);
      stdout.write(
        `${probes.total} probes: ${probes.passed} passed, ${probes.failed} failed, ${probes.errored} errored, ${probes.skipped} skipped\n`,
      );
      return [];
    },
  };
}
