/** @module Reads a Handlebars template that ships beside this module. */
import { readFileSync } from 'node:fs';

/** Template source from `templates/`, read synchronously once per renderer. */
export function readTemplate(fileName: string): string {
  return readFileSync(new URL(`./templates/${fileName}`, import.meta.url), 'utf8');
}
