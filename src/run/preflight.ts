/** @module Preflight: before any probe, check that an API answers at the base URL with the key and knows the model. */
import { resolveUrl } from '../providers/build-http-request.ts';
import { parseJsonText } from '../providers/parse-json-body.ts';
import type { Provider, ProviderExchange, ProviderRequest } from '../providers/provider.ts';
import { createScrubber } from '../providers/scrub-secrets.ts';
import type { PreflightDone, PreflightOutcome, PreflightRequest } from '../spec/preflight-record.ts';
import type { Target } from '../spec/target.ts';

/** The preflight never sends more than this many requests; they count against the run's budget. */
export const PREFLIGHT_MAX_REQUESTS = 3;
const EXAMPLE = '--base-url https://api.mistral.ai/v1';
const MAX_BODY_BYTES = 1024 * 1024;
/** Transport failures that mean no server is there at all (no point in trying another path). */
const NOTHING_THERE = new Set(['connection-refused']);

/**
 * A base URL a run can use: absolute http(s). Returns the sentence to print when it is not
 * (`127.0.0.1:8000` parses as a URL with the scheme `127.0.0.1:`, so the scheme is checked by name).
 */
export function validateBaseUrl(baseUrl: string): string | null {
  const example = `e.g. ${EXAMPLE} or --base-url http://127.0.0.1:8000/v1`;
  if (!/^https?:\/\//i.test(baseUrl.trim())) {
    return `the base URL "${baseUrl}" has no http:// or https:// scheme: write it as the OpenAI SDK's baseURL, ${example}`;
  }
  try {
    new URL(baseUrl);
  } catch {
    return `the base URL "${baseUrl}" is not a URL: ${example}`;
  }
  return null;
}

export interface PreflightOptions {
  /** The provider, bound to the target's base URL as given. */
  provider: Provider;
  target: Target;
  timeoutMs: number;
  now?: () => number;
}

interface Answer {
  exchange: ProviderExchange;
  json: unknown;
}

function jsonOf(exchange: ProviderExchange): unknown {
  if (exchange.json !== undefined) return exchange.json;
  const parsed = parseJsonText(exchange.bodyText);
  return parsed.ok ? parsed.value : undefined;
}

function looksLikeHtml(exchange: ProviderExchange): boolean {
  const contentType = exchange.headers['content-type']?.toLowerCase() ?? '';
  return contentType.includes('text/html') || /^\s*<(!doctype|html|head|body)/i.test(exchange.bodyText);
}

/** The provider's own words from an error body: `message`, `error.message`, `detail`, or the text. */
function providerMessage(answer: Answer): string {
  const body = answer.json as Record<string, unknown> | undefined;
  const nested = body?.error as Record<string, unknown> | string | undefined;
  const candidates = [
    body?.message,
    typeof nested === 'object' && nested !== null ? nested.message : nested,
    body?.detail,
  ];
  const text = candidates.find((value): value is string => typeof value === 'string' && value.trim() !== '');
  const raw = text ?? (looksLikeHtml(answer.exchange) ? '' : answer.exchange.bodyText);
  const flat = raw.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

/** Model ids (and their aliases) from a models list; null when the body is not one. */
function modelIds(json: unknown): { ids: string[]; known: Set<string> } | null {
  const data = (json as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data)) return null;
  const ids: string[] = [];
  const known = new Set<string>();
  for (const entry of data as Array<Record<string, unknown>>) {
    if (typeof entry?.id !== 'string') continue;
    ids.push(entry.id);
    known.add(entry.id);
    if (Array.isArray(entry.aliases))
      for (const alias of entry.aliases) if (typeof alias === 'string') known.add(alias);
  }
  return { ids, known };
}

function isKeyRejection(status: number | null): boolean {
  return status === 401 || status === 403;
}

