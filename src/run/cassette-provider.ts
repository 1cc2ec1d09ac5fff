/**
 * @module Cassettes: `--record DIR` keeps every scrubbed exchange, `--replay DIR` answers from them
 * with no network, for deterministic tests and for re-scoring a live run offline.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Canaries } from '../probes/probe-kind.ts';
import type { Provider, ProviderExchange, ProviderRequest } from '../providers/provider.ts';
import type { SdkCallOptions, SdkDriver } from '../providers/sdk-driver.ts';
import { ResultsFileError, unsupportedVersionError } from './results-file.ts';

export const CASSETTE_FILE = 'cassette.jsonl';
const CASSETTE_VERSION = 1;

export interface CassetteHeader {
  cassetteVersion: number;
  canaries: Canaries;
  target: { name: string; baseUrl: string; model: string };
}

interface CassetteEntry {
  key: string;
  occurrence: number;
  /** An HTTP exchange, or (for `sdk:` keys) what an SDK driver call returned. */
  exchange: ProviderExchange;
  sdkOutcome?: unknown;
}

/** What identifies a request across runs: never the key, never the random wrong key. */
export function requestKey(request: ProviderRequest): string {
  const body =
    request.rawBody === undefined
      ? JSON.stringify(request.body ?? null)
      : typeof request.rawBody === 'string'
        ? request.rawBody
        : `bytes:${request.rawBody.byteLength}`;
  const auth =
    request.auth.mode === 'header' ? `header:${request.auth.name}:${request.auth.value}` : request.auth.mode;
  return [
    request.method,
    request.path,
    JSON.stringify(request.query ?? {}),
    JSON.stringify(request.headers ?? {}),
    auth,
    request.stream ? 'stream' : '',
    body,
  ].join(' ');
}

class Occurrences {
  private readonly counts = new Map<string, number>();
  next(key: string): number {
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count;
  }
}

export function recordingProvider(
  inner: Provider,
  dir: string,
  canaries: Canaries,
  scrub: (text: string) => string,
): Provider {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, CASSETTE_FILE);
  const header: CassetteHeader = {
    cassetteVersion: CASSETTE_VERSION,
    canaries,
    target: { name: inner.target.name, baseUrl: inner.target.baseUrl, model: inner.target.model },
  };
  writeFileSync(file, `${scrub(JSON.stringify(header))}\n`);
  const occurrences = new Occurrences();
  const save = (entry: CassetteEntry): void => appendFileSync(file, `${scrub(JSON.stringify(entry))}\n`);
  return {
    kind: inner.kind,
    target: inner.target,
    sdk: inner.sdk ? recordingSdk(inner.sdk, occurrences, save) : undefined,
    secrets: () => inner.secrets(),
    close: () => inner.close(),
    async send(request) {
      const key = requestKey(request);
      const occurrence = occurrences.next(key);
      const exchange = await inner.send(request);
      save({ key, occurrence, exchange });
      return exchange;
    },
  };
}

/** The timeout is part of the key: the same call with a 1 ms timeout is a different experiment. */
function sdkKey(method: string, argument: unknown, options?: SdkCallOptions): string {
  const key = options?.apiKey === undefined ? 'own-key' : `key:${options.apiKey}`;
  return `sdk:${method} ${JSON.stringify(argument ?? null)} ${key} timeout:${options?.timeoutMs ?? 'none'}`;
}

const NO_EXCHANGE = undefined as unknown as ProviderExchange;

/** SDK calls are recorded as their plain-data outcomes, so replays need no SDK and no network. */
function recordingSdk(
  sdk: SdkDriver,
  occurrences: Occurrences,
  save: (entry: CassetteEntry) => void,
): SdkDriver {
  const keep = <T>(key: string, outcome: T): T => {
    save({ key, occurrence: occurrences.next(key), exchange: NO_EXCHANGE, sdkOutcome: outcome });
    return outcome;
  };
  return {
    chatComplete: async (request, options) =>
      keep(sdkKey('chatComplete', request, options), await sdk.chatComplete(request, options)),
    listModels: async (options) => keep(sdkKey('listModels', null, options), await sdk.listModels(options)),
  };
}

function replayingSdk(outcomes: Map<string, unknown[]>): SdkDriver {
  const occurrences = new Occurrences();
  const recalled = <T>(key: string): T => {
    const list = outcomes.get(key) ?? [];
    const outcome = list[occurrences.next(key) - 1] ?? list.at(-1);
    if (outcome === undefined) {
      return {
        ok: false,
        errorClass: 'NotInCassette',
        statusCode: null,
        message: `${key} not in the cassette`,
        bodyExcerpt: '',
        hasTypedFields: false,
        durationMs: 0,
      } as T;
    }
    return outcome as T;
  };
  return {
    chatComplete: async (request, options) => recalled(sdkKey('chatComplete', request, options)),
    listModels: async (options) => recalled(sdkKey('listModels', null, options)),
  };
}

export interface Cassette {
  header: CassetteHeader;
  provider(base: Pick<Provider, 'kind' | 'target'>): Provider;
}

/** The cassette's first line, version-checked; a missing or foreign cassette is bad input (exit 2). */
export function readCassetteHeader(dir: string): { header: CassetteHeader; entries: string[] } {
  const file = join(dir, CASSETTE_FILE);
  if (!existsSync(file))
    throw new ResultsFileError(`${file}: no cassette here (record one with --record ${dir})`);
  const [first, ...entries] = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  let header: CassetteHeader;
  try {
    header = JSON.parse(first ?? '') as CassetteHeader;
  } catch {
    throw new ResultsFileError(`${file}:1: not a cassette header (expected a JSON line)`);
  }
  if (header?.cassetteVersion !== CASSETTE_VERSION)
    throw unsupportedVersionError(
      `${file}:1`,
      'cassette',
      header?.cassetteVersion,
      CASSETTE_VERSION,
      'cassetteVersion',
    );
  return { header, entries };
}

export function loadCassette(dir: string): Cassette {
  const { header, entries: lines } = readCassetteHeader(dir);
  const byKey = new Map<string, ProviderExchange[]>();
  const sdkOutcomes = new Map<string, unknown[]>();
  for (const line of lines) {
    const entry = JSON.parse(line) as CassetteEntry;
    if (entry.key.startsWith('sdk:')) {
      const list = sdkOutcomes.get(entry.key) ?? [];
      list[entry.occurrence - 1] = entry.sdkOutcome;
      sdkOutcomes.set(entry.key, list);
      continue;
    }
    const list = byKey.get(entry.key) ?? [];
    list[entry.occurrence - 1] = entry.exchange;
    byKey.set(entry.key, list);
  }
  return {
    header,
    provider(base) {
      const occurrences = new Occurrences();
      return {
        kind: base.kind,
        target: base.target,
        sdk: sdkOutcomes.size > 0 ? replayingSdk(sdkOutcomes) : undefined,
        secrets: () => [],
        close: async () => {},
        async send(request) {
          const key = requestKey(request);
          const list = byKey.get(key) ?? [];
          const exchange = list[occurrences.next(key) - 1] ?? list.at(-1);
          if (exchange) return exchange;
          return {
            request: { method: request.method, url: request.path, headers: {} },
            status: null,
            headers: {},
            bodyText: '',
            bodyBytes: 0,
            timings: { startedAt: new Date(0).toISOString(), ttfbMs: null, e2eMs: 0 },
            failure: {
              reason: 'not-supported',
              message: 'request not in the cassette (suites changed since recording?)',
            },
          };
        },
      };
    },
  };
}
