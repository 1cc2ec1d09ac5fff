/**
 * @module How text looks on a terminal: whether to colour (NO_COLOR, FORCE_COLOR, a TTY), the few
 * styles the summary uses, and fitting a line into the terminal's width so it never wraps.
 */

type ColourStream = { isTTY?: boolean };

/**
 * Colour or not, for one stream. `FORCE_COLOR` is the more specific request and wins: `0` or
 * `false` turns colour off, any other value on (the Node.js and chalk reading). Else a non-empty
 * `NO_COLOR` turns it off (no-color.org). Else colour only on a TTY whose `TERM` is not `dumb`.
 */
export function colourEnabled(stream: ColourStream, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

export interface TerminalStyle {
  readonly colour: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  /** A 0–100 score in the colour of its band: ≥ 80 green, ≥ 50 yellow, below red; `--` dim. */
  score(value: number | null | undefined, text: string): string;
}

function sgr(open: number, close: number, on: boolean): (text: string) => string {
  return on ? (text) => `\x1b[${open}m${text}\x1b[${close}m` : (text) => text;
}

export function terminalStyle(stream: ColourStream, env: NodeJS.ProcessEnv): TerminalStyle {
  const on = colourEnabled(stream, env);
  const style = {
    colour: on,
    bold: sgr(1, 22, on),
    dim: sgr(2, 22, on),
    red: sgr(31, 39, on),
    yellow: sgr(33, 39, on),
    green: sgr(32, 39, on),
  };
  return {
    ...style,
    score(value, text) {
      if (value === null || value === undefined) return style.dim(text);
      return value >= 80 ? style.green(text) : value >= 50 ? style.yellow(text) : style.red(text);
    },
  };
}

/** The columns a line may use on a terminal: its width less one, as writing the last column wraps on some. */
export function usableColumns(stream: { columns?: number }): number {
  const columns = stream.columns && stream.columns > 0 ? stream.columns : 80;
  return Math.max(10, columns - 1);
}

/**
 * The first candidate that fits `width` characters (candidates go from most to least detailed), else
 * the last one cut with an ellipsis. Lengths count UTF-16 units: the texts here are plain BMP text.
 */
export function fitToWidth(candidates: readonly string[], width: number): string {
  const fitting = candidates.find((candidate) => candidate.length <= width);
  if (fitting !== undefined) return fitting;
  const last = candidates.at(-1) ?? '';
  return width <= 1 ? last.slice(0, width) : `${last.slice(0, width - 1)}…`;
}
