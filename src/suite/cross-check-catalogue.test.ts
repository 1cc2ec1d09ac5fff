/** @module Tests for cross-check-catalogue.ts (the both-ways and file:line cases run through validate-files.test.ts). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossCheckCatalogue } from './cross-check-catalogue.ts';
import { checkSuiteFiles } from './load-suites.ts';
import { writeTempFiles } from './temp-files.ts';

const RUBRIC = `components:
  reliability.errorRecovery:
    checks:
      request-id-on-errors: { points: 15, description: d }
      no-5xx-under-normal-load: { points: 40, description: d, derived: true }
  reliability.uptimeSla:
    checks:
      availability: { points: 60, description: d }
`;
const SUITE = `id: s
title: S
description: d
probes:
  - id: p
    kind: http
    feeds: reliability.errorRecovery
    expect: [{ assert: request-id, check: request-id-on-errors }]
`;

async function crossCheck(implied: { id: string; component: string }[], complete = true): Promise<string[]> {
  const root = await writeTempFiles({ 'suites/s.yaml': SUITE, 'rubric.yaml': RUBRIC });
  const { suites } = await checkSuiteFiles([join(root, 'suites/s.yaml')], {
    probeKinds: ['http'],
    assertions: ['request-id'],
  });
  const diagnostics = await crossCheckCatalogue(suites, join(root, 'rubric.yaml'), { complete, implied });
  return diagnostics.map((diagnostic) => `${diagnostic.line} ${diagnostic.message}`);
}

describe('crossCheckCatalogue', () => {
  it('derived checks and checks the runner adds need no suite', async () => {
    expect(await crossCheck([{ id: 'availability', component: 'reliability.uptimeSla' }])).toEqual([]);
  });

  it('a rubric check nobody emits is an error at its line, but only when every suite was checked', async () => {
    expect(await crossCheck([])).toEqual([
      '8 check "availability" is emitted by no suite (mark it "derived: true" if the scorer computes it from all results)',
    ]);
    expect(await crossCheck([], false)).toEqual([]);
  });
});
