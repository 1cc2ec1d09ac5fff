/**
 * The real CLI evaluates the sandbox's MCP endpoint: faithful-mcp earns a full MCP quality score,
 * sloppy-mcp loses at least 30 points of it, and a target without MCP gets null (`--`), counted as 0.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/start-sandbox.ts';
import type { ProbeResult } from '../../src/spec/probe-result.ts';
import type { Scorecard } from '../../src/spec/scorecard.ts';
import { runCli } from './run-cli.ts';

const root = mkdtempSync(join(tmpdir(), 'agentscore-mcp-'));

function readRun(out: string): { card: Scorecard; results: ProbeResult[] } {
  const results = readFileSync(join(out, 'results.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as ProbeResult);
  return { card: JSON.parse(readFileSync(join(out, 'scorecard.json'), 'utf8')) as Scorecard, results };
}

/** `expectedCode` 3: a profile without MCP measures nothing with `--suite mcp` alone, so no scores. */
async function demo(profile: string, expectedCode = 0): Promise<{ card: Scorecard; results: ProbeResult[] }> {
  const out = join(root, profile);
  const run = await runCli(['demo', '--sandbox-profile', profile, '--suite', 'mcp', '--out', out]);
  if (run.code !== expectedCode) throw new Error(`demo ${profile} exited ${run.code}\n${run.stderr}`);
  return readRun(out);
}

function mcpQuality(card: Scorecard): number | null {
  return card.scores.agentFriendliness.components.mcpQuality?.score ?? null;
}

describe('agentscore demo --suite mcp', () => {
  it('faithful-mcp scores MCP quality ≥ 90; sloppy-mcp drops it by ≥ 30; no MCP endpoint is null', async () => {
    const [faithful, sloppy, plain] = await Promise.all([
      demo('faithful-mcp'),
      demo('sloppy-mcp'),
      demo('faithful', 3),
    ]);
    const good = mcpQuality(faithful.card);
    const bad = mcpQuality(sloppy.card);
    expect(good).not.toBeNull();
    expect(good!).toBeGreaterThanOrEqual(90);
    expect(bad).not.toBeNull();
    expect(good! - bad!, `faithful-mcp ${good}, sloppy-mcp ${bad}`).toBeGreaterThanOrEqual(30);

    const failed = sloppy.results.flatMap((result) =>
      result.checks.filter((check) => check.passed === false),
    );
    expect(failed.map((check) => check.id).sort()).toEqual([
      'mcp-descriptions-present',
      'mcp-input-schemas-valid',
      'mcp-structured-tool-errors',
      'mcp-unknown-method-error',
    ]);

    expect(mcpQuality(plain.card)).toBeNull();
    expect(plain.card.validity?.reason).toBe('no-probes');
    expect(plain.results.map((result) => [result.probe, result.status, result.reason])).toEqual([
      ['mcp-session', 'skipped', 'not-applicable'],
    ]);
  }, 120_000);

  it('run --mcp-url points the mcp suite at any endpoint; a non-http URL is bad usage', async () => {
    const key = 'mcp-e2e-key-0123456789';
    const sandbox = await startSandbox({ profile: 'faithful-mcp', port: 0, apiKeys: [key] });
    try {
      const out = join(root, 'run-mcp-url');
      const target = [
        '--provider',
        'openai-compatible',
        '--base-url',
        `${sandbox.url}/v1`,
        '--model',
        'mistral-small-latest',
      ];
      const args = ['run', ...target, '--api-key-env', 'MCP_E2E_KEY', '--suite', 'mcp', '--out', out];
      const run = await runCli([...args, '--mcp-url', `${sandbox.url}/mcp`], { MCP_E2E_KEY: key });
      expect(run.code, run.stderr).toBe(0);
      expect(mcpQuality(readRun(out).card)).toBe(100);
      const bad = await runCli([...args, '--mcp-url', 'ftp://example.com/mcp'], { MCP_E2E_KEY: key });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--mcp-url is not an http(s) URL');
    } finally {
      await sandbox.close();
    }
  }, 60_000);
});
