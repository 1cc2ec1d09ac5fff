/**
 * @module SDK calls make requests too: they count against the run budget, wait for the rate cap, and
 * the tokens their answers report count towards the run's usage, cost and token budget.
 */
import type { SdkDriver } from '../providers/sdk-driver.ts';
import type { ExchangeTokens } from './exchange-usage.ts';
import type { RequestGate } from './request-gate.ts';

/** The tokens of an SDK chat answer (`usage` in the SDK's camelCase), or 'unmetered' when it has none. */
function sdkAnswerTokens(value: { usage?: unknown }): ExchangeTokens | 'unmetered' {
  const usage = (value.usage ?? {}) as { promptTokens?: unknown; completionTokens?: unknown };
  const input = typeof usage.promptTokens === 'number' ? usage.promptTokens : null;
  const output = typeof usage.completionTokens === 'number' ? usage.completionTokens : null;
  if (input === null && output === null) return 'unmetered';
  return { input: input ?? 0, output: output ?? 0 };
}

export function gatedSdk(
  sdk: SdkDriver,
  gate: Pick<RequestGate, 'acquire' | 'record'>,
  onTokens?: (tokens: ExchangeTokens | 'unmetered') => void,
): SdkDriver {
  return {
    chatComplete: async (request, options) => {
      await gate.acquire();
      const outcome = await sdk.chatComplete(request, options);
      if (outcome.ok) {
        const tokens = sdkAnswerTokens(outcome.value);
        gate.record(tokens);
        onTokens?.(tokens);
      }
      return outcome;
    },
    listModels: async (options) => {
      await gate.acquire();
      return sdk.listModels(options);
    },
  };
}
