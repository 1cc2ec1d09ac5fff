/** @module A provider preset turned into a Target: `{VAR}` parts filled, live budgets for remote APIs. */
import type { ProviderPreset } from '../spec/preset.ts';
import type { Target } from '../spec/target.ts';
import { fillFromEnvironment } from '../suite/load-presets.ts';
import { isLoopbackUrl } from './is-loopback.ts';

/** A preset that cannot become a target as asked (a missing variable, no model): exit 2. */
export class PresetTargetError extends Error {
  readonly code = 'E_TARGET';
}

/** Bounded like the built-in mistral target: a live provider is billed and rate limited. */
const LIVE_BUDGETS = { maxRequests: 500, requestsPerSecond: 1, allowBurst: false, allowDestructive: false };

export function presetTarget(
  preset: ProviderPreset,
  environment: Readonly<Record<string, string | undefined>>,
  modelOverride?: string,
): Target {
  const baseUrl = fillFromEnvironment(preset.baseUrl, environment);
  const model =
    modelOverride ?? (preset.model ? fillFromEnvironment(preset.model, environment).value : undefined);
  const missing = [
    ...new Set([
      ...baseUrl.missing,
      ...(modelOverride || !preset.model ? [] : fillFromEnvironment(preset.model, environment).missing),
    ]),
  ];
  if (missing.length > 0)
    throw new PresetTargetError(
      `target ${preset.id} needs ${missing.join(' and ')} set (${preset.title}: ${preset.baseUrl}); export ${missing.map((name) => `${name}=...`).join(' ')}`,
    );
  if (!model)
    throw new PresetTargetError(
      `target ${preset.id} has no default model (${preset.title}): give --model ID`,
    );
  const url = baseUrl.value.replace(/\/+$/, '');
  return {
    name: preset.id,
    provider: preset.provider,
    baseUrl: url,
    model,
    apiKeyEnv: preset.apiKeyEnv ?? '',
    preset: preset.id,
    auth: preset.auth,
    ...(preset.query ? { query: { ...preset.query } } : {}),
    capabilities: { ...preset.offers },
    ...(preset.regionalEndpoints
      ? { regionalEndpoints: preset.regionalEndpoints.map((entry) => ({ ...entry })) }
      : {}),
    ...(preset.profile ? { profile: preset.profile } : {}),
    ...(isLoopbackUrl(url) ? {} : { budgets: { ...LIVE_BUDGETS } }),
  };
}
