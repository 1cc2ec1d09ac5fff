/**
 * @module `regional-endpoints`: calls each regional base URL the target documents (a preset or config
 * lists them, e.g. Mistral's EU and US endpoints) and records which answered and what it declared.
 * gdpr-criteria P-REGION: the host is recorded; headers and addresses are hints, never proof of
 * where data is processed.
 */
import { resolveUrl } from '../../providers/build-http-request.ts';
import {
  emptyOutcome,
  NO_PARAMETERS,
  type ProbeContext,
  type ProbeKind,
  type ProbeOutcome,
} from '../probe-kind.ts';

/** Response headers some APIs use to say which region served a request. */
const REGION_HEADERS = ['x-region', 'x-served-region', 'x-datacenter', 'cf-ray', 'x-azure-ref', 'server'];

export interface RegionalEndpointObservation {
  region: string;
  baseUrl: string;
  host: string;
  /** HTTP status of `GET models` there, or null when nothing answered. */
  status: number | null;
  /** What the answer said about where it came from (region-ish headers), when anything. */
  declared: Record<string, string>;
  failure: string | null;
}

export interface RegionalEndpointsObservations {
  endpoints: RegionalEndpointObservation[];
}

export const regionalEndpointsKind: ProbeKind<'regional-endpoints'> = {
  name: 'regional-endpoints',
  parameters: NO_PARAMETERS,
  async run(context: ProbeContext): Promise<ProbeOutcome> {
    const outcome = emptyOutcome();
    const regions = context.target.regionalEndpoints ?? [];
    if (regions.length === 0) {
      outcome.skip = { reason: 'not-applicable', detail: 'the target lists no regional endpoints' };
      return outcome;
    }
    const endpoints: RegionalEndpointObservation[] = [];
    for (const { region, baseUrl } of regions) {
      const url = resolveUrl(baseUrl, '/v1/models');
      const exchange = await context.send({
        method: 'GET',
        path: url.toString(),
        auth: { mode: 'bearer' },
        timeoutMs: context.timeoutMs,
      });
      outcome.exchanges.push(exchange);
      const declared = Object.fromEntries(
        REGION_HEADERS.filter((name) => exchange.headers[name] !== undefined).map((name) => [
          name,
          exchange.headers[name] as string,
        ]),
      );
      endpoints.push({
        region,
        baseUrl,
        host: url.host,
        status: exchange.status,
        declared,
        failure: exchange.failure ? `${exchange.failure.reason}: ${exchange.failure.message}` : null,
      });
    }
    outcome.observation = { kind: 'regional-endpoints', data: { endpoints } };
    return outcome;
  },
};
