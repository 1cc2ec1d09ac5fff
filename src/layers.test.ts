/** @module The folder boundaries of DESIGN.md §1, written down and checked: imports point down only. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('.', import.meta.url));
/** Lowest first: a layer may import itself and anything before it. */
const LAYERS = ['spec', 'suite', 'providers', 'probes', 'scoring', 'history', 'report', 'run', 'cli'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__fixtures__' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function layerOf(path: string): string {
  return relative(SRC, path).split(/[\\/]/)[0] ?? '';
}

/** May `from` import `to`? The sandbox is a separate program: only its own CLI command starts it. */
function allowed(from: string, to: string): boolean {
  if (from === to || to === 'spec') return true;
  if (from === 'sandbox' || to === 'sandbox') return from === 'cli' && to === 'sandbox';
  return LAYERS.indexOf(to) < LAYERS.indexOf(from);
}

describe('layers', () => {
  it('imports point down only, scoring stays pure, and the harness never imports the sandbox', () => {
    const violations: string[] = [];
    for (const file of sources(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
        const target = normalize(join(dirname(file), match[1] ?? ''));
        if (!target.startsWith(SRC)) continue;
        if (!allowed(layerOf(file), layerOf(target)))
          violations.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
      }
      if (
        layerOf(file) === 'scoring' &&
        /from 'node:(fs|net|http|child_process)'|process\.env|Date\.now\(|Math\.random\(/.test(text)
      ) {
        violations.push(`${relative(SRC, file)}: scoring must be pure (no I/O, env, clock or randomness)`);
      }
    }
    expect(violations).toEqual([]);
  });
});
