/** @module The headers a target adds to every request, with `{ env }` values read (they are secrets). */
import type { Target } from '../spec/target.ts';

/** Header values of a target read from the environment (`{ env }`) — secrets, scrubbed like the key. */
export function resolveHeaderValues(
  headers: Target['headers'],
  environment: Readonly<Record<string, string | undefined>>,
): { values: Record<string, string>; secrets: string[]; missing: string[] } {
  const values: Record<string, string> = {};
  const secrets: string[] = [];
  const missing: string[] = [];
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (typeof value === 'string') {
      values[name] = value;
      continue;
    }
    const found = environment[value.env];
    if (!found) missing.push(value.env);
    else {
      values[name] = found;
      secrets.push(found);
    }
  }
  return { values, secrets, missing };
}
