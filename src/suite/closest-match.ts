/** @module "Did you mean" for misspelt names: the nearest known name by edit distance. */

/** The known name closest to `input`, or undefined when none is plausibly a typo of it. */
export function closestMatch(input: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(input.length / 3)) + 1;
  for (const candidate of known) {
    const distance = isAbbreviation(input, candidate)
      ? 1
      : editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `unknown assertion "statuss", did you mean "status"? (known: status, json-body)` */
export function unknownNameMessage(what: string, input: string, known: readonly string[]): string {
  const suggestion = closestMatch(input, known);
  const hint = suggestion ? `, did you mean "${suggestion}"?` : '';
  return `unknown ${what} "${input}"${hint} (known: ${known.length > 0 ? known.join(', ') : 'none'})`;
}

/** `max` for `maximum` and the other way round. */
function isAbbreviation(input: string, candidate: string): boolean {
  const [shorter, longer] = input.length < candidate.length ? [input, candidate] : [candidate, input];
  return shorter.length >= 3 && longer.toLowerCase().startsWith(shorter.toLowerCase());
}

function editDistance(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}
