/**
 * @module `--json` on any command: one JSON document on stdout, human text on stderr. The document's
 * shape is published as `schemas/<name>.schema.json` in the package.
 */
import type { CliIo } from './cli-command.ts';

export function writeJson(io: Pick<CliIo, 'stdout'>, document: unknown): void {
  io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
}
