/** @module The provider a run talks through: the run's scrubber and canaries, and the optional wrapper (cassettes). */
import type { Canaries } from '../probes/probe-kind.ts';
import type { Provider } from '../providers/provider.ts';
import { createScrubber, type Scrub } from '../providers/scrub-secrets.ts';
import { createCanaries } from './canaries.ts';

export interface RunProvider {
  provider: Provider;
  scrub: Scrub;
  canaries: Canaries;
}

/** A replayed cassette brings its recorded canaries; otherwise they are random per run. */
export function runProvider(options: {
  provider: Provider;
  canaries?: Canaries;
  wrapProvider?: (provider: Provider, canaries: Canaries, scrub: Scrub) => Provider;
}): RunProvider {
  const scrub = createScrubber(options.provider.secrets());
  const canaries = options.canaries ?? createCanaries();
  const provider = options.wrapProvider
    ? options.wrapProvider(options.provider, canaries, scrub)
    : options.provider;
  return { provider, scrub, canaries };
}
