/**
 * The progress under a real pseudo-terminal of 70 columns: the real CLI runs a small demo inside
 * tmux (or, without tmux, util-linux `script`), and the screen must show ONE progress line, redrawn
 * in place, never wider than the terminal (a wrapped line cannot be redrawn and piles up). Colour is
 * on for a terminal and off with NO_COLOR.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './run-cli.ts';

const COLUMNS = 70;
const root = mkdtempSync(join(tmpdir(), 'agentscore-progress-tty-'));
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const tool = has('tmux') ? 'tmux' : has('script') ? 'script' : null;

/** A progress frame: `[###...] 12/34 probes · ...` or its narrower forms. */
const PROGRESS = /\d+\/\d+( probes| ·|$)/;
const SGR_COLOUR = /\x1b\[3\dm/;
const stripAnsi = (text: string) => text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function demoCommand(out: string, env: string): string {
  return `${env} ${shellQuote(process.execPath)} ${shellQuote(BIN)} demo --suite auth,errors,json-mode --out ${shellQuote(out)}`;
}

/** Runs the command in a detached 70-column tmux session; returns the joined screen and the raw bytes. */
async function inTmux(command: string): Promise<{ screen: string[]; raw: string; exit: string }> {
  const socket = `agentscore-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const raw = join(root, `${socket}.raw`);
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  // The short sleep lets pipe-pane attach before the CLI writes its first byte.
  tmux(
    'new-session',
    '-d',
    '-x',
    String(COLUMNS),
    '-y',
    '40',
    '-s',
    'progress',
    `sleep 1; ${command}; echo "EXIT=$?"; sleep 600`,
  );
  try {
    tmux('pipe-pane', '-o', '-t', 'progress', `cat >> ${shellQuote(raw)}`);
    const deadline = Date.now() + 150_000;
    let screen: string[] = [];
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      // -J joins a wrapped line back into one: a line wider than the pane shows as > 70 characters.
      screen = tmux('capture-pane', '-p', '-J', '-t', 'progress').split('\n');
      if (screen.some((line) => line.startsWith('EXIT='))) break;
    }
    const exit = screen.find((line) => line.startsWith('EXIT=')) ?? 'EXIT=timeout';
    return { screen, raw: existsSync(raw) ? readFileSync(raw, 'utf8') : '', exit };
  } finally {
    tmux('kill-server');
  }
}

/** Without tmux: `script` gives the CLI a pseudo-terminal, `stty cols 70` its width; the raw bytes are read. */
function inScript(command: string): { screen: string[]; raw: string; exit: string } {
  const run = spawnSync('script', ['-qfec', `stty cols ${COLUMNS} rows 40; ${command}`, '/dev/null'], {
    encoding: 'utf8',
    timeout: 150_000,
  });
  // What a terminal would keep of each line: the text after its last carriage return.
  const screen = run.stdout.split('\n').map((line) => line.split('\r').filter(Boolean).at(-1) ?? '');
  return { screen, raw: run.stdout, exit: `EXIT=${run.status}` };
}

const underTerminal = (command: string) => (tool === 'tmux' ? inTmux(command) : inScript(command));

describe.skipIf(tool === null)(`progress in a ${COLUMNS}-column pseudo-terminal (${tool ?? 'none'})`, () => {
  it('is one line redrawn in place, never wider than the terminal; the summary is coloured', async () => {
    const { screen, raw, exit } = await underTerminal(demoCommand(join(root, 'tty'), ''));
    expect(exit, screen.join('\n')).toBe('EXIT=0');
    const progress = screen.map(stripAnsi).filter((line) => PROGRESS.test(line));
    expect(progress, screen.join('\n')).toHaveLength(1);
    expect(progress[0]).toMatch(/^\[#+\] (\d+)\/\1 probes/);
    expect(progress[0]!.length).toBeLessThan(COLUMNS);
    // Redrawn: the bytes hold many frames, each starting with a carriage return on the same line.
    const frames = raw
      .split(/[\r\n]/)
      .map(stripAnsi)
      .filter((frame) => PROGRESS.test(frame));
    expect(frames.length).toBeGreaterThan(5);
    for (const frame of frames) expect(frame.length, frame).toBeLessThan(COLUMNS);
    const progressRows = raw.split('\n').filter((row) => PROGRESS.test(stripAnsi(row)));
    expect(progressRows).toHaveLength(1);
    // The summary fits too: one category per row at this width, scores in colour.
    expect(screen.map(stripAnsi)).toContainEqual(expect.stringMatching(/^Agent Friendliness +\d+\/100/));
    expect(raw).toMatch(SGR_COLOUR);
  }, 200_000);

  it('has no colour with NO_COLOR set', async () => {
    const { raw, exit } = await underTerminal(demoCommand(join(root, 'no-color'), 'NO_COLOR=1'));
    expect(exit).toBe('EXIT=0');
    expect(raw).toMatch(/\d+ probes: \d+ passed/);
    expect(raw).not.toMatch(SGR_COLOUR);
  }, 200_000);
});

describe.skipIf(tool !== null)('progress in a pseudo-terminal', () => {
  it.skip('needs tmux or util-linux script: neither is installed, so the pseudo-terminal test is skipped', () => {});
});
