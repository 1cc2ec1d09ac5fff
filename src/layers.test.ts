/**
 * @module The folder boundaries of DESIGN.md §1, written down and checked: imports point down only,
 * each cross-folder import is one the table below allows with its reason, and every module that
 * calls itself pure (and everything it imports) does no I/O and reads no clock, env or randomness.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('.', import.meta.url));
/** Lowest first: a folder may only import folders before it (and `spec`, which every folder may). */
const LAYERS = [
  'spec',
  'suite',
  'providers',
  'probes',
  'scoring',
  'history',
  'report',
  'run',
  'board',
  'api',
  'cli',
  'index.ts',
];

/**
 * Which other folders each folder may import, and why. `spec` (shared types) is allowed
 * everywhere; anything not listed here is a violation even when it points down.
 */
const MAY_IMPORT: Record<string, Record<string, string>> = {
  spec: {},
  suite: {},
  providers: {},
  probes: {
    providers: 'probes send their requests through the provider edge',
    suite:
      'one ajv factory for every JSON Schema draft (create-ajv), and the registry shape the loader checks',
  },
  scoring: {},
  history: {},
  report: {
    history: 'component and category names are shared with comparisons and alerts (score-labels)',
    scoring: 'rates and their Wilson intervals are computed in scoring/ (DESIGN §4)',
  },
  run: {
    suite: 'loads suites, rubric and target profiles',
    providers: 'creates and wraps providers (cassettes, request gate)',
    probes: 'executes probes through the kind registry',
    scoring: 'scores a run directory',
    history: 'monitoring reads and stores history',
    report: 'writes the reports at the end of a run',
  },
  board: {
    suite: "loads a run's target profile for the freshness of its facts",
    history: 'the latest run of each name comes from a history store; component names are shared',
    report:
      "number formats and escaping are the reports' own, and each row's report is re-rendered with Alternatives",
    run: 'run folders are read through the run-folder module',
  },
  api: {
    suite: 'loadSuites validates suite files',
    providers: 'an evaluation creates the provider it runs through',
    probes: 'suites are checked against the registered probe kinds',
    history: 'compareRuns wraps the comparison of two runs',
    report: 'renderReports re-renders a run folder',
    run: 'the library API is a thin typed layer over run/',
  },
  cli: {
    board: 'the board and stale commands',
    api: 'run, score, report and compare call the library API the package exports',
    suite: 'validate, config files and did-you-mean messages',
    providers: 'creates providers and scrubs secrets from output',
    probes: 'lists registered kinds for validate',
    history: 'history, compare and monitor open stores and format trends',
    report: 'the report command and --reporter names',
    run: 'every evaluating command delegates to run/',
    sandbox: 'the sandbox is a separate program: only its own command and demo start it',
  },
  'index.ts': {
    api: 'the package entry re-exports the library API',
    history: 'types and errors of the API',
    report: 'types of the API',
    run: 'types and errors of the API',
    suite: 'ValidationError',
  },
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__fixtures__' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function folderOf(path: string): string {
  return relative(SRC, path).split(/[\\/]/)[0] ?? '';
}

/** Source files inside src/ that `file` imports (static and dynamic). */
function importsOf(file: string, text: string): string[] {
  return [...text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)]
    .map((match) => normalize(join(dirname(file), match[1] ?? '')))
    .filter((target) => target.startsWith(SRC));
}

/** May a module in `from` import one in `to`? */
function allowed(from: string, to: string): boolean {
  if (from === to || to === 'spec') return true;
  return to in (MAY_IMPORT[from] ?? {});
}

const IMPURE: [RegExp, string][] = [
  [/from 'node:(fs|fs\/promises|net|http|https|http2|dns|child_process|os|worker_threads)'/, 'I/O module'],
  [/\bprocess\.(env|argv|cwd|stdout|stderr|stdin|exit|hrtime)\b/, 'process state'],
  [/\bDate\.now\(|new Date\(\)|\bperformance\.now\(/, 'clock'],
  [/\bMath\.random\(|\brandomBytes\(|\brandomUUID\(/, 'randomness'],
  [/\bfetch\(/, 'network'],
];

/** A module calls itself pure when its leading doc comment says "pure" or "purely". */
function callsItselfPure(text: string): boolean {
  const header = /^\/\*\*[\s\S]*?\*\//.exec(text)?.[0] ?? '';
  return /@module/.test(header) && /\bpure(ly)?\b/i.test(header);
}

describe('layers', () => {
  const files = sources(SRC);
  const texts = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));

  it('every allowed cross-folder import points down the layers', () => {
    const upward = Object.entries(MAY_IMPORT).flatMap(([from, targets]) =>
      Object.keys(targets)
        .filter((to) => to !== 'sandbox' && LAYERS.indexOf(to) >= LAYERS.indexOf(from))
        .map((to) => `${from} → ${to}`),
    );
    expect(upward).toEqual([]);
  });

  it('imports follow the per-folder table, and the harness never imports the sandbox', () => {
    const violations: string[] = [];
    for (const [file, text] of texts) {
      const from = folderOf(file);
      for (const target of importsOf(file, text)) {
        const to = folderOf(target);
        if (from === 'sandbox' || to === 'sandbox') {
          if (from !== to && !(from === 'cli' && to === 'sandbox'))
            violations.push(
              `${relative(SRC, file)} → ${relative(SRC, target)}: the sandbox is a separate program`,
            );
          continue;
        }
        if (!allowed(from, to))
          violations.push(`${relative(SRC, file)} → ${relative(SRC, target)}: ${from} may not import ${to}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('scoring/ and every module that calls itself pure, with all it imports, stay pure', () => {
    const roots = files.filter((file) => folderOf(file) === 'scoring' || callsItselfPure(texts.get(file)!));
    expect(roots.map((file) => relative(SRC, file)).sort()).toEqual(
      expect.arrayContaining([
        'history/compare-runs.ts',
        'history/run-rows.ts',
        'report/format.ts',
        'report/report-data.ts',
        'scoring/compute-scorecard.ts',
      ]),
    );
    const violations = new Set<string>();
    for (const root of roots) {
      const seen = new Set<string>();
      const queue = [root];
      while (queue.length > 0) {
        const file = queue.pop()!;
        if (seen.has(file)) continue;
        seen.add(file);
        const text = texts.get(file) ?? texts.get(`${file}.ts`);
        if (text === undefined) continue;
        for (const [pattern, what] of IMPURE) {
          if (pattern.test(text))
            violations.add(
              `${relative(SRC, file)} (${what})${file === root ? '' : `, imported by pure ${relative(SRC, root)}`}`,
            );
        }
        queue.push(...importsOf(file, text));
      }
    }
    expect([...violations]).toEqual([]);
  });

  it('recognises an impure line when it sees one', () => {
    const hits = (text: string) => IMPURE.filter(([pattern]) => pattern.test(text)).map(([, what]) => what);
    expect(hits("import { readFileSync } from 'node:fs';")).toEqual(['I/O module']);
    expect(hits('const at = Date.now();')).toEqual(['clock']);
    expect(hits('const key = process.env.KEY;')).toEqual(['process state']);
    expect(hits('const at = new Date(iso);')).toEqual([]);
    expect(callsItselfPure('/** @module Pure display formatting. */\n')).toBe(true);
    expect(callsItselfPure('/** @module Writes files. */\n// pure luck\n')).toBe(false);
  });
});
