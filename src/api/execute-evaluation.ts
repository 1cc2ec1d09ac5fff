/**
 * @module One evaluation against a live target or a replayed cassette: the provider is created, the
 * suites run, the run is scored and rendered, the provider is closed. Shared by the library's
 * `evaluate` and the CLI's run, demo and monitor; it prints nothing and never exits.
 */
import type { Canaries } from '../probes/probe-kind.ts';
import { createProvider } from '../providers/create-provider.ts';
import type { Provider } from '../providers/provider.ts';
import { loadCassette, recordingProvider } from '../run/cassette-provider.ts';
import { type EvaluateOptions, type Evaluation, evaluateTarget } from '../run/evaluate-target.ts';
import { validateBaseUrl } from '../run/preflight.ts';
import { TargetError } from '../run/resolve-target.ts';
import type { Target } from '../spec/target.ts';

export interface EvaluationRequest
  extends Omit<
    EvaluateOptions,
    'provider' | 'providerFor' | 'replay' | 'canaries' | 'wrapProvider' | 'signal' | 'events'
  > {
  target: Target;
  /** The key, in memory only; never written to the run folder. Unused when replaying. */
  apiKey: string;
  /** Record every exchange into this cassette folder (scrubbed). */
  recordDir?: string;
  /** Replay a recorded cassette instead of contacting the target. */
  replayDir?: string;
  signal: AbortSignal;
  events?: EvaluateOptions['events'];
}

/** Runs one evaluation; a base URL that cannot be one is refused (TargetError) before any request. */
export async function executeEvaluation(request: EvaluationRequest): Promise<Evaluation> {
  // Refused before any request: `127.0.0.1:8000` would otherwise become 84 internal errors.
  const badUrl = validateBaseUrl(request.target.baseUrl);
  if (badUrl !== null) throw new TargetError(badUrl);
  const { apiKey, recordDir, replayDir, ...options } = request;
  const cassette = replayDir ? loadCassette(replayDir) : null;
  const provider = cassette
    ? cassette.provider({ kind: request.target.provider, target: request.target })
    : createProvider(request.target, apiKey);
  const wrapProvider = recordDir
    ? (inner: Provider, canaries: Canaries, scrub: (text: string) => string) =>
        recordingProvider(inner, recordDir, canaries, scrub)
    : undefined;
  try {
    return await evaluateTarget({
      ...options,
      provider,
      canaries: cassette?.header.canaries,
      wrapProvider,
      replay: cassette !== null,
      providerFor: (target: Target) => createProvider(target, apiKey),
    });
  } finally {
    await provider.close();
  }
}
