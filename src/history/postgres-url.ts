/** @module Recognises PostgreSQL history locations and masks their passwords for messages. */

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

/** True for `postgres://...` and `postgresql://...`; anything else names a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return POSTGRES_URL.test(location);
}

/** The URL with its password replaced by `***`, safe to print or put in an error. */
export function redactPostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === '') return url;
    parsed.password = '***';
    return parsed.toString();
  } catch {
    // Unparseable: keep the scheme and host part only, never what could be a password.
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
}

/** Removes the URL's password (raw and percent-decoded) from any text, e.g. a driver's error message. */
export function scrubPostgresPassword(url: string, text: string): string {
  let password = '';
  try {
    password = new URL(url).password;
  } catch {
    return text;
  }
  if (password === '') return text;
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {}
  let scrubbed = text;
  for (const secret of new Set([password, decoded])) scrubbed = scrubbed.split(secret).join('***');
  return scrubbed.split(url).join(redactPostgresUrl(url));
}
