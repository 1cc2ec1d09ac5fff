/** @module Turns a ProviderRequest into the exact URL, headers and body bytes that go on the wire. */
import type { AuthMode } from '../spec/suite.ts';
import type { AuthScheme, ProviderKind } from '../spec/target.ts';
import type { ProviderRequest } from './provider.ts';
import { randomWrongKey } from './random-wrong-key.ts';
import { basicAuthBase64 } from './secret-forms.ts';

export const USER_AGENT = 'agentscore/0.1.0';

export interface WireRequest {
  method: string;
  url: string;
  /** Lower-cased names, exactly as sent (the key included: the runner scrubs later). */
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** The body as text, for the exchange record. */
  bodyText?: string;
}

export interface WireContext {
  baseUrl: string;
  apiKey: string;
  kind: ProviderKind;
  /** How the target takes the real key (bearer when absent): Azure's `api-key` header, a query parameter, none. */
  scheme?: AuthScheme;
  /** Headers every request carries (env-backed values already read). */
  headers?: Record<string, string>;
  /** Query parameters every request carries (Azure's api-version). */
  query?: Record<string, string>;
}

/** The key where the target's scheme puts it; a probe's `bearer` and `wrong-key` follow the scheme. */
function applyScheme(
  scheme: AuthScheme | undefined,
  key: string,
  headers: Record<string, string>,
  url: URL,
): void {
  switch (scheme?.scheme ?? 'bearer') {
    case 'header':
      headers[(scheme as { name: string }).name.toLowerCase()] = key;
      return;
    case 'query':
      url.searchParams.set((scheme as { param: string }).param, key);
      return;
    case 'none':
      return;
    default:
      headers.authorization = `Bearer ${key}`;
  }
}

/**
 * A request path in the official OpenAPI spec's form (`/v1/chat/completions`), made relative to a base
 * URL written as the ecosystem writes it (the OpenAI SDK's `baseURL`, which already ends in the version
 * segment): the leading `/v1` is dropped, so `chat/completions`. Other paths only lose their leading slash.
 */
export function pathRelativeToBase(specPath: string): string {
  return specPath.replace(/^\/*v1(?=[/?#]|$)/, '').replace(/^\/+/, '');
}

/**
 * The one place a URL is built from the base URL: `https://api.mistral.ai/v1` + `/v1/models` →
 * `https://api.mistral.ai/v1/models`, `https://openrouter.ai/api/v1` + `/v1/chat/completions` →
 * `https://openrouter.ai/api/v1/chat/completions`, `http://host:8000` + `/v1/models` →
 * `http://host:8000/models` (an API at the server's root). Absolute URLs stay as they are.
 */
export function resolveUrl(baseUrl: string, path: string): URL {
  if (/^https?:\/\//i.test(path)) return new URL(path);
  const base = baseUrl.replace(/\/+$/, '');
  const relative = pathRelativeToBase(path);
  if (relative === '') return new URL(base);
  return new URL(/^[?#]/.test(relative) ? `${base}${relative}` : `${base}/${relative}`);
}

/** Header value with `{{key}}` and `{{key_base64}}` (base64 of `KEY:`, as Basic auth sends it) filled in. */
export function fillKeyPlaceholders(template: string, apiKey: string): string {
  return template.replaceAll('{{key_base64}}', basicAuthBase64(apiKey)).replaceAll('{{key}}', apiKey);
}

function applyAuth(auth: AuthMode, context: WireContext, headers: Record<string, string>, url: URL): void {
  switch (auth.mode) {
    case 'bearer':
      applyScheme(context.scheme, context.apiKey, headers, url);
      return;
    case 'wrong-key':
      // A keyless target has no wrong key to send: the request goes as a bearer, which it ignores.
      applyScheme(
        context.scheme?.scheme === 'none' ? undefined : context.scheme,
        randomWrongKey(context.kind),
        headers,
        url,
      );
      return;
    case 'header':
      headers[auth.name.toLowerCase()] = fillKeyPlaceholders(auth.value, context.apiKey);
      return;
    case 'query':
      url.searchParams.set(auth.param, context.apiKey);
      return;
    case 'none':
      return;
  }
}

export function buildWireRequest(request: ProviderRequest, context: WireContext): WireRequest {
  const url = resolveUrl(context.baseUrl, request.path);
  for (const [name, value] of Object.entries(context.query ?? {})) url.searchParams.set(name, value);
  for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.append(name, value);
  const headers: Record<string, string> = { 'user-agent': USER_AGENT };
  for (const [name, value] of Object.entries(context.headers ?? {})) headers[name.toLowerCase()] = value;
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
  applyAuth(request.auth, context, headers, url);
  const method = request.method.toUpperCase();
  const wire: WireRequest = { method, url: url.toString(), headers };
  if (request.rawBody !== undefined) {
    wire.body = request.rawBody;
    wire.bodyText =
      typeof request.rawBody === 'string' ? request.rawBody : new TextDecoder().decode(request.rawBody);
  } else if (request.body !== undefined) {
    wire.body = JSON.stringify(request.body);
    wire.bodyText = wire.body;
    headers['content-type'] ??= 'application/json';
  }
  return wire;
}
