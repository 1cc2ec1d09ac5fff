/** @module `agentscore validate`: check suites, rubric, profiles and config; errors name file:line path. */
import { type CliCommand, EXIT_OK, EXIT_USAGE } from '../cli-command.ts';

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check suite, rubric, target-profile and config files against their schemas',
  positionals: true,
  usage: '[FILES...]',
  options: [],
  details:
    'With no files: every file under suites/, rubrics/, fixtures/profiles/ and agentscore.config.yaml if present.',
  async run(_options, positionals, io) {
    const { registryNames } = await import('../../probes/registry.ts');
    const { formatDiagnostic } = await import('../../suite/diagnostic.ts');
    const { validateFiles } = await import('../../suite/validate-files.ts');
    const diagnostics = await validateFiles(positionals, registryNames());
    for (const diagnostic of diagnostics) io.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
    if (diagnostics.length) {
      io.stderr.write(`${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} found\n`);
      return EXIT_USAGE;
    }
    io.stdout.write('all files valid\n');
    return EXIT_OK;
  },
};
