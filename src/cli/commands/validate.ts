/** @module `agentscore validate`: check suites, rubric, profiles and config; errors name file:line path. */
import { resolve } from 'node:path';
import { type CliCommand, EXIT_OK, EXIT_USAGE } from '../cli-command.ts';
import { JSON_OPTION } from '../json-option.ts';
import { writeJson } from '../json-output.ts';

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check suite, rubric, target-profile and config files against their schemas',
  positionals: true,
  usage: '[FILES... | RUN_DIR...] [--json]',
  options: [JSON_OPTION],
  details: [
    'With no files: every file under suites/, rubrics/, fixtures/profiles/ and agentscore.config.yaml if present;',
    'a folder stands for the YAML files under it.',
    'A run directory (or its run.json, results.jsonl, scorecard.json, history-evidence.json) is checked',
    'against the JSON Schemas in schemas/; results.jsonl errors name the line.',
  ].join('\n'),
  async run(options, positionals, io) {
    const { registryNames } = await import('../../probes/registry.ts');
    const { formatDiagnostic } = await import('../../suite/diagnostic.ts');
    const { validateFiles } = await import('../../suite/validate-files.ts');
    const { isRunFolder, runFileSchemaName, validateRunFile, validateRunFolder } = await import(
      '../../api/validate-run-files.ts'
    );
    const runPaths = positionals.filter(
      (path) => isRunFolder(resolve(io.cwd, path)) || runFileSchemaName(path),
    );
    const otherPaths = positionals.filter((path) => !runPaths.includes(path));
    const diagnostics = [
      ...runPaths.flatMap((path) => {
        const absolute = resolve(io.cwd, path);
        const found = isRunFolder(absolute) ? validateRunFolder(absolute) : validateRunFile(absolute);
        // Named as the user named them, like the suite diagnostics.
        return found.map((diagnostic) => ({
          ...diagnostic,
          file: path + diagnostic.file.slice(absolute.length),
        }));
      }),
      ...(runPaths.length > 0 && otherPaths.length === 0
        ? []
        : await validateFiles(otherPaths, registryNames())),
    ];
    for (const diagnostic of diagnostics) io.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
    if (diagnostics.length)
      io.stderr.write(`${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} found\n`);
    else (options.json ? io.stderr : io.stdout).write('all files valid\n');
    if (options.json) writeJson(io, { valid: diagnostics.length === 0, problems: diagnostics });
    return diagnostics.length ? EXIT_USAGE : EXIT_OK;
  },
};
