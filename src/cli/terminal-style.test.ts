import { describe, expect, it } from 'vitest';
import { colourEnabled, fitToWidth, terminalStyle, usableColumns } from './terminal-style.ts';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('colourEnabled', () => {
  it('colours a TTY and not a pipe or a dumb terminal', () => {
    expect(colourEnabled(tty, {})).toBe(true);
    expect(colourEnabled(pipe, {})).toBe(false);
    expect(colourEnabled(tty, { TERM: 'dumb' })).toBe(false);
  });

  it('turns colour off for any non-empty NO_COLOR, and not for an empty one (no-color.org)', () => {
    expect(colourEnabled(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colourEnabled(tty, { NO_COLOR: 'false' })).toBe(false);
    expect(colourEnabled(tty, { NO_COLOR: '' })).toBe(true);
  });

  it('lets FORCE_COLOR win: on even into a pipe or with NO_COLOR, off with 0 or false', () => {
    expect(colourEnabled(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(colourEnabled(pipe, { FORCE_COLOR: '3' })).toBe(true);
    expect(colourEnabled(tty, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
    expect(colourEnabled(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(colourEnabled(tty, { FORCE_COLOR: 'false' })).toBe(false);
    expect(colourEnabled(pipe, { FORCE_COLOR: '' })).toBe(false);
  });
});

describe('terminalStyle', () => {
  it('wraps in SGR codes only when colour is on, scores in the colour of their band', () => {
    const on = terminalStyle(pipe, { FORCE_COLOR: '1' });
    expect(on.red('x')).toBe('\x1b[31mx\x1b[39m');
    expect(on.score(85, '85/100')).toBe('\x1b[32m85/100\x1b[39m');
    expect(on.score(50, '50/100')).toBe('\x1b[33m50/100\x1b[39m');
    expect(on.score(49, '49/100')).toBe('\x1b[31m49/100\x1b[39m');
    expect(on.score(null, '--/100')).toBe('\x1b[2m--/100\x1b[22m');
    const off = terminalStyle(tty, { NO_COLOR: '1' });
    expect(off.colour).toBe(false);
    expect(off.score(85, '85/100')).toBe('85/100');
    expect(off.bold('b')).toBe('b');
  });
});

describe('fitting a line into the terminal', () => {
  it('leaves the last column free and assumes 80 when the width is unknown', () => {
    expect(usableColumns({ columns: 70 })).toBe(69);
    expect(usableColumns({})).toBe(79);
    expect(usableColumns({ columns: 0 })).toBe(79);
  });

  it('takes the first candidate that fits, else cuts the last with an ellipsis', () => {
    expect(fitToWidth(['a long line', 'short'], 20)).toBe('a long line');
    expect(fitToWidth(['a long line', 'short'], 6)).toBe('short');
    expect(fitToWidth(['a long line', 'shorter'], 5)).toBe('shor…');
  });
});
