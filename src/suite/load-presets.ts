/** @module Loads the provider presets (presets/*.yaml), validated with file:line errors. */
import { basename } from 'node:path';
import type { ProviderPreset } from '../spec/preset.ts';
import { compareDiagnostics, type Diagnostic } from './diagnostic.ts';
import { listYamlFiles } from './list-yaml-files.ts';
import { presetSchema } from './preset-schema.ts';
import { validateWithSchema } from './schema-validator.ts';
import { validatedAtBuild } from './validated-at-build.ts';
import { ValidationError } from './validation-error.ts';
import { diagnosticAt, readYamlFile } from './yaml-document.ts';

export async function checkPresetFile(
  file: string,
): Promise<{ preset: ProviderPreset | null; diagnostics: Diagnostic[] }> {
  const checked = await validatedAtBuild(file);
  if (checked !== undefined) return { preset: checked as ProviderPreset, diagnostics: [] };
  const parsed = await readYamlFile(file);
  if (!parsed.document) return { preset: null, diagnostics: parsed.diagnostics };
  const yaml = parsed.document;
  const diagnostics = validateWithSchema(yaml, presetSchema);
  const id = (yaml.value as { id?: unknown } | null)?.id;
  if (diagnostics.length === 0 && typeof id === 'string' && `${id}.yaml` !== basename(file))
    diagnostics.push(diagnosticAt(yaml, ['id'], `id "${id}" does not match the file name ${basename(file)}`));
  diagnostics.sort(compareDiagnostics);
  return { preset: diagnostics.length === 0 ? (yaml.value as ProviderPreset) : null, diagnostics };
}

/** Every preset in `dir`, by id; throws ValidationError listing every problem in every file. */
export async function loadPresets(dir: string): Promise<Map<string, ProviderPreset>> {
  const presets = new Map<string, ProviderPreset>();
  const problems: Diagnostic[] = [];
  for (const file of await listYamlFiles(dir)) {
    const { preset, diagnostics } = await checkPresetFile(file);
    problems.push(...diagnostics);
    if (preset) presets.set(preset.id, preset);
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return presets;
}

/** `{VAR}` parts of a preset's base URL or model, filled from the environment; names the missing ones. */
export function fillFromEnvironment(
  template: string,
  environment: Readonly<Record<string, string | undefined>>,
): { value: string; missing: string[] } {
  const missing: string[] = [];
  const value = template.replace(/\{([A-Z_][A-Z0-9_]*)\}/g, (_match, name: string) => {
    const found = environment[name];
    if (found === undefined || found === '') {
      missing.push(name);
      return `{${name}}`;
    }
    return found.replace(/\/+$/, '');
  });
  return { value, missing };
}
