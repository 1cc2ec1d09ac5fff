/** @module Evidence anchors and link targets that are safe to put in Markdown and HTML. */

/** Lowercase slug of `[a-z0-9-]` only, so an id can never break out of an attribute or a link. */
function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

/** Anchor id of a probe's evidence, `probe-SUITE-PROBE`. */
export function probeAnchor(suite: string, probe: string): string {
  return `probe-${slug(suite)}-${slug(probe)}`;
}

/** Key that identifies one probe across its repetitions and attempts. */
export function probeKey(suite: string, probe: string): string {
  return `${suite}/${probe}`;
}

/**
 * An http(s) URL fit for a link target, or null. Anything else (javascript:, data:, relative
 * paths, credentials in the URL) is shown as text only. Characters that end a Markdown link
 * destination are percent-encoded.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (parsed.username || parsed.password) return null;
  return parsed.href.replace(
    /[()<>"'`\s\\[\]|]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}
