/**
 * @module The package as a consumer gets it: `npm pack` in a clean copy of the repository (its
 * `prepare` builds dist/ there, never in this checkout's dist/), the tarball unpacked into a temp
 * project's node_modules, the README's library example run there against the sandbox over loopback,
 * and a TypeScript consumer type-checked against the shipped declarations.
 *
 * Installing without the network and without native builds: the tarball is extracted as npm would
 * place it (node_modules/agentscore) and each runtime dependency is a symlink to this repository's
 * installed copy. Everything the package itself holds comes from the tarball only.
 */
import { execFile, execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/start-sandbox.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const NODE_MODULES = realpathSync(join(REPO, 'node_modules'));
const KEY = 'tarball-key-Qm4v8Lx2';
const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

let root: string;
let project: string;
let packed: string[];
let sandbox: RunningSandbox;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(command, args, {
    cwd,
    env: { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Asynchronous: the sandbox answers from this process, so its event loop must keep running. */
function runAsync(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, env: { ...process.env, ...env }, encoding: 'utf8' },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stdout}\n${stderr}`)) : resolve(stdout),
    );
  });
}

/** A clean copy of the checkout as git sees it (tracked and new, not ignored), sharing node_modules. */
function stageCheckout(into: string): void {
  const files = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], REPO)
    .split('\0')
    .filter((file) => file !== '' && file !== 'node_modules' && existsSync(join(REPO, file)));
  for (const file of files) {
    mkdirSync(dirname(join(into, file)), { recursive: true });
    cpSync(join(REPO, file), join(into, file));
  }
  symlinkSync(NODE_MODULES, join(into, 'node_modules'));
}

function linkDependency(name: string): void {
  const link = join(project, 'node_modules', name);
  mkdirSync(dirname(link), { recursive: true });
  symlinkSync(join(NODE_MODULES, name), link);
}

/** The consumer project's type errors (tsc prints them on stdout), empty when it type-checks. */
function typeCheck(): string {
  try {
    run('node', [join(NODE_MODULES, 'typescript', 'bin', 'tsc'), '-p', project], project);
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'agentscore-tarball-'));
  const stage = join(root, 'checkout');
  stageCheckout(stage);
  const [pack] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', root], stage)) as {
    filename: string;
    files: { path: string }[];
  }[];
  packed = pack!.files.map((file) => file.path);
  project = join(root, 'project');
  const installed = join(project, 'node_modules', 'agentscore');
  mkdirSync(installed, { recursive: true });
  run('tar', ['-xzf', join(root, pack!.filename), '-C', installed, '--strip-components=1'], root);
  for (const name of Object.keys(manifest.dependencies)) linkDependency(name);
  linkDependency('@types/node');
  writeFileSync(join(project, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n');
  sandbox = await startSandbox({ profile: 'fast', apiKeys: [KEY] });
}, 240_000);

afterAll(async () => {
  await sandbox?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('holds the built library, its declarations, the schemas and what the code reads at run time', () => {
    for (const file of [
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli/main.js',
      'dist/report/templates/report.html.hbs',
      'dist/sandbox/profiles/faithful.yaml',
      'bin/agentscore.js',
      'schemas/scorecard.schema.json',
      'schemas/results.schema.json',
      'schemas/run.schema.json',
      'rubrics/default.yaml',
      'suites/auth.yaml',
      'presets/groq.yaml',
      'fixtures/profiles/mistral.yaml',
      'fixtures/schemas/error-envelopes.json',
      'examples/library.mjs',
    ])
      expect(packed, file).toContain(file);
    expect(packed.filter((file) => /\.test\.[jt]s$|__fixtures__|__snapshots__/.test(file))).toEqual([]);
  });

  it('shows the example in its README verbatim and exports the schemas by path', () => {
    const installed = join(project, 'node_modules', 'agentscore');
    const example = readFileSync(join(installed, 'examples', 'library.mjs'), 'utf8');
    expect(readFileSync(join(installed, 'README.md'), 'utf8')).toContain(`\`\`\`js\n${example}\`\`\``);
    const resolved = createRequire(join(project, 'package.json')).resolve(
      'agentscore/schemas/scorecard.schema.json',
    );
    expect(realpathSync(resolved)).toBe(realpathSync(join(installed, 'schemas', 'scorecard.schema.json')));
  });

  it("runs the README's library example from the installed package against the sandbox", async () => {
    cpSync(
      join(project, 'node_modules', 'agentscore', 'examples', 'library.mjs'),
      join(project, 'example.mjs'),
    );
    const stdout = await runAsync('node', ['example.mjs'], project, {
      MY_API_KEY: KEY,
      BASE_URL: sandbox.apiBaseUrl,
    });
    expect(stdout).toMatch(/^\d+ suites available: .*\bauth\b/m);
    const security = /^(\d+) probes · Security (\d+)\/100 · Data Protection (\d+)\/100$/m.exec(stdout);
    expect(security, stdout).not.toBeNull();
    expect(Number(security![1])).toBeGreaterThan(10);
    expect(stdout).toContain(`re-scored offline: Security ${security![2]}/100`);
    expect(stdout).toMatch(/^compared: 0 regression\(s\), exit code 0$/m);
    const scorecardFile = join(project, 'reports', 'library-example', 'first', 'scorecard.json');
    expect(stdout).toContain(`scorecard: ${scorecardFile}`);
    const scorecard = JSON.parse(readFileSync(scorecardFile, 'utf8')) as {
      target: { name: string };
      probes: { total: number };
    };
    expect(scorecard.target.name).toBe('my-api');
    // The progress callback saw every probe the scorecard counts.
    expect(scorecard.probes.total).toBe(Number(security![1]));
    expect(readFileSync(join(project, 'reports', 'library-example', 'second', 'report.md'), 'utf8')).toMatch(
      /my-api/,
    );
    expect(stdout).not.toContain(KEY);
    expect(
      readFileSync(join(project, 'reports', 'library-example', 'first', 'results.jsonl'), 'utf8'),
    ).not.toContain(KEY);
  });

  it('type-checks a TypeScript consumer against the shipped declarations', () => {
    writeFileSync(
      join(project, 'consumer.ts'),
      [
        "import { evaluate, score, type EvaluateResult, type Scorecard, TargetError } from 'agentscore';",
        'export async function securityOf(runDir: string): Promise<number | null> {',
        '  const scored = await score(runDir);',
        '  const scorecard: Scorecard = scored.scorecard;',
        '  return scorecard.scores.security.score;',
        '}',
        'export type Run = EvaluateResult;',
        'export const isTargetError = (error: unknown) => error instanceof TargetError;',
        'export const start = evaluate;',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          target: 'es2022',
          strict: true,
          noEmit: true,
          types: ['node'],
        },
        files: ['consumer.ts'],
      }),
    );
    expect(typeCheck()).toBe('');
    // A type error in the consumer is reported, so the check above is not vacuous.
    writeFileSync(
      join(project, 'consumer.ts'),
      "import { score } from 'agentscore';\nexport const x: string = score;\n",
    );
    expect(typeCheck()).toMatch(/consumer\.ts.*TS2322/);
  });
});
