/** @module Loads agentscore.config.yaml: named targets (Target.name is the key) and run defaults. */
import type { Target } from '../spec/target.ts';
import { configSchema } from './config-schema.ts';
import type { Diagnostic } from './diagnostic.ts';
import { validateWithSchema } from './schema-validator.ts';
import { ValidationError } from './validation-error.ts';
import { readYamlFile } from './yaml-document.ts';

export const DEFAULT_CONFIG_FILE = 'agentscore.config.yaml';

/** Run settings a config may default (a flag still wins; see run/run-settings.ts). */
export interface RunDefaults {
  concurrency?: number;
  timeoutMs?: number;
  budgetRequests?: number;
  maxRunSeconds?: number;
}

export interface AgentscoreConfig {
  targets: Record<string, Target>;
  defaults: RunDefaults;
}

/** Loads and validates the config file; throws ValidationError with every problem found. */
export async function loadConfig(file = DEFAULT_CONFIG_FILE): Promise<AgentscoreConfig> {
  const { config, diagnostics } = await checkConfigFile(file);
  if (!config) throw new ValidationError(diagnostics);
  return config;
}

export async function checkConfigFile(
  file: string,
): Promise<{ config: AgentscoreConfig | null; diagnostics: Diagnostic[] }> {
  const parsed = await readYamlFile(file);
  if (!parsed.document) return { config: null, diagnostics: parsed.diagnostics };
  const diagnostics = validateWithSchema(parsed.document, configSchema);
  if (diagnostics.length > 0) return { config: null, diagnostics };
  const raw = parsed.document.value as {
    targets: Record<string, Omit<Target, 'name'>>;
    defaults?: RunDefaults;
  };
  const targets = Object.fromEntries(
    Object.entries(raw.targets).map(([name, target]) => [name, { name, ...target }]),
  );
  return { config: { targets, defaults: raw.defaults ?? {} }, diagnostics };
}
