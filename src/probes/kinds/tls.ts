/** @module `tls`: accepted TLS versions, certificate validity, HSTS and what plain http does with a key. */
import { resolveUrl } from '../../providers/build-http-request.ts';
import type { ProviderExchange } from '../../providers/provider.ts';
import type { FailureReason } from '../../spec/probe-result.ts';
import {
  emptyOutcome,
  type ProbeContext,
  type ProbeKind,
  type ProbeOutcome,
  parametersOf,
} from '../probe-kind.ts';
import { headerOf } from '../response-body.ts';
import { acceptsVersion, type HandshakeTarget, inspectCertificate, TLS_VERSIONS } from '../tls-handshake.ts';

/** Sent over plain http instead of the real key: the real one must never travel unencrypted. */
export const DUMMY_KEY = 'agentscore-dummy-key';

export interface TlsObservations {
  host: string;
  port: number;
  /** Protocol version -> whether a handshake pinned to it completed. */
  tlsVersions: Record<string, boolean>;
  certificate: { valid: boolean; daysLeft: number | null; subjectAltNames: string[]; error?: string };
  hsts: { present: boolean; maxAge: number | null; value: string | null };
  plainHttp: {
    url: string;
    refused: boolean;
    status: number | null;
    redirectsToHttps: boolean;
    location: string | null;
  };
}

export interface TlsKindOptions {
  /** Extra trust anchors, for tests against a local server with a self-signed certificate. */
  ca?: string | Buffer;
  now?: () => number;
}

function maxAgeOf(value: string | undefined): number | null {
  const match = /max-age\s*=\s*"?(\d+)/i.exec(value ?? '');
  return match ? Number(match[1]) : null;
}

export interface TlsParameters {
  plainHttpPort?: number;
}

/**
 * The models URL under the base URL, over plain http. `with.plainHttpPort` reaches a target whose
 * plain-http listener is not on port 80 (tests, odd setups).
 */
function plainHttpUrl(context: ProbeContext): string {
  const url = resolveUrl(context.target.baseUrl, '/v1/models');
  url.protocol = 'http:';
  url.port = String(parametersOf<TlsParameters>(context).plainHttpPort ?? 80);
  return url.toString();
}

function readPlainHttp(url: string, exchange: ProviderExchange): TlsObservations['plainHttp'] {
  const location = exchange.status === null ? null : (headerOf(exchange, 'location') ?? null);
  return {
    url,
    refused: exchange.status === null,
    status: exchange.status,
    redirectsToHttps:
      exchange.status !== null &&
      exchange.status >= 300 &&
      exchange.status < 400 &&
      /^https:\/\//i.test(location ?? ''),
    location,
  };
}

function unreachable(code: string): FailureReason {
  if (code === 'ETIMEDOUT') return 'timeout';
  if (code === 'ECONNREFUSED') return 'connection-refused';
  return 'connection-reset';
}

export function createTlsKind(options: TlsKindOptions = {}): ProbeKind<'tls'> {
  const now = options.now ?? Date.now;
  return {
    name: 'tls',
    parameters: {
      type: 'object',
      properties: { plainHttpPort: { type: 'integer', minimum: 1, maximum: 65535 } },
      additionalProperties: false,
    },
    async run(context: ProbeContext): Promise<ProbeOutcome> {
      const outcome = emptyOutcome();
      const url = new URL(context.target.baseUrl);
      if (url.protocol !== 'https:') {
        outcome.skip = { reason: 'not-applicable', detail: 'target is plain http: TLS checks do not apply' };
        return outcome;
      }
      const host = url.hostname.replace(/^\[|\]$/g, '');
      const port = Number(url.port || 443);
      const target: HandshakeTarget = {
        host,
        port,
        timeoutMs: Math.min(context.timeoutMs, 15_000),
        ...(options.ca ? { ca: options.ca } : {}),
      };

      const tlsVersions: Record<string, boolean> = {};
      const errors: string[] = [];
      for (const version of TLS_VERSIONS) {
        const result = await acceptsVersion(target, version);
        tlsVersions[version] = result.ok;
        if (!result.ok) errors.push(result.code);
      }
      if (!Object.values(tlsVersions).some(Boolean)) {
        outcome.failure = {
          reason: unreachable(errors[errors.length - 1] ?? ''),
          detail: `no TLS handshake with ${host}:${port} (${[...new Set(errors)].join(', ')})`,
        };
        return outcome;
      }
      const inspected = await inspectCertificate(target, now());
      const certificate =
        'valid' in inspected
          ? inspected
          : {
              valid: false,
              daysLeft: null,
              subjectAltNames: [],
              error: inspected.ok ? 'no certificate' : inspected.message,
            };

      const secure = await context.send({
        method: 'GET',
        path: '/v1/models',
        auth: { mode: 'bearer' },
        timeoutMs: context.timeoutMs,
      });
      const hstsValue = secure.status === null ? undefined : headerOf(secure, 'strict-transport-security');
      const plainUrl = plainHttpUrl(context);
      const plain = await context.send({
        method: 'GET',
        path: plainUrl,
        auth: { mode: 'none' },
        headers: { authorization: `Bearer ${DUMMY_KEY}` },
        timeoutMs: Math.min(context.timeoutMs, 10_000),
      });
      outcome.exchanges.push(secure, plain);
      outcome.timings = { ttfbMs: secure.timings.ttfbMs ?? undefined, e2eMs: secure.timings.e2eMs };
      const observations: TlsObservations = {
        host,
        port,
        tlsVersions,
        certificate,
        hsts: { present: hstsValue !== undefined, maxAge: maxAgeOf(hstsValue), value: hstsValue ?? null },
        plainHttp: readPlainHttp(plainUrl, plain),
      };
      outcome.observation = { kind: 'tls', data: observations };
      return outcome;
    },
  };
}

export const tlsKind: ProbeKind<'tls'> = createTlsKind();
