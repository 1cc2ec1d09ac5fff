/** @module The SDK driver contract: an official client library driven as an application would, outcomes as plain data. */
import type {
  ChatCompletionRequest,
  ChatCompletionResponse,
  ModelList,
} from '@mistralai/mistralai/models/components';

/** What a chat call through the SDK may set; the shapes are the SDK's own (camelCase). */
export type SdkChatRequest = Pick<
  ChatCompletionRequest,
  'model' | 'messages' | 'tools' | 'toolChoice' | 'responseFormat' | 'maxTokens' | 'temperature'
>;

export interface SdkCallOptions {
  /** Overrides the provider's key, e.g. to see how the SDK reports a wrong one. */
  apiKey?: string;
  timeoutMs: number;
}

export interface SdkFailure {
  ok: false;
  /** Constructor name of what the SDK threw: SDKError, HTTPValidationError, ConnectionError, ... */
  errorClass: string;
  statusCode: number | null;
  message: string;
  /** First characters of the HTTP body the error carried ('' when none). */
  bodyExcerpt: string;
  /** The error exposes statusCode, body and headers as typed fields (not just a message). */
  hasTypedFields: boolean;
  durationMs: number;
}

export type SdkOutcome<T> = { ok: true; value: T; durationMs: number } | SdkFailure;

export interface SdkDriver {
  chatComplete(request: SdkChatRequest, options: SdkCallOptions): Promise<SdkOutcome<ChatCompletionResponse>>;
  listModels(options: SdkCallOptions): Promise<SdkOutcome<ModelList>>;
}