export async function runPreflight(options: PreflightOptions): Promise<PreflightDone> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const { provider, target } = options;
  const scrub = createScrubber(provider.secrets());
  const requests: PreflightRequest[] = [];
  const given = target.baseUrl.replace(/\/+$/, '');
  let baseUrl = given;

  const send = async (request: Omit<ProviderRequest, 'auth' | 'timeoutMs'>): Promise<Answer> => {
    const exchange = await provider.send({
      ...request,
      auth: { mode: 'bearer' },
      timeoutMs: options.timeoutMs,
      maxBodyBytes: MAX_BODY_BYTES,
    });
    requests.push({
      method: exchange.request.method,
      url: scrub(exchange.request.url),
      status: exchange.status,
      ...(exchange.failure && exchange.status === null ? { failure: exchange.failure.reason } : {}),
    });
    return { exchange, json: jsonOf(exchange) };
  };
  const urlOf = (base: string, path: string) => resolveUrl(base, path).toString();
  const getModels = (base: string) =>
    send({ method: 'GET', path: base === given ? '/v1/models' : urlOf(base, '/v1/models') });
  const chat = () =>
    send({
      method: 'POST',
      path: baseUrl === given ? '/v1/chat/completions' : urlOf(baseUrl, '/v1/chat/completions'),
      body: { model: target.model, messages: [{ role: 'user', content: 'Say OK.' }], max_tokens: 1 },
    });
  const finish = (
    outcome: PreflightOutcome,
    message: string | null,
    modelsOffered?: string[],
  ): PreflightDone => ({
    outcome,
    urlTried: given,
    baseUrl,
    fallbackAdopted: baseUrl !== given,
    requests,
    message: message === null ? null : scrub(message),
    ...(modelsOffered ? { modelsOffered } : {}),
    durationMs: Math.round(now() - started),
  });
  const keyRejected = (answer: Answer) => {
    const said = providerMessage(answer);
    return finish(
      'key-rejected',
      `the key in $${target.apiKeyEnv} was rejected (${answer.exchange.status})${said ? `: ${said}` : ''}`,
    );
  };
  const unreachable = (answer: Answer) =>
    finish(
      'unreachable',
      `nothing answers at ${given} (${answer.exchange.failure?.reason ?? 'no answer'}): is the target up and the URL right?`,
    );
  const modelUnknown = (ids: string[]) => {
    const offered = ids.slice(0, 5);
    const list = offered.length > 0 ? `; it offers ${offered.join(', ')}${ids.length > 5 ? ', …' : ''}` : '';
    return finish(
      'model-unknown',
      `the API at ${baseUrl} does not know the model "${target.model}"${list}`,
      offered,
    );
  };
  const wrongPath = (answer: Answer): PreflightDone => {
    const suggestion = /\/v1$/i.test(given)
      ? `check the base URL against the provider's docs (the OpenAI SDK's baseURL, e.g. ${EXAMPLE})`
      : `the API is likely at --base-url ${given}/v1`;
    const what = looksLikeHtml(answer.exchange)
      ? `${answer.exchange.status} with an HTML page`
      : String(answer.exchange.status);
    return finish(
      'wrong-base-url',
      `${answer.exchange.request.method} ${scrub(answer.exchange.request.url)} answered ${what}, not an API: ${suggestion}`,
    );
  };
  /** What the minimal chat call says about the model, the key and the path. */
  const judgeChat = (answer: Answer, ids: string[]): PreflightDone => {
    const status = answer.exchange.status;
    if (status === null) return unreachable(answer);
    if (isKeyRejection(status)) return keyRejected(answer);
    const namesModel =
      answer.exchange.bodyText.includes(target.model) || /model/i.test(providerMessage(answer));
    if ((status === 400 || status === 404 || status === 422) && namesModel) return modelUnknown(ids);
    if (status === 404 || looksLikeHtml(answer.exchange)) return wrongPath(answer);
    return finish('ok', null);
  };
  /** A models list answered: the model must be in it (or the chat call must accept it). */
  const judgeModels = async (answer: Answer): Promise<PreflightDone> => {
    // An unreadable list (broken encoding, cut off) decides nothing: the probes measure the API.
    if (answer.exchange.failure) return finish('ok', null);
    const listed = modelIds(answer.json);
    if (!listed || listed.ids.length === 0 || listed.known.has(target.model)) return finish('ok', null);
    // Some APIs serve models their list leaves out: one chat call decides.
    const confirm = await chat();
    const confirmed = confirm.exchange.status;
    if (confirmed !== null && confirmed >= 200 && confirmed < 300)
      return finish(
        'ok',
        `the model "${target.model}" is not in the models list, but a chat call with it succeeded`,
      );
    if (isKeyRejection(confirmed)) return keyRejected(confirm);
    // No answer, a 5xx or a 429 says nothing about the model: the run goes on and measures that.
    if (confirmed === null || confirmed >= 500 || confirmed === 429)
      return finish(
        'ok',
        `the model "${target.model}" is not in the models list and the chat call that would confirm it got ${confirmed ?? confirm.exchange.failure?.reason ?? 'no answer'}: the probes measure the rest`,
      );
    return modelUnknown(listed.ids);
  };

  let models = await getModels(given);
  let status = models.exchange.status;
  if (status === null) {
    if (NOTHING_THERE.has(models.exchange.failure?.reason ?? '')) return unreachable(models);
    // Reset or timeout on the models path only: the chat call tells whether anything answers.
    return judgeChat(await chat(), []);
  }
  if (isKeyRejection(status)) return keyRejected(models);
  const missing = status === 404 || status === 405 || looksLikeHtml(models.exchange);
  if (missing && !/\/v1$/i.test(given)) {
    // The host-only form some docs show: the same URL plus /v1, used only when that answers as an API.
    const fallback = await getModels(`${given}/v1`);
    const answered = fallback.exchange.status;
    if (answered !== null && answered !== 404 && answered !== 405 && fallback.json !== undefined) {
      baseUrl = `${given}/v1`;
      models = fallback;
      status = answered;
      if (isKeyRejection(status)) return keyRejected(models);
      if (status >= 200 && status < 300) return judgeModels(models);
      return finish('ok', null);
    }
  }
  if (missing) {
    // An API that answers JSON but has no models endpoint: one minimal chat call instead.
    if (looksLikeHtml(models.exchange) || models.json === undefined) return wrongPath(models);
    return judgeChat(await chat(), []);
  }
  if (status >= 200 && status < 300) return judgeModels(models);
  // 5xx, 429 and the like: an API is there; the probes measure how it behaves.
  return finish('ok', null);
}

/** The sentence the CLI prints for a preflight, or null when nothing needs saying. */
export function preflightSentence(record: PreflightDone): string | null {
  if (record.outcome !== 'ok') return `preflight: ${record.message}`;
  if (record.fallbackAdopted)
    return `preflight: no API answers at ${record.urlTried}, one does at ${record.baseUrl}: using that (pass --base-url ${record.baseUrl} to say so)`;
  return record.message === null ? null : `preflight: ${record.message}`;
}
