import { describe, expect, it } from 'vitest';
import { allComponentPaths } from '../spec/scorecard.ts';
import { COMPONENT_LABELS, componentLabel } from './score-labels.ts';

describe('score labels', () => {
  it('names every component of the scorecard contract', () => {
    const missing = allComponentPaths().filter((path) => COMPONENT_LABELS[path] === undefined);
    expect(missing).toEqual([]);
  });

  it('gives a path and a bare id the same label, as the seed page spells it', () => {
    expect(componentLabel('security.authStrength')).toBe('Auth Strength');
    expect(componentLabel('authStrength')).toBe('Auth Strength');
    expect(componentLabel('reliability.uptimeSla')).toBe('Uptime/SLA');
    expect(componentLabel('agentFriendliness.toolUse')).toBe('Tool Use');
    expect(componentLabel('structuredOutput')).toBe('Structured Output');
    expect(componentLabel('reliability.latency')).toBe('Latency');
  });

  it('humanises ids written after the labels', () => {
    expect(componentLabel('security.mcpTlsPinning')).toBe('MCP TLS Pinning');
  });
});
