/** @module The encodings of an API key that can leak: base64 as Basic auth sends it, and percent-encoding. */

/** base64 of `KEY:`, the value behind `Authorization: Basic` with the key as user name and no password. */
export function basicAuthBase64(key: string): string {
  return Buffer.from(`${key}:`, 'utf8').toString('base64');
}

/**
 * The key and every encoded form of it that a request, URL or log line may carry. base64 is given at
 * all three byte alignments (`KEY`, `:KEY`, `::KEY`) so that, with 8-character fragment matching, the
 * key is found inside any base64 text (e.g. `user:KEY` in Basic auth), plus `KEY:` as Basic auth sends it.
 */
export function secretForms(key: string): string[] {
  if (key === '') return [];
  const forms = [key, encodeURIComponent(key)];
  for (const variant of [key, `${key}:`, `:${key}`, `::${key}`]) {
    const bytes = Buffer.from(variant, 'utf8');
    forms.push(bytes.toString('base64'), bytes.toString('base64url'));
  }
  return [...new Set(forms)];
}
