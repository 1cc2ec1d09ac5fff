/** @module SDK calls make requests too: they count against the run budget and wait for the rate cap. */
import type { SdkDriver } from '../providers/sdk-driver.ts';
import type { RequestGate } from './request-gate.ts';

export function gatedSdk(sdk: SdkDriver, gate: Pick<RequestGate, 'acquire'>): SdkDriver {
  return {
    chatComplete: async (request, options) => {
      await gate.acquire();
      return sdk.chatComplete(request, options);
    },
    listModels: async (options) => {
      await gate.acquire();
      return sdk.listModels(options);
    },
  };
}
