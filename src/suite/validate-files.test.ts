/** @module Tests for validate-files.ts. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './diagnostic.ts';
import { writeTempFiles } from './temp-files.ts';
import { kindByLocation, validateFiles } from './validate-files.ts';

const registry = { probeKinds: ['http'], assertions: ['status', 'json-body'] };

/** A suite emitting exactly the checks of the fixture rubric, under the components it lists them. */
const CATALOGUED_SUITE = `id: errors
title: Errors
description: d
probes:
  - id: bad
    kind: http
    feeds: agentFriendliness.errorMessages
    expect:
      - { assert: status, check: error-json-content-type }
      - { assert: json-body, check: error-names-field }
`;
const fixture = (name: string) => readFile(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const [suite, rubric, profile, config] = await Promise.all(
  ['valid-suite.yaml', 'valid-rubric.yaml', 'valid-profile.yaml', 'agentscore.config.yaml'].map(fixture),
);

describe('validateFiles', () => {
  it('finds nothing wrong in valid files of every kind', async () => {
    const root = await writeTempFiles({
      'suites/errors.yaml': CATALOGUED_SUITE,
      'rubrics/default.yaml': rubric!,
      'fixtures/profiles/mistral.yaml': profile!,
      'agentscore.config.yaml': config!,
    });
    expect(await validateFiles([], registry, { root })).toEqual([]);
  });

  it('checks every default location when given no paths', async () => {
    const root = await writeTempFiles({
      'suites/auth.yaml': suite!.replace('kind: http', 'kind: htp'),
      'rubrics/default.yaml': rubric!.replace('mcpQuality: 0.175', 'mcpQuality: 0.425'),
      'fixtures/profiles/mistral.yaml': profile!.replace(
        'retrievedDate: 2026-11-20',
        'retrievedDate: 20/11/2026',
      ),
      'agentscore.config.yaml': config!.replace('apiKeyEnv: MISTRAL_API_KEY', 'apiKeyEnv: mistral'),
    });
    const messages = (await validateFiles([], registry, { root })).map(formatDiagnostic);
    expect(messages).toEqual([
      `${join(root, 'agentscore.config.yaml')}:6:5 targets.mistral-small.apiKeyEnv: must match ^[A-Z_][A-Z0-9_]*$ (the name of an environment variable such as MISTRAL_API_KEY, never the key itself), got "mistral"`,
      `${join(root, 'fixtures/profiles/mistral.yaml')}:14:5 claims[0].retrievedDate: must be an ISO date (YYYY-MM-DD), got "20/11/2026"`,
      `${join(root, 'rubrics/default.yaml')}:4:5 categories.agentFriendliness.weights: weights must sum to 1, they sum to 1.25`,
      `${join(root, 'suites/auth.yaml')}:6:5 probes[0].kind: unknown probe kind "htp", did you mean "http"? (known: http)`,
    ]);
  });

  it('cross-checks suites and rubric both ways, with file:line', async () => {
    const root = await writeTempFiles({
      'suites/errors.yaml': CATALOGUED_SUITE.replace('check: error-names-field', 'check: error-names-feild'),
      'suites/auth.yaml': suite!,
      'rubrics/default.yaml': rubric!,
    });
    const messages = (await validateFiles([], registry, { root })).map(formatDiagnostic);
    const rubricFile = join(root, 'rubrics/default.yaml');
    expect(messages).toEqual([
      `${rubricFile}:40:7 components["agentFriendliness.errorMessages"].checks.error-names-field: check "error-names-field" is emitted by no suite (mark it "derived: true" if the scorer computes it from all results)`,
      `${join(root, 'suites/auth.yaml')}:18:9 probes[0].expect[0].check: check "unauthenticated-rejected" is not in the rubric (${rubricFile})`,
      // probes[1]'s json-body feeds no component: it only informs, so the rubric need not list it.
      `${join(root, 'suites/errors.yaml')}:10:30 probes[0].expect[1].check: check "error-names-feild" is not in the rubric (${rubricFile})`,
    ]);
  });

  it('flags a check fed to another component than the rubric lists it under', async () => {
    const root = await writeTempFiles({
      'suites/errors.yaml': CATALOGUED_SUITE.replace(
        'check: error-names-field }',
        'check: error-names-field, feeds: security.authStrength }',
      ),
      'rubrics/default.yaml': rubric!,
    });
    const messages = (await validateFiles([], registry, { root })).map(formatDiagnostic);
    expect(messages).toEqual([
      `${join(root, 'suites/errors.yaml')}:10:30 probes[0].expect[1].check: check "error-names-field" feeds security.authStrength here but the rubric (${join(root, 'rubrics/default.yaml')}) lists it under agentFriendliness.errorMessages`,
    ]);
  });

  it('tells the kind of a file elsewhere by its top-level key', async () => {
    const root = await writeTempFiles({
      'elsewhere/a.yaml': suite!,
      'elsewhere/b.yaml': suite!,
      'elsewhere/c.yaml': config!.replace('provider: mistral', 'provider: mistrall'),
      'elsewhere/d.yaml': 'hello: world\n',
    });
    const paths = ['a', 'b', 'c', 'd'].map((name) => join(root, `elsewhere/${name}.yaml`));
    const messages = (await validateFiles(paths, registry)).map(formatDiagnostic);
    expect(messages).toEqual([
      `${paths[1]}:1:1 id: duplicate suite id "auth" (also in ${paths[0]})`,
      `${paths[2]}:3:5 targets.mistral-small.provider: must be one of "mistral", "openai-compatible"; got "mistrall"`,
      `${paths[3]}:1:1 cannot tell what this file is: expected a suite (probes), rubric (rubricVersion), target profile (claims), config (targets) or provider preset (offers)`,
    ]);
  });

  it('reports a syntax error and a missing file', async () => {
    const root = await writeTempFiles({ 'suites/bad.yaml': 'id: a\nprobes:\n  - id: "open\n' });
    const messages = (
      await validateFiles([join(root, 'suites/bad.yaml'), join(root, 'suites/gone.yaml')], registry)
    ).map(formatDiagnostic);
    expect(messages[0]).toMatch(/bad\.yaml:3:\d+ YAML syntax error: Missing closing "quote/);
    expect(messages[1]).toMatch(/gone\.yaml:1:1 cannot read file: ENOENT/);
  });

  it('takes a folder as the YAML files under it, and calls an empty one a problem', async () => {
    const root = await writeTempFiles({
      'suites/bad.yaml': 'id: a\nprobes:\n  - id: "open\n',
      'empty/readme.txt': 'x',
    });
    const messages = (await validateFiles([join(root, 'suites'), join(root, 'empty')], registry)).map(
      formatDiagnostic,
    );
    expect(messages).toHaveLength(2);
    expect(messages.find((message) => message.includes('bad.yaml'))).toMatch(
      /bad\.yaml:3:\d+ YAML syntax error/,
    );
    expect(messages.find((message) => message.includes('empty'))).toMatch(
      /empty:1:1 no YAML files in this folder/,
    );
  });
});

describe('kindByLocation', () => {
  it('knows the conventional places', () => {
    expect(kindByLocation('suites/auth.yaml')).toBe('suite');
    expect(kindByLocation('/repo/suites/nested/x.yml')).toBe('suite');
    expect(kindByLocation('rubrics/default.yaml')).toBe('rubric');
    expect(kindByLocation('my-rubric.yaml')).toBe('rubric');
    expect(kindByLocation('fixtures/profiles/mistral.yaml')).toBe('target-profile');
    expect(kindByLocation('/repo/agentscore.config.yaml')).toBe('config');
    expect(kindByLocation('other/thing.yaml')).toBeUndefined();
  });
});
