/**
 * The mcp suite against servers built with the official MCP TypeScript SDK (not our sandbox): a tidy
 * server passes every check in each of the SDK's transport modes; a careless one (no descriptions, a
 * tool that throws) fails the description check and still gets credit for what the SDK does right.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/start-sandbox.ts';
import type { ProbeResult } from '../../src/spec/probe-result.ts';
import type { Scorecard } from '../../src/spec/scorecard.ts';
import { type McpServerMode, startOfficialMcpServer } from './official-mcp-server.ts';
import { runCli } from './run-cli.ts';

const KEY = 'official-mcp-key-5Tg8Qm2x';
const root = mkdtempSync(join(tmpdir(), 'agentscore-mcp-sdk-'));
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ profile: 'fast', port: 0, apiKeys: [KEY] });
});
afterAll(async () => {
  await sandbox?.close();
});

async function evaluateMcp(
  kind: 'tidy' | 'careless',
  mode: McpServerMode,
): Promise<{ checks: Record<string, boolean | null>; details: string; mcpQuality: number | null }> {
  const server = await startOfficialMcpServer(kind, mode);
  try {
    const out = join(root, `${kind}-${mode}`);
    const run = await runCli(
      [
        'run',
        '--provider',
        'openai-compatible',
        '--base-url',
        sandbox.apiBaseUrl,
        '--model',
        'mistral-small-latest',
        '--api-key-env',
        'OFFICIAL_MCP_KEY',
        '--name',
        `mcp-${kind}-${mode}`,
        '--suite',
        'mcp',
        '--mcp-url',
        server.url,
        '--out',
        out,
      ],
      { OFFICIAL_MCP_KEY: KEY },
    );
    expect(run.code, run.stderr).toBe(0);
    const [session] = readFileSync(join(out, 'results.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ProbeResult);
    const card = JSON.parse(readFileSync(join(out, 'scorecard.json'), 'utf8')) as Scorecard;
    return {
      checks: Object.fromEntries(session!.checks.map((check) => [check.id, check.passed])),
      details: session!.checks.map((check) => `${check.id}: ${check.detail}`).join('\n'),
      mcpQuality: card.scores.agentFriendliness.components.mcpQuality?.score ?? null,
    };
  } finally {
    await server.close();
  }
}

const ALL_PASS = {
  'mcp-initialize': true,
  'mcp-tools-listed': true,
  'mcp-input-schemas-valid': true,
  'mcp-descriptions-present': true,
  'mcp-structured-tool-errors': true,
  'mcp-unknown-method-error': true,
};

describe('mcp suite against the official MCP TypeScript SDK', () => {
  it.each(['sse', 'json', 'stateless'] as const)(
    'a tidy server in %s mode passes every check and scores full MCP quality',
    async (mode) => {
      const tidy = await evaluateMcp('tidy', mode);
      expect(tidy.checks, tidy.details).toEqual(ALL_PASS);
      expect(tidy.mcpQuality).toBe(100);
    },
    60_000,
  );

  it('a careless server loses the description check and MCP quality points', async () => {
    const careless = await evaluateMcp('careless', 'sse');
    expect(careless.checks, careless.details).toEqual({ ...ALL_PASS, 'mcp-descriptions-present': false });
    expect(careless.mcpQuality).not.toBeNull();
    expect(careless.mcpQuality!).toBeLessThan(100);
  }, 60_000);
});
