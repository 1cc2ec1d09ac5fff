/** @module `--reporter NAME`: which reporters write a run's outputs; names are checked before anything runs. */
import {
  DEFAULT_REPORTERS,
  isReporterName,
  REPORTER_NAMES,
  type ReporterName,
  splitReporterList,
} from '../report/reporter-names.ts';
import { unknownNameMessage } from '../suite/closest-match.ts';
import { type CliOption, type ParsedOptions, UsageError } from './cli-command.ts';

export const REPORTER_OPTION: CliOption = {
  name: 'reporter',
  type: 'string',
  multiple: true,
  valueName: 'NAME',
  description: `reporters to run, repeated or a comma list (${REPORTER_NAMES.join(', ')}); default ${DEFAULT_REPORTERS.join(', ')}, plus junit with --junit`,
};

/** `--reporter a,b --reporter c`; an unknown name is a usage error (exit 2) with a did-you-mean. */
export function readReporters(options: ParsedOptions): ReporterName[] | undefined {
  const names = splitReporterList((options.reporter as string[] | undefined) ?? []);
  for (const name of names)
    if (!isReporterName(name)) throw new UsageError(unknownNameMessage('reporter', name, REPORTER_NAMES));
  return names.length > 0 ? (names as ReporterName[]) : undefined;
}
