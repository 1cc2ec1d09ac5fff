/** @module Secret scrubbing: removes API keys, their encodings and any 8+ character fragment of them from text. */
import { secretForms } from './secret-forms.ts';

export type Scrub = (text: string) => string;

export const REDACTED = '[REDACTED]';
/** Fragments shorter than this are not secret enough to remove (and would shred ordinary text). */
export const MIN_FRAGMENT_LENGTH = 8;
/**
 * Windows of WINDOW characters are checked every STRIDE characters; since STRIDE + WINDOW is
 * MIN_FRAGMENT_LENGTH + 1, every run of MIN_FRAGMENT_LENGTH characters holds one checked window.
 */
const WINDOW = 4;
const STRIDE = MIN_FRAGMENT_LENGTH + 1 - WINDOW;
const HASH_BASE = 0x01000193;
const FILTER_SLOTS = 1 << 16;

interface WindowSite {
  form: string;
  offset: number;
}

interface FragmentIndex {
  sites: Map<number, WindowSite[]>;
  /** One byte per hash slot: a cheap "certainly not a secret window" test before the map lookup. */
  filter: Uint8Array;
}

function windowHash(text: string, start: number): number {
  let hash = 0;
  for (let index = start; index < start + WINDOW; index++) {
    hash = (Math.imul(hash, HASH_BASE) + text.charCodeAt(index)) | 0;
  }
  return hash;
}

function buildIndex(forms: Iterable<string>): FragmentIndex {
  const sites = new Map<number, WindowSite[]>();
  const filter = new Uint8Array(FILTER_SLOTS);
  for (const form of forms) {
    for (let offset = 0; offset + WINDOW <= form.length; offset++) {
      const hash = windowHash(form, offset);
      filter[hash & (FILTER_SLOTS - 1)] = 1;
      const list = sites.get(hash);
      if (list) list.push({ form, offset });
      else sites.set(hash, [{ form, offset }]);
    }
  }
  return { sites, filter };
}

/**
 * Builds a scrubber for the given secrets. Each secret of 8+ characters is removed together with its
 * base64 and percent-encoded forms and every run of 8+ consecutive characters taken from any of them;
 * overlapping or adjacent runs collapse into one `[REDACTED]`. Shorter secrets are replaced only whole.
 */
export function createScrubber(secrets: string[]): Scrub {
  const forms = new Set<string>();
  const shortSecrets = new Set<string>();
  for (const secret of secrets) {
    if (secret === '') continue;
    if (secret.length < MIN_FRAGMENT_LENGTH) shortSecrets.add(secret);
    else for (const form of secretForms(secret)) if (form.length >= MIN_FRAGMENT_LENGTH) forms.add(form);
  }
  const index = buildIndex(forms);
  const shortList = [...shortSecrets].sort((left, right) => right.length - left.length);

  return (text) => {
    let result = forms.size > 0 && text.length >= MIN_FRAGMENT_LENGTH ? scrubFragments(text, index) : text;
    for (const secret of shortList) result = result.split(secret).join(REDACTED);
    return result;
  };
}

/** The runs of text (start, end) that follow a secret form for MIN_FRAGMENT_LENGTH or more characters. */
function findRuns(text: string, { sites, filter }: FragmentIndex): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  // The latest run and its alignment: windows inside it on the same alignment find it again.
  let runForm = '';
  let runAnchor = 0;
  let runStart = 0;
  let runEnd = -1;
  for (let position = 0; position + WINDOW <= text.length; position += STRIDE) {
    const hash = windowHash(text, position);
    if (filter[hash & (FILTER_SLOTS - 1)] === 0) continue;
    const candidates = sites.get(hash);
    if (!candidates) continue;
    for (const { form, offset } of candidates) {
      const anchor = position - offset;
      if (form === runForm && anchor === runAnchor && position >= runStart && position < runEnd) continue;
      const forward = matchForward(text, position, form, offset);
      if (forward < WINDOW) continue;
      const backward = matchBackward(text, position, form, offset);
      if (forward + backward < MIN_FRAGMENT_LENGTH) continue;
      runForm = form;
      runAnchor = anchor;
      runStart = position - backward;
      runEnd = position + forward;
      runs.push([runStart, runEnd]);
    }
  }
  return runs;
}

/** Characters of text from `start` that follow `form` from `offset`. */
function matchForward(text: string, start: number, form: string, offset: number): number {
  let length = 0;
  while (
    offset + length < form.length &&
    start + length < text.length &&
    text.charCodeAt(start + length) === form.charCodeAt(offset + length)
  ) {
    length++;
  }
  return length;
}

/** Characters of text before `start` that precede `offset` in `form`. */
function matchBackward(text: string, start: number, form: string, offset: number): number {
  let length = 0;
  while (
    offset - length > 0 &&
    start - length > 0 &&
    text.charCodeAt(start - length - 1) === form.charCodeAt(offset - length - 1)
  ) {
    length++;
  }
  return length;
}

function scrubFragments(text: string, index: FragmentIndex): string {
  const runs = findRuns(text, index);
  if (runs.length === 0) return text;
  runs.sort((left, right) => left[0] - right[0]);
  const parts: string[] = [];
  let cursor = 0;
  let open: [number, number] | undefined;
  for (const run of runs) {
    if (open && run[0] <= open[1]) {
      open[1] = Math.max(open[1], run[1]);
      continue;
    }
    if (open) {
      parts.push(text.slice(cursor, open[0]), REDACTED);
      cursor = open[1];
    }
    open = [run[0], run[1]];
  }
  if (open) parts.push(text.slice(cursor, open[0]), REDACTED);
  parts.push(text.slice(open ? open[1] : cursor));
  return parts.join('');
}

/** Scrubs every string in a JSON-like value, object keys included; returns a new value. */
export function scrubDeep<T>(value: T, scrub: Scrub): T {
  return scrubValue(value, scrub) as T;
}

function scrubValue(value: unknown, scrub: Scrub): unknown {
  if (typeof value === 'string') return scrub(value);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, scrub));
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[scrub(key)] = scrubValue(item, scrub);
    return copy;
  }
  return value;
}
