import { describe, expect, it } from 'vitest';
import { unmetRequirement } from './unmet-requirement.ts';

const remote = { target: { baseUrl: 'https://api.example.test/v1' }, hasSdk: true, isLoopback: false };

describe('unmetRequirement', () => {
  it('skips TLS checks on plain http, SDK probes without an SDK, MCP probes without an MCP URL', () => {
    const plain = { ...remote, target: { baseUrl: 'http://127.0.0.1:8000/v1' } };
    expect(unmetRequirement({ requires: ['https'] }, plain)?.reason).toBe('not-applicable');
    expect(unmetRequirement({ requires: ['https'] }, remote)).toBeNull();
    expect(unmetRequirement({ requires: ['sdk'] }, { ...remote, hasSdk: false })?.reason).toBe(
      'not-supported',
    );
    expect(unmetRequirement({ requires: ['mcp'] }, remote)?.reason).toBe('not-applicable');
    const withMcp = { ...remote, target: { ...remote.target, mcpUrl: 'https://api.example.test/mcp' } };
    expect(unmetRequirement({ requires: ['mcp'] }, withMcp)).toBeNull();
  });

  it('skips what the target says it lacks, and a "wrong place" for the key that is where it takes it', () => {
    const noStreams = { ...remote, target: { ...remote.target, capabilities: { streaming: false } } };
    expect(unmetRequirement({ requires: ['streaming'] }, noStreams)?.reason).toBe('not-supported');
    expect(unmetRequirement({ requires: ['tools'] }, noStreams)).toBeNull(); // unknown is measured
    const xApiKey = { mode: 'header' as const, name: 'x-api-key', value: '{{key}}' };
    const viaHeader = {
      ...remote,
      target: { ...remote.target, auth: { scheme: 'header' as const, name: 'X-Api-Key' } },
    };
    expect(unmetRequirement({ request: { path: '/v1/models', auth: xApiKey } }, viaHeader)?.detail).toMatch(
      /X-Api-Key header is where this target takes its key/,
    );
    expect(unmetRequirement({ request: { path: '/v1/models', auth: xApiKey } }, remote)).toBeNull();
    const inQuery = { mode: 'query' as const, param: 'api_key' };
    const viaQuery = {
      ...remote,
      target: { ...remote.target, auth: { scheme: 'query' as const, param: 'api_key' } },
    };
    expect(unmetRequirement({ request: { path: '/v1/models', auth: inQuery } }, viaQuery)?.reason).toBe(
      'not-applicable',
    );
  });

  it('runs opt-in probes on loopback, and on remote targets only when their budget allows', () => {
    expect(unmetRequirement({ optIn: 'burst' }, { ...remote, isLoopback: true })).toBeNull();
    expect(unmetRequirement({ optIn: 'burst' }, remote)).toEqual({
      reason: 'opt-in',
      detail: 'burst probe: opt in with budgets.allowBurst for remote targets',
    });
    expect(unmetRequirement({ optIn: 'destructive' }, remote)?.detail).toContain('allowDestructive');
    const allowed = { ...remote, target: { ...remote.target, budgets: { allowBurst: true } } };
    expect(unmetRequirement({ optIn: 'burst' }, allowed)).toBeNull();
    expect(unmetRequirement({ optIn: 'destructive' }, allowed)?.reason).toBe('opt-in');
  });
});
