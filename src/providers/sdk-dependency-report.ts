/** @module The installed dependency tree of an SDK package, read from node_modules (no network). */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SdkDependencyReport } from './sdk-driver.ts';

export const MISTRAL_SDK_PACKAGE = '@mistralai/mistralai';

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'] as const;

interface PackageManifest {
  name: string;
  version: string;
  licence: string | null;
  dependencies: string[];
  hasInstallScript: boolean;
}

/** Reads the fields this report needs from a package.json, tolerating odd shapes. */
function readManifest(packageDir: string): PackageManifest {
  let raw: unknown = null;
  try {
    raw = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  } catch {
    // An unreadable manifest still counts as an installed package, with unknown fields.
  }
  const manifest = (raw !== null && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const names = (field: unknown) => (field && typeof field === 'object' ? Object.keys(field) : []);
  const scripts = (manifest.scripts ?? {}) as Record<string, unknown>;
  return {
    name: String(manifest.name ?? packageDir),
    version: String(manifest.version ?? '0.0.0'),
    licence: licenceOf(manifest),
    dependencies: [...new Set([...names(manifest.dependencies), ...names(manifest.optionalDependencies)])],
    hasInstallScript:
      INSTALL_SCRIPTS.some((script) => typeof scripts[script] === 'string') ||
      existsSync(join(packageDir, 'binding.gyp')),
  };
}

function licenceOf(manifest: Record<string, unknown>): string | null {
  const { license, licenses } = manifest;
  if (typeof license === 'string' && license.trim() !== '') return license.trim();
  if (license && typeof license === 'object' && 'type' in license) return String(license.type);
  if (Array.isArray(licenses) && licenses.length > 0) {
    return licenses.map((entry) => String(entry?.type ?? entry)).join(' OR ');
  }
  return null;
}

/** Node's lookup: `node_modules/NAME` in the package's directory, then in each parent. */
function findInstalled(fromDir: string, name: string): string | null {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Walks `dependencies` and `optionalDependencies` of the installed package, recursively. */
export function sdkDependencyReport(packageName: string = MISTRAL_SDK_PACKAGE): SdkDependencyReport {
  const require = createRequire(import.meta.url);
  const rootDir = realpathSync(dirname(require.resolve(`${packageName}/package.json`)));
  const root = readManifest(rootDir);
  const report: SdkDependencyReport = {
    packageName,
    sdkVersion: root.version,
    directDependencies: {},
    transitiveCount: 0,
    installScripts: [],
    licences: {},
    unknownLicences: [],
    missing: [],
    ageDays: null,
    notes: [
      'Release ages need registry publish times, which node_modules does not hold: ageDays is null.',
      'Optional peer dependencies are not followed; only installed dependencies are counted.',
    ],
  };
  const seen = new Set<string>();
  const queue: Array<{ dir: string; manifest: PackageManifest }> = [{ dir: rootDir, manifest: root }];
  while (queue.length > 0) {
    const { dir, manifest } = queue.shift()!;
    for (const dependency of manifest.dependencies) {
      const installedDir = findInstalled(dir, dependency);
      const installed = installedDir ? readManifest(installedDir) : null;
      if (manifest === root) report.directDependencies[dependency] = installed?.version ?? null;
      if (!installedDir || !installed) {
        report.missing.push(`${dependency} (required by ${manifest.name})`);
        continue;
      }
      const id = `${installed.name}@${installed.version}`;
      if (seen.has(id)) continue;
      seen.add(id);
      if (installed.hasInstallScript) report.installScripts.push(id);
      if (installed.licence === null) report.unknownLicences.push(id);
      else report.licences[installed.licence] = (report.licences[installed.licence] ?? 0) + 1;
      queue.push({ dir: installedDir, manifest: installed });
    }
  }
  report.transitiveCount = seen.size;
  return report;
}
