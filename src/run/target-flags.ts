/** @module The target flags that shape requests: `--header`, `--query`, `--auth-scheme`. */
import type { AuthScheme, Target } from '../spec/target.ts';

export class TargetFlagError extends Error {
  readonly code = 'E_TARGET';
}

/**
 * `--header 'Name: value'`, repeatable. A value written `${VAR}` is read from the environment at run
 * time and scrubbed like the key, so a secret header never lands in run.json or a report.
 */
export function parseHeaderFlags(values: readonly string[]): NonNullable<Target['headers']> {
  const headers: NonNullable<Target['headers']> = {};
  for (const value of values) {
    const match = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+):\s*(.*)$/.exec(value);
    if (!match)
      throw new TargetFlagError(`--header "${value}" is not "Name: value" (e.g. --header 'X-Title: my-app')`);
    const [, name = '', text = ''] = match;
    const fromEnv = /^\$\{([A-Z_][A-Z0-9_]*)\}$/.exec(text.trim());
    headers[name] = fromEnv?.[1] ? { env: fromEnv[1] } : text.trim();
  }
  return headers;
}

/** `--query name=value`, repeatable (Azure's `api-version=2024-10-21`). */
export function parseQueryFlags(values: readonly string[]): Record<string, string> {
  const query: Record<string, string> = {};
  for (const value of values) {
    const at = value.indexOf('=');
    if (at <= 0)
      throw new TargetFlagError(`--query "${value}" is not name=value (e.g. --query api-version=2024-10-21)`);
    query[value.slice(0, at)] = value.slice(at + 1);
  }
  return query;
}

/** `--auth-scheme bearer | header:NAME | query:PARAM | none`. */
export function parseAuthSchemeFlag(text: string): AuthScheme {
  if (text === 'bearer' || text === 'none') return { scheme: text };
  const [scheme, name] = text.split(':', 2);
  if (name && /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name)) {
    if (scheme === 'header') return { scheme, name };
    if (scheme === 'query') return { scheme, param: name };
  }
  throw new TargetFlagError(`--auth-scheme must be bearer, header:NAME, query:PARAM or none, got "${text}"`);
}
