/** @module sandbox/error-bodies — error payloads in the shapes recorded from the real API (reference/mistral-real-errors.json). */

/** One pydantic validation issue, as FastAPI reports it. */
export interface ValidationDetail {
  type: string;
  loc: Array<string | number>;
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

/** The `{"object":"error",...}` envelope used for 400/422/429. */
export interface MistralErrorBody {
  object: 'error';
  message: string | { detail: ValidationDetail[] };
  type: string;
  param: string | null;
  code: string | null;
}

export type ErrorBody = MistralErrorBody | { detail: string } | { message: string; request_id: string };

/** A status plus the body to send; handlers return these instead of throwing. */
export interface HttpError {
  status: number;
  body: ErrorBody;
}

export function validationError(details: ValidationDetail[]): HttpError {
  return {
    status: 422,
    body: {
      object: 'error',
      message: { detail: details },
      type: 'invalid_request_error',
      param: null,
      code: null,
    },
  };
}

export function invalidRequest(
  message: string,
  type = 'invalid_request_error',
  code: string | null = null,
): HttpError {
  return { status: 400, body: { object: 'error', message, type, param: null, code } };
}

export function invalidModel(model: string): HttpError {
  return invalidRequest(`Invalid model: ${model}`, 'invalid_model', '1500');
}

export function messageOrderError(role: string, previousRole: string): HttpError {
  return invalidRequest(
    `Unexpected role '${role}' after role '${previousRole}'`,
    'invalid_request_message_order',
    '3230',
  );
}

export function rateLimited(): HttpError {
  return {
    status: 429,
    body: {
      object: 'error',
      message: 'Rate limit exceeded',
      type: 'rate_limited',
      param: null,
      code: '1300',
    },
  };
}

export function unauthorized(shape: 'detail' | 'gateway', requestId: string): HttpError {
  const body =
    shape === 'gateway' ? { message: 'Unauthorized', request_id: requestId } : { detail: 'Unauthorized' };
  return { status: 401, body };
}

const STATUS_DETAIL: Record<number, string> = {
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Request Entity Too Large',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** FastAPI's bare `{"detail": "<reason phrase>"}` body. */
export function detailError(status: number): HttpError {
  return { status, body: { detail: STATUS_DETAIL[status] ?? 'Error' } };
}

/** A framework debug page, the way a misconfigured server answers a body it could not parse. */
export function htmlServerErrorPage(reason: string): string {
  const escaped = reason.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [
    '<!DOCTYPE html>',
    '<html><head><title>500 Internal Server Error</title></head><body>',
    '<h1>Internal Server Error</h1>',
    '<pre>Traceback (most recent call last):',
    '  File "/srv/inference-gateway/app/routes/chat.py", line 88, in chat_completions',
    '    payload = json.loads(await request.body())',
    `json.decoder.JSONDecodeError: ${escaped}</pre>`,
    '<hr><address>uvicorn/0.23.2 Python/3.11.4 at 10.12.0.7:8000</address>',
    '</body></html>',
  ].join('\n');
}
