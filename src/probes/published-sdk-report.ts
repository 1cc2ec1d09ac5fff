/**
 * @module What a target's official SDK pulls in, as published on the npm registry at run time: the
 * dependency tree (each range resolved against the package's published versions, as npm would),
 * install scripts, licences, deprecation and publish date. Never our own lockfile: that would score
 * the harness, identically for every target.
 */
import { isRecord, readJson } from './response-body.ts';
import { maxSatisfying } from './semver-range.ts';

export const DEFAULT_NPM_REGISTRY = 'https://registry.npmjs.org';
/** Overrides the registry (a mirror, or a loopback fake in tests). */
export const NPM_REGISTRY_ENV = 'AGENTSCORE_NPM_REGISTRY';

/** A bound on the walk: no SDK worth using has more, and a runaway tree must not stall a run. */
const MAX_PACKAGES = 400;
const PARALLEL_REQUESTS = 8;
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];

export interface PublishedSdkReport {
  packageName: string;
  version: string;
  registry: string;
  /** Direct runtime dependencies: name → declared range. */
  directDependencies: Record<string, string>;
  /** Distinct packages (name@version) below the SDK, direct ones included. */
  transitiveCount: number;
  /** `name@version` of packages (the SDK included) that run install scripts. */
  installScripts: string[];
  licences: Record<string, number>;
  unknownLicences: string[];
  /** The registry's deprecation message for this version, or null. */
  deprecated: string | null;
  /** When this version was published (ISO), when the registry says. */
  publishedAt: string | null;
  /** Dependencies the registry could not resolve (`name@range`). */
  unresolved: string[];
  /** The walk stopped at MAX_PACKAGES. */
  truncated: boolean;
}

export type PublishedSdkLookup = { ok: true; report: PublishedSdkReport } | { ok: false; detail: string };

interface VersionDocument {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  installScript: boolean;
  licence: string | null;
  deprecated: string | null;
}

export interface RegistryOptions {
  registry?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export function registryUrlOf(explicit?: string): string {
  return (explicit ?? process.env[NPM_REGISTRY_ENV] ?? DEFAULT_NPM_REGISTRY).replace(/\/+$/, '');
}

/** npm's abbreviated metadata: versions and dist-tags without readmes, what resolution needs. */
const ABBREVIATED = 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8';

async function getJson(url: string, options: RegistryOptions, accept = 'application/json'): Promise<unknown> {
  const signals = [AbortSignal.timeout(options.timeoutMs), ...(options.signal ? [options.signal] : [])];
  const response = await fetch(url, {
    headers: { accept },
    signal: AbortSignal.any(signals),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${response.status} for ${url}`);
  const read = readJson(text);
  if (!read.ok) throw new Error(`${url} did not answer JSON`);
  return read.value;
}

function licenceOf(document: Record<string, unknown>): string | null {
  const { license, licenses } = document;
  if (typeof license === 'string' && license.trim() !== '') return license.trim();
  if (isRecord(license) && typeof license.type === 'string') return license.type;
  if (Array.isArray(licenses) && licenses.length > 0)
    return licenses.map((entry) => (isRecord(entry) ? String(entry.type) : String(entry))).join(' OR ');
  return null;
}

function stringMap(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

function readVersionDocument(value: unknown): VersionDocument | null {
  if (!isRecord(value) || typeof value.name !== 'string' || typeof value.version !== 'string') return null;
  const scripts = isRecord(value.scripts) ? value.scripts : {};
  return {
    name: value.name,
    version: value.version,
    dependencies: { ...stringMap(value.dependencies), ...stringMap(value.optionalDependencies) },
    installScript:
      value.hasInstallScript === true ||
      INSTALL_SCRIPTS.some((script) => typeof scripts[script] === 'string'),
    licence: licenceOf(value),
    deprecated: typeof value.deprecated === 'string' ? value.deprecated : null,
  };
}

function packageUrl(registry: string, name: string): string {
  return `${registry}/${name.replace('/', '%2f')}`;
}

function versionUrl(registry: string, name: string, version: string): string {
  return `${packageUrl(registry, name)}/${encodeURIComponent(version)}`;
}

/** The version manifest `range` resolves to, as npm would pick it, or null. */
async function resolveVersion(
  registry: string,
  name: string,
  range: string,
  options: RegistryOptions,
): Promise<VersionDocument | null> {
  const packument = await getJson(packageUrl(registry, name), options, ABBREVIATED);
  if (!isRecord(packument) || !isRecord(packument.versions)) return null;
  const tags = isRecord(packument['dist-tags']) ? packument['dist-tags'] : {};
  const tagged = tags[range];
  const version = typeof tagged === 'string' ? tagged : maxSatisfying(Object.keys(packument.versions), range);
  if (version === null) return null;
  return readVersionDocument(await getJson(versionUrl(registry, name, version), options));
}

/**
 * The published report for `packageName@version` (`latest` by default). Unreachable registry, or a
 * root document that is not a version manifest: `ok: false` with the reason.
 */
export async function fetchPublishedSdkReport(
  packageName: string,
  version: string,
  options: RegistryOptions,
): Promise<PublishedSdkLookup> {
  const registry = registryUrlOf(options.registry);
  let root: VersionDocument | null;
  try {
    root = readVersionDocument(await getJson(versionUrl(registry, packageName, version), options));
  } catch (error) {
    return { ok: false, detail: `registry unreachable: ${(error as Error).message}` };
  }
  if (!root)
    return { ok: false, detail: `registry unreachable: no version manifest for ${packageName}@${version}` };
  const publishedAt = await getJson(packageUrl(registry, packageName), options).then(
    (packument) =>
      isRecord(packument) && isRecord(packument.time) && typeof packument.time[root.version] === 'string'
        ? (packument.time[root.version] as string)
        : null,
    () => null,
  );
  const report: PublishedSdkReport = {
    packageName,
    version: root.version,
    registry,
    directDependencies: root.dependencies,
    transitiveCount: 0,
    installScripts: root.installScript ? [`${root.name}@${root.version}`] : [],
    licences: {},
    unknownLicences: [],
    deprecated: root.deprecated,
    publishedAt,
    unresolved: [],
    truncated: false,
  };
  const seen = new Set<string>();
  const requested = new Set<string>();
  let frontier = Object.entries(root.dependencies);
  while (frontier.length > 0) {
    const next: [string, string][] = [];
    for (let start = 0; start < frontier.length; start += PARALLEL_REQUESTS) {
      const batch = frontier.slice(start, start + PARALLEL_REQUESTS).filter(([name, range]) => {
        const key = `${name}@${range}`;
        if (requested.has(key)) return false;
        requested.add(key);
        return true;
      });
      const documents = await Promise.all(
        batch.map(([name, range]) => resolveVersion(registry, name, range, options).catch(() => null)),
      );
      documents.forEach((document, index) => {
        const [name, range] = batch[index] ?? ['?', '?'];
        if (!document) {
          report.unresolved.push(`${name}@${range}`);
          return;
        }
        const id = `${document.name}@${document.version}`;
        if (seen.has(id)) return;
        if (seen.size >= MAX_PACKAGES) {
          report.truncated = true;
          return;
        }
        seen.add(id);
        if (document.installScript) report.installScripts.push(id);
        if (document.licence === null) report.unknownLicences.push(id);
        else report.licences[document.licence] = (report.licences[document.licence] ?? 0) + 1;
        next.push(...Object.entries(document.dependencies));
      });
    }
    frontier = report.truncated ? [] : next;
  }
  report.transitiveCount = seen.size;
  return { ok: true, report };
}
