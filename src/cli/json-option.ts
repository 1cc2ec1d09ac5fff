/** @module The `--json` flag, declared once so every command's help says the same thing. */
import type { CliOption } from './cli-command.ts';

export const JSON_OPTION: CliOption = {
  name: 'json',
  type: 'boolean',
  description: 'print one JSON document on stdout (its schema ships in schemas/); human text goes to stderr',
};
