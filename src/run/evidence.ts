/** @module Evidence kept per exchange: enough to see why a check failed, small enough to store. */

import { classifyEnvelope } from '../probes/classify-envelope.ts';
import type { ProviderExchange } from '../providers/provider.ts';
import type { ExchangeEvidence } from '../spec/probe-result.ts';

const EXCERPT_CHARS = 600;
const KEPT_HEADERS =
  /^(content-type|content-length|retry-after|location|set-cookie|access-control-.*|strict-transport-security|mistral-correlation-id|x-request-id|x-kong-request-id|.*ratelimit.*)$/;

export function toEvidence(exchange: ProviderExchange): ExchangeEvidence {
  const headers = Object.fromEntries(
    Object.entries(exchange.headers).filter(([name]) => KEPT_HEADERS.test(name)),
  );
  const evidence: ExchangeEvidence = {
    method: exchange.request.method,
    url: exchange.request.url,
    status: exchange.status,
    headers,
    bodyExcerpt: exchange.bodyText.slice(0, EXCERPT_CHARS),
    bodyBytes: exchange.bodyBytes,
    ...(exchange.request.sentRealKey ? { sentRealKey: true } : {}),
  };
  if (exchange.status !== null && exchange.status >= 400) {
    evidence.envelope = classifyEnvelope(exchange.json ?? exchange.bodyText);
  }
  return evidence;
}
