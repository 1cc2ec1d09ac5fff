/** @module `openai-sdk`: the official `openai` SDK pointed at the target's base URL, one agent step per probe. */
import {
  OPENAI_SDK_SCENARIOS,
  type OpenAiSdkOutcome,
  type OpenAiSdkScenario,
  type OpenAiSdkScenarioSettings,
  type OpenAiSdkStep,
  runOpenAiSdkScenario,
} from '../../providers/openai-sdk-driver.ts';
import type { ProviderExchange } from '../../providers/provider.ts';
import type { FailureReason } from '../../spec/probe-result.ts';
import {
  emptyOutcome,
  type ProbeContext,
  type ProbeKind,
  type ProbeOutcome,
  parametersOf,
} from '../probe-kind.ts';

/** What one SDK step saw (the `openai-sdk` observation). */
export type OpenAiSdkObservations = OpenAiSdkStep;

export interface OpenAiSdkParameters extends OpenAiSdkScenarioSettings {
  scenario: OpenAiSdkScenario;
}

/** A target without streaming answers a stream request with 404/405 or a plain JSON body. */
function streamingMissing(exchanges: ProviderExchange[]): string | null {
  const exchange = exchanges[0];
  if (exchange?.status === null || exchange === undefined) return null;
  if (exchange.status === 404 || exchange.status === 405) return `streaming chat answered ${exchange.status}`;
  if (exchange.status >= 200 && exchange.status < 300 && exchange.sse === undefined) {
    return `asked for a stream, got one ${exchange.headers['content-type'] ?? 'untyped'} body: no streaming`;
  }
  return null;
}

/** Why the step says nothing about the SDK: skipped or errored rather than judged. */
export function unjudgedStep(result: OpenAiSdkOutcome): {
  skip?: { reason: FailureReason; detail: string };
  failure?: { reason: FailureReason; detail: string };
} {
  if (result.scenario === 'stream-text' || result.scenario === 'stream-tool-call') {
    const missing = streamingMissing(result.exchanges);
    if (missing) return { skip: { reason: 'not-supported', detail: missing } };
  }
  if (result.scenario === 'error-rate-limit' && result.ok) {
    const sent = result.answer.requestsSent ?? 0;
    return {
      skip: {
        reason: 'not-applicable',
        detail: `no 429 within ${sent} SDK requests: the target cannot be made to throttle cheaply`,
      },
    };
  }
  // No answer at all (refused, reset, timed out) is the target's unavailability, not SDK behaviour.
  if (!result.ok && result.error.status === null && result.error.transport) {
    return { failure: { ...result.error.transport } };
  }
  return {};
}

/** A burst keeps its first request and the 429 behind the error; other steps keep every exchange. */
function evidenceOf(result: OpenAiSdkOutcome): ProviderExchange[] {
  if (result.scenario !== 'error-rate-limit') return result.exchanges;
  const throttled = result.exchanges.find((exchange) => exchange.status === 429);
  return [result.exchanges[0], throttled].filter((exchange) => exchange !== undefined);
}

export const openAiSdkKind: ProbeKind<'openai-sdk'> = {
  name: 'openai-sdk',
  parameters: {
    type: 'object',
    required: ['scenario'],
    properties: {
      scenario: { type: 'string', enum: [...OPENAI_SDK_SCENARIOS] },
      schema: { type: 'object' },
      maxRequests: { type: 'integer', minimum: 1, maximum: 1000 },
      concurrency: { type: 'integer', minimum: 1, maximum: 64 },
    },
    additionalProperties: false,
  },
  async run(context: ProbeContext): Promise<ProbeOutcome> {
    const { scenario, ...settings } = parametersOf<OpenAiSdkParameters>(context);
    const result = await runOpenAiSdkScenario(
      scenario,
      {
        baseUrl: context.target.baseUrl,
        model: context.target.model,
        timeoutMs: context.timeoutMs,
        send: (request, options) => context.send(request, options),
        containsSecret: (text) => context.containsSecret(text),
      },
      settings,
    );
    // The run refused the request (budget spent, interrupted): the runner records that, not the SDK.
    if (result.runStopped !== undefined) throw result.runStopped;
    const outcome = emptyOutcome();
    outcome.exchanges = evidenceOf(result);
    outcome.timings = { e2eMs: result.durationMs };
    const unjudged = unjudgedStep(result);
    if (unjudged.skip) outcome.skip = unjudged.skip;
    else if (unjudged.failure) outcome.failure = unjudged.failure;
    else {
      const { exchanges: _exchanges, runStopped: _runStopped, ...step } = result;
      outcome.observation = { kind: 'openai-sdk', data: step satisfies OpenAiSdkStep };
    }
    return outcome;
  },
};
