/**
 * @module The highest published version that satisfies an npm dependency range, for walking an SDK's
 * dependency tree on the registry (which resolves dist-tags but not ranges). Covers the range forms
 * package.json files use: exact, `^`, `~`, comparators (`>=1.2 <2`), x-ranges (`1.x`, `*`), hyphen
 * ranges and `||`. Prereleases match only a comparator that names the same major.minor.patch.
 */

interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: string;
}

type Comparator = { operator: '<' | '<=' | '>' | '>=' | '='; version: Version };

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;
const PARTIAL =
  /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

function parseVersion(text: string): Version | null {
  const match = VERSION.exec(text.trim());
  if (!match) return null;
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: match[4] ?? '',
  };
}

function comparePrerelease(left: string, right: string): number {
  if (left === right) return 0;
  if (left === '') return 1;
  if (right === '') return -1;
  const a = left.split('.');
  const b = right.split('.');
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const x = a[index];
    const y = b[index];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const numeric = /^\d+$/.test(x) && /^\d+$/.test(y);
    const order = numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
    if (order !== 0) return Math.sign(order);
  }
  return 0;
}

export function compareVersions(left: Version, right: Version): number {
  return (
    Math.sign(left.major - right.major) ||
    Math.sign(left.minor - right.minor) ||
    Math.sign(left.patch - right.patch) ||
    comparePrerelease(left.prerelease, right.prerelease)
  );
}

const version = (major: number, minor: number, patch: number, prerelease = ''): Version => ({
  major,
  minor,
  patch,
  prerelease,
});

/** `^1.2.3`, `~1.2`, `>=2`, `1.x`, `*` → comparators (AND). Null when the text is not a range we read. */
function comparatorsOf(term: string): Comparator[] | null {
  const match = /^(\^|~>?|>=|<=|>|<|=)?\s*(.*)$/.exec(term.trim());
  const operator = match?.[1] ?? '';
  const partial = PARTIAL.exec(match?.[2] ?? '');
  if (!partial) return null;
  const number = (part: string | undefined): number | null =>
    part === undefined || /^[xX*]$/.test(part) ? null : Number(part);
  const major = number(partial[1]);
  const minor = number(partial[2]);
  const patch = number(partial[3]);
  const prerelease = partial[4] ?? '';
  // `*`, `x`: any version.
  if (major === null) return [];
  const low = version(major, minor ?? 0, patch ?? 0, prerelease);
  if (operator === '^') {
    const upper =
      major > 0 || minor === null
        ? version(major + 1, 0, 0)
        : minor > 0 || patch === null
          ? version(0, minor + 1, 0)
          : version(0, 0, (patch ?? 0) + 1);
    return [
      { operator: '>=', version: low },
      { operator: '<', version: { ...upper, prerelease: '0' } },
    ];
  }
  if (operator.startsWith('~')) {
    const upper = minor === null ? version(major + 1, 0, 0) : version(major, minor + 1, 0);
    return [
      { operator: '>=', version: low },
      { operator: '<', version: { ...upper, prerelease: '0' } },
    ];
  }
  if (operator === '' || operator === '=') {
    if (minor === null) return comparatorsOf(`^${major}.0.0`);
    if (patch === null)
      return [
        { operator: '>=', version: low },
        { operator: '<', version: version(major, minor + 1, 0, '0') },
      ];
    return [{ operator: '=', version: low }];
  }
  return [{ operator: operator as Comparator['operator'], version: low }];
}

function satisfiesAll(candidate: Version, comparators: Comparator[]): boolean {
  const holds = comparators.every(({ operator, version: bound }) => {
    const order = compareVersions(candidate, bound);
    if (operator === '<') return order < 0;
    if (operator === '<=') return order <= 0;
    if (operator === '>') return order > 0;
    if (operator === '>=') return order >= 0;
    return order === 0;
  });
  if (!holds || candidate.prerelease === '') return holds;
  // npm's rule: a prerelease satisfies only a range naming a prerelease of the same major.minor.patch.
  return comparators.some(
    ({ version: bound }) =>
      bound.prerelease !== '' &&
      bound.prerelease !== '0' &&
      bound.major === candidate.major &&
      bound.minor === candidate.minor &&
      bound.patch === candidate.patch,
  );
}

/** Each `||` alternative as its comparators; null when any part is unreadable. */
function parseRange(range: string): Comparator[][] | null {
  const alternatives: Comparator[][] = [];
  for (const alternative of range.trim() === '' ? ['*'] : range.split('||')) {
    const hyphen = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(alternative);
    const terms = hyphen
      ? [`>=${hyphen[1]}`, `<=${hyphen[2]}`]
      : alternative
          .trim()
          .replace(/(\^|~>?|>=|<=|>|<|=)\s+/g, '$1')
          .split(/\s+/);
    const comparators: Comparator[] = [];
    for (const term of terms) {
      const parsed = comparatorsOf(term);
      if (!parsed) return null;
      comparators.push(...parsed);
    }
    alternatives.push(comparators);
  }
  return alternatives;
}

/** The highest of `versions` that satisfies `range`, or null (also for ranges this module cannot read). */
export function maxSatisfying(versions: readonly string[], range: string): string | null {
  const alternatives = parseRange(range);
  if (!alternatives) return null;
  let best: { text: string; parsed: Version } | null = null;
  for (const text of versions) {
    const parsed = parseVersion(text);
    if (!parsed || !alternatives.some((comparators) => satisfiesAll(parsed, comparators))) continue;
    if (!best || compareVersions(parsed, best.parsed) > 0) best = { text, parsed };
  }
  return best?.text ?? null;
}
