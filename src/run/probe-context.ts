/** @module The context a probe kind runs in: template variables, rendering, and sending through the gate. */
import type { ProbeContext } from '../probes/probe-kind.ts';
import type { Provider, ProviderRequest } from '../providers/provider.ts';
import type { TokenUsage } from '../spec/probe-result.ts';
import type { RequestTemplate } from '../spec/suite.ts';
import type { Target } from '../spec/target.ts';
import { renderTemplate } from '../suite/render-template.ts';
import { addExchange, type ExchangeTokens } from './exchange-usage.ts';
import { gatedSdk } from './gated-sdk.ts';
import type { PlannedProbe } from './plan-probes.ts';
import type { RequestGate } from './request-gate.ts';

export interface ExecuteEnvironment {
  runId: string;
  target: Target;
  provider: Provider;
  gate: RequestGate;
  timeoutMs: number;
  isLoopback: boolean;
  canaries: ProbeContext['canaries'];
  containsSecret: (text: string) => boolean;
  signal: AbortSignal;
}

/** Throttled attempts and waiting a probe's requests took, filled in as it sends. */
export interface SendTally {
  attempts: number;
  throttledWaitMs: number;
  /** Tokens the probe's exchanges reported; stays null while no exchange was token-bearing. */
  usage?: TokenUsage | null;
}

/**
 * What suite templates may use. `{{key}}`/`{{key_base64}}` render to themselves: the provider puts
 * the key in at the last moment, so it never passes through templates or results.
 */
export function templateVariables(
  item: Pick<PlannedProbe, 'probe'>,
  environment: Pick<ExecuteEnvironment, 'target' | 'canaries'>,
): Record<string, unknown> {
  const fillerChars = Number(item.probe.with?.fillerChars ?? 0);
  return {
    model: environment.target.model,
    canary: environment.canaries,
    key: '{{key}}',
    key_base64: '{{key_base64}}',
    filler: fillerChars > 0 ? 'lorem ipsum '.repeat(Math.ceil(fillerChars / 12)).slice(0, fillerChars) : '',
    ...(item.probe.with ?? {}),
  };
}

export function probeContext(
  item: PlannedProbe,
  environment: ExecuteEnvironment,
  tally: SendTally,
): ProbeContext {
  const vars = templateVariables(item, environment);
  return {
    probe: item.probe,
    target: environment.target,
    runId: environment.runId,
    canaries: environment.canaries,
    isLoopback: environment.isLoopback,
    timeoutMs: environment.timeoutMs,
    vars,
    sdk: environment.provider.sdk
      ? gatedSdk(environment.provider.sdk, environment.gate, (tokens) => countTokens(tally, tokens))
      : undefined,
    signal: environment.signal,
    containsSecret: environment.containsSecret,
    render: (template: RequestTemplate, extra = {}): ProviderRequest => {
      const rendered = renderTemplate(template, { ...vars, ...extra }) as RequestTemplate;
      return {
        method:
          rendered.method ?? (rendered.body === undefined && rendered.rawBody === undefined ? 'GET' : 'POST'),
        path: rendered.path,
        headers: rendered.headers,
        query: rendered.query,
        auth: rendered.auth ?? { mode: 'bearer' },
        body: rendered.body,
        rawBody: rendered.rawBody,
        stream: rendered.stream,
        timeoutMs: environment.timeoutMs,
      };
    },
    send: async (request, options) => {
      const sent = await environment.gate.send(request, options?.acceptThrottle);
      tally.attempts = Math.max(tally.attempts, sent.attempts);
      tally.throttledWaitMs += sent.throttledWaitMs;
      countTokens(tally, sent.tokens);
      return sent.exchange;
    },
  };
}

function countTokens(tally: SendTally, tokens: ExchangeTokens | 'unmetered' | null): void {
  const usage = tally.usage ?? { input: 0, output: 0, exchangesWithUsage: 0, unmetered: 0 };
  if (addExchange(usage, tokens)) tally.usage = usage;
}
