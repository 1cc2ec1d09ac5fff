import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../spec/probe-result.ts';
import { createProgress, progressLine } from './progress.ts';

const state = { done: 412, total: 1200, failures: 37, rate: 12.3, etaSeconds: 64 };

describe('progressLine', () => {
  it('never exceeds the width, from a phone-sized terminal to a wide one', () => {
    for (let width = 10; width <= 160; width += 1) {
      const line = progressLine(state, width);
      expect(line.length, `width ${width}: ${line}`).toBeLessThanOrEqual(width);
    }
  });

  it('keeps the most detail that fits and draws the bar only with room for it', () => {
    expect(progressLine(state, 120)).toBe(
      `[${'#'.repeat(8)}${'.'.repeat(16)}] 412/1200 probes · 12.3/s · ETA 64s · 37 failed or errored`,
    );
    const at69 = progressLine(state, 69);
    expect(at69).toMatch(/^\[#+\.+\] 412\/1200 probes · 12\.3\/s · ETA 64s · 37 failed or errored$/);
    expect(at69.length).toBeLessThanOrEqual(69);
    expect(progressLine(state, 60)).toBe('412/1200 probes · 12.3/s · ETA 64s · 37 failed or errored');
    expect(progressLine(state, 50)).toBe('412/1200 probes · 12.3/s · ETA 64s · 37 failed');
    expect(progressLine(state, 20)).toBe('412/1200 · 37 failed');
    expect(progressLine(state, 8)).toBe('412/1200');
    expect(progressLine(state, 6)).toBe('412/1…');
  });
});

function stream(isTTY: boolean, columns?: number) {
  const out = new PassThrough();
  let written = '';
  out.on('data', (chunk: Buffer) => {
    written += chunk.toString();
  });
  return { out: Object.assign(out, { isTTY, columns }), written: () => written };
}

const result = (status: ProbeResult['status']) => ({ status }) as ProbeResult;

describe('createProgress', () => {
  it('on a TTY redraws one line in place within the width and ends it once', () => {
    const { out, written } = stream(true, 70);
    const progress = createProgress(out);
    progress.onPlanned!(300, 0);
    for (let index = 0; index < 300; index += 1) progress.onResult!(result(index % 7 ? 'passed' : 'failed'));
    progress.finish();
    const [planned, ...rest] = written().split('\n');
    expect(planned).toBe('running 300 probes');
    // Every frame of the progress is on the same line: no newline until finish.
    expect(rest).toEqual([expect.stringContaining('300/300'), '']);
    const frames = rest[0]!.split('\r').filter(Boolean);
    expect(frames).toHaveLength(300);
    for (const frame of frames) expect(frame.replace('\x1b[K', '').length).toBeLessThanOrEqual(69);
  });

  it('elsewhere writes plain lines about every 5 %', () => {
    const { out, written } = stream(false);
    const progress = createProgress(out);
    progress.onPlanned!(100, 0);
    for (let index = 0; index < 100; index += 1) progress.onResult!(result('passed'));
    progress.finish();
    const lines = written().trim().split('\n');
    const plain = lines.filter((line) => line.startsWith('progress: '));
    expect(plain.length).toBeGreaterThanOrEqual(20);
    expect(plain.length).toBeLessThanOrEqual(21);
    expect(plain.at(-1)).toContain('100/100');
    expect(written()).not.toContain('\r');
  });
});
