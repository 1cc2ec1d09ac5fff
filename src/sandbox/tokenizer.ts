/** @module sandbox/tokenizer — a deterministic, lossless toy tokenizer (a word or a punctuation mark per token). */

const TOKEN_PATTERN = /\s*[\p{L}\p{N}_']+|\s*[^\s\p{L}\p{N}_']/gu;

/** Splits text into pieces whose concatenation is exactly the input; each piece is one token. */
export function tokenize(text: string): string[] {
  const pieces: string[] = [];
  let covered = 0;
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    pieces.push(match[0]);
    covered = (match.index ?? 0) + match[0].length;
  }
  const rest = text.slice(covered);
  if (rest !== '') {
    if (pieces.length === 0) pieces.push(rest);
    else pieces[pieces.length - 1] += rest;
  }
  return pieces;
}

export function countTokens(text: string): number {
  return tokenize(text).length;
}
