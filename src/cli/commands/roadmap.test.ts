import { describe, expect, it } from 'vitest';
import type { RoadmapItem } from '../../spec/scorecard.ts';
import { formatRoadmap } from './roadmap.ts';

function item(evidence: string): RoadmapItem {
  return {
    checkId: 'json-mode-honoured',
    components: ['agentFriendliness.structuredOutput'],
    gains: { agentFriendliness: 6 },
    totalGain: 6,
    failedIn: ['json-mode/a#1', 'json-mode/a#2', 'json-mode/a#3', 'json-mode/b#1'],
    evidence,
    advice: 'strip code fences',
  };
}

describe('formatRoadmap', () => {
  it('keeps each step to its four lines when the evidence spans lines or runs long', () => {
    const text = formatRoadmap([
      item('content is not JSON (code-fence): ```json\n{"answer":\n "x"}'),
      item('y'.repeat(400)),
    ]);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe('1. json-mode-honoured (agentFriendliness.structuredOutput): +6 AF');
    expect(lines[1]).toBe('   evidence: content is not JSON (code-fence): ```json {"answer": "x"}');
    expect(lines[2]).toBe('   failed in: json-mode/a#1, json-mode/a#2, json-mode/a#3 and 1 more');
    expect(lines[5]).toBe(`   evidence: ${'y'.repeat(159)}…`);
  });

  it('says so when nothing failed', () => {
    expect(formatRoadmap([])).toBe('nothing to fix: no check failed\n');
  });
});
