/**
 * @module Secret scrubbing: removes API keys and every encoded form of them from text, and fragments of
 * them only where the fragment is distinctive (long and random enough that ordinary text cannot match).
 */
import { type SecretEncoding, secretEncodings } from './secret-forms.ts';

export type Scrub = (text: string) => string;

export const REDACTED = '[REDACTED]';
/**
 * Fragments of the key shorter than this are left alone: eight characters of `sandbox-demo-key-0000`
 * are the start of the model id `sandbox-echo-1`, and a target's name may share a word with its key.
 */
export const MIN_FRAGMENT_LENGTH = 12;
/**
 * Windows of WINDOW characters are checked every STRIDE characters; since STRIDE + WINDOW is
 * MIN_FRAGMENT_LENGTH + 1, every run of MIN_FRAGMENT_LENGTH characters holds one checked window.
 */
const WINDOW = 4;
const STRIDE = MIN_FRAGMENT_LENGTH + 1 - WINDOW;
const HASH_BASE = 0x01000193;
const FILTER_SLOTS = 1 << 16;

/**
 * A fragment of a key is distinctive when it is at least MIN_FRAGMENT_LENGTH characters of the key
 * and mixes two of lower case, upper case and digits, as random keys do and words, ids and names
 * (`sandbox-demo`, `my-target-name`) do not. The whole key is always scrubbed, distinctive or not.
 */
export function isDistinctiveFragment(keyText: string): boolean {
  if ([...keyText].length < MIN_FRAGMENT_LENGTH) return false;
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{N}/u].filter((pattern) => pattern.test(keyText)).length;
  return classes >= 2;
}

interface WindowSite {
  encoding: SecretEncoding;
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

function buildIndex(encodings: Iterable<SecretEncoding>): FragmentIndex {
  const sites = new Map<number, WindowSite[]>();
  const filter = new Uint8Array(FILTER_SLOTS);
  for (const encoding of encodings) {
    const form = encoding.text;
    for (let offset = 0; offset + WINDOW <= form.length; offset++) {
      const hash = windowHash(form, offset);
      filter[hash & (FILTER_SLOTS - 1)] = 1;
      const list = sites.get(hash);
      if (list) list.push({ encoding, offset });
      else sites.set(hash, [{ encoding, offset }]);
    }
  }
  return { sites, filter };
}

/** Secrets that are themselves an encoding of another secret in the list (providers report both) are covered by it. */
function primarySecrets(secrets: string[]): string[] {
  const unique = [...new Set(secrets.filter((secret) => secret !== ''))];
  const encoded = new Set<string>();
  for (const secret of unique)
    for (const encoding of secretEncodings(secret)) if (encoding.text !== secret) encoded.add(encoding.text);
  return unique.filter((secret) => !encoded.has(secret));
}

/**
 * Builds a scrubber for the given secrets. Each secret is removed wherever it appears, as are its
 * encoded forms (percent, JSON escapes, base64 and base64url at every alignment) and distinctive
 * fragments of any of them; overlapping or adjacent matches collapse into one `[REDACTED]`.
 * Encoded forms too short to index (a very short key) are replaced only whole.
 */
export function createScrubber(secrets: string[]): Scrub {
  const indexed: SecretEncoding[] = [];
  const wholeOnly = new Set<string>();
  for (const secret of primarySecrets(secrets)) {
    for (const encoding of secretEncodings(secret)) {
      if (encoding.text.length >= MIN_FRAGMENT_LENGTH) indexed.push(encoding);
      else wholeOnly.add(encoding.text);
    }
  }
  const index = buildIndex(indexed);
  const shortList = [...wholeOnly].sort((left, right) => right.length - left.length);

  return (text) => {
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a shortcut only; scrubFragments finds no run in such text either
    let result = indexed.length > 0 && text.length >= WINDOW ? scrubFragments(text, index) : text;
    for (const secret of shortList) result = result.split(secret).join(REDACTED);
    return result;
  };
}

/**
 * The runs of text (start, end) that follow a secret encoding for WINDOW or more characters and are
 * either the whole encoding or a distinctive fragment of the key.
 */
function findRuns(text: string, { sites, filter }: FragmentIndex): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  // The latest run and its alignment: windows inside it on the same alignment find it again.
  let runEncoding: SecretEncoding | null = null;
  let runAnchor = 0;
  let runStart = 0;
  // Stryker disable next-line UnaryOperator: never read while runEncoding is null
  let runEnd = -1;
  // Indexed encodings and distinctive fragments are at least MIN_FRAGMENT_LENGTH long, so they hold a checked window.
  // Stryker disable next-line ArithmeticOperator: windows past the end read NaN and never match forward
  for (let position = 0; position + WINDOW <= text.length; position += STRIDE) {
    const hash = windowHash(text, position);
    // Stryker disable next-line ConditionalExpression: the filter is a shortcut before the map lookup
    if (filter[hash & (FILTER_SLOTS - 1)] === 0) continue;
    const candidates = sites.get(hash);
    if (!candidates) continue;
    for (const { encoding, offset } of candidates) {
      // Stryker disable all: skipping windows inside the latest run saves work only; a re-found run is merged
      const anchor = position - offset;
      if (encoding === runEncoding && anchor === runAnchor && position >= runStart && position < runEnd)
        continue;
      // Stryker restore all
      const forward = matchForward(text, position, encoding.text, offset);
      // Stryker disable next-line ConditionalExpression: a shorter match is under MIN_FRAGMENT_LENGTH, never distinctive nor whole
      if (forward < WINDOW) continue;
      const backward = matchBackward(text, position, encoding.text, offset);
      const from = offset - backward;
      const to = offset + forward;
      const whole = from === 0 && to === encoding.text.length;
      if (!whole && !isDistinctiveFragment(encoding.keyText(from, to))) continue;
      runEncoding = encoding;
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
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,ArithmeticOperator: bounds only; past an end charCodeAt gives NaN, which never matches
    offset + length < form.length &&
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,ArithmeticOperator: as above
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
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,ArithmeticOperator: bounds only; before a start charCodeAt gives NaN, which never matches
    offset - length > 0 &&
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,ArithmeticOperator: as above
    start - length > 0 &&
    text.charCodeAt(start - length - 1) === form.charCodeAt(offset - length - 1)
  ) {
    length++;
  }
  return length;
}

function scrubFragments(text: string, index: FragmentIndex): string {
  const runs = findRuns(text, index);
  // Stryker disable next-line ConditionalExpression: a shortcut; with no runs the loop below copies the text
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
  // Stryker disable next-line ConditionalExpression: runs is not empty here, so open is always set
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
