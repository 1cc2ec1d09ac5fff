/** @module Tests for load-rubric.ts. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './diagnostic.ts';
import { loadRubric } from './load-rubric.ts';
import { writeTempFiles } from './temp-files.ts';
import { ValidationError } from './validation-error.ts';

const validRubric = await readFile(new URL('./__fixtures__/valid-rubric.yaml', import.meta.url), 'utf8');

async function messagesFor(text: string): Promise<{ file: string; messages: string[] }> {
  const root = await writeTempFiles({ 'rubric.yaml': text });
  const file = join(root, 'rubric.yaml');
  const error = await loadRubric(file).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(ValidationError);
  return { file, messages: (error as ValidationError).diagnostics.map(formatDiagnostic) };
}

describe('loadRubric', () => {
  it('loads the documented shape', async () => {
    const root = await writeTempFiles({ 'rubric.yaml': validRubric });
    const rubric = await loadRubric(join(root, 'rubric.yaml'));
    expect(rubric.rubricVersion).toBe('2026-11-26.1');
    expect(rubric.categories.agentFriendliness.weights.mcpQuality).toBe(0.175);
    expect(rubric.scoring.coverageFloor).toBe(0.4);
    const errorMessages = rubric.components['agentFriendliness.errorMessages'];
    expect(errorMessages?.checks?.['error-json-content-type']?.cap).toEqual({
      max: 40,
      label: 'errors are not JSON',
    });
    expect(errorMessages?.checks?.['error-names-field']?.gotcha).toBe('Errors do not name the field');
  });

  it('reports weights that do not sum to 1 at the category', async () => {
    const { file, messages } = await messagesFor(
      validRubric.replace('errorMessages: 0.14', 'errorMessages: 0.24'),
    );
    expect(messages).toEqual([
      `${file}:4:5 categories.agentFriendliness.weights: weights must sum to 1, they sum to 1.1`,
    ]);
  });

  it('tolerates rounding within 0.001', async () => {
    const thirds = validRubric.replace(
      'weights: { uptimeSla: 0.2, versionStability: 0.2, breakingChanges: 0.2, errorRecovery: 0.2, latency: 0.2 }',
      'weights: { uptimeSla: 0.3333, versionStability: 0.3333, breakingChanges: 0.3333, errorRecovery: 0, latency: 0 }',
    );
    const root = await writeTempFiles({ 'rubric.yaml': thirds });
    await expect(loadRubric(join(root, 'rubric.yaml'))).resolves.toMatchObject({
      rubricVersion: '2026-11-26.1',
    });
  });

  it('rejects weight keys that are not the category components, and missing ones', async () => {
    const { file, messages } = await messagesFor(
      validRubric.replace('mcpQuality: 0.175', 'mcpQualty: 0.175'),
    );
    expect(messages).toEqual([
      `${file}:4:5 categories.agentFriendliness.weights: missing weight for mcpQuality (use 0 to ignore one)`,
      `${file}:5:7 categories.agentFriendliness.weights.mcpQualty: unknown agentFriendliness component "mcpQualty", did you mean "mcpQuality"? (known: mcpQuality, documentation, errorMessages, authSimplicity, rateLimits, toolUse, structuredOutput)`,
    ]);
  });

  it('rejects component keys that are not component paths', async () => {
    const { file, messages } = await messagesFor(
      validRubric.replace('  agentFriendliness.errorMessages:', '  agentFriendliness.errorMesages:'),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(
      `${file}:29:3 components["agentFriendliness.errorMesages"]: unknown component "agentFriendliness.errorMesages", did you mean "agentFriendliness.errorMessages"?`,
    );
  });

  it('catches out-of-range points, bad nullAggregation and unknown fields in a check', async () => {
    const broken = validRubric
      .replace('points: 15\n', 'points: 150\n')
      .replace('nullAggregation: zero', 'nullAggregation: neutral')
      .replace('cap: { max: 40,', 'cap: { maximum: 40,');
    const { file, messages } = await messagesFor(broken);
    expect(messages).toEqual([
      `${file}:34:9 components["agentFriendliness.errorMessages"].checks.error-json-content-type.points: must be <= 100, got number 150`,
      `${file}:39:9 components["agentFriendliness.errorMessages"].checks.error-json-content-type.cap: missing required field "max"`,
      `${file}:39:16 components["agentFriendliness.errorMessages"].checks.error-json-content-type.cap.maximum: unknown field "maximum", did you mean "max"? (known: max, label, failShareAbove)`,
      `${file}:49:5 components["agentFriendliness.documentation"].nullAggregation: must be one of "exclude", "zero"; got "neutral"`,
    ]);
  });
});
