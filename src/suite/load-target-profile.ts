/** @module Loads a target profile (attested evidence) by name from fixtures/profiles/ or by path. */
import { join } from 'node:path';
import type { TargetProfile } from '../spec/target-profile.ts';
import { compareDiagnostics, type Diagnostic } from './diagnostic.ts';
import { fieldOf } from './field-of.ts';
import { validateWithSchema } from './schema-validator.ts';
import { targetProfileSchema } from './target-profile-schema.ts';
import { ValidationError } from './validation-error.ts';
import { diagnosticAt, readYamlFile, type YamlDocument } from './yaml-document.ts';

export const DEFAULT_PROFILES_DIR = 'fixtures/profiles';

/** The file a profile name or path refers to: a bare name `mistral` means `PROFILES_DIR/mistral.yaml`. */
export function targetProfileFile(nameOrFile: string, profilesDir = DEFAULT_PROFILES_DIR): string {
  const isPath = /[\\/]/.test(nameOrFile) || /\.ya?ml$/i.test(nameOrFile);
  return isPath ? nameOrFile : join(profilesDir, `${nameOrFile}.yaml`);
}

/** Loads and validates a target profile; throws ValidationError with every problem found. */
export async function loadTargetProfile(
  nameOrFile: string,
  profilesDir = DEFAULT_PROFILES_DIR,
): Promise<TargetProfile> {
  const { profile, diagnostics } = await checkTargetProfileFile(targetProfileFile(nameOrFile, profilesDir));
  if (!profile) throw new ValidationError(diagnostics);
  return profile;
}

export async function checkTargetProfileFile(
  file: string,
): Promise<{ profile: TargetProfile | null; diagnostics: Diagnostic[] }> {
  const parsed = await readYamlFile(file);
  if (!parsed.document) return { profile: null, diagnostics: parsed.diagnostics };
  const yaml = parsed.document;
  const diagnostics = [...validateWithSchema(yaml, targetProfileSchema), ...checkProfileSemantics(yaml)];
  diagnostics.sort(compareDiagnostics);
  return { profile: diagnostics.length === 0 ? (yaml.value as TargetProfile) : null, diagnostics };
}

/** Claim ids are unique (scores and gotchas cite them); so are priced models, and prices are re-read after they were read. */
export function checkProfileSemantics(yaml: YamlDocument): Diagnostic[] {
  const diagnostics = checkPrices(yaml);
  const claims = fieldOf(yaml.value, 'claims');
  if (!Array.isArray(claims)) return diagnostics;
  const indexById = new Map<string, number>();
  claims.forEach((claim: unknown, index) => {
    const id = fieldOf(claim, 'id');
    if (typeof id !== 'string') return;
    const earlier = indexById.get(id);
    if (earlier === undefined) indexById.set(id, index);
    else
      diagnostics.push(
        diagnosticAt(yaml, ['claims', index, 'id'], `duplicate claim id "${id}" (also claims[${earlier}])`),
      );
  });
  return diagnostics;
}

/** One price per model (a second would make the run's cost ambiguous); `reverifyBy` not before `asOf`. */
function checkPrices(yaml: YamlDocument): Diagnostic[] {
  const prices = fieldOf(yaml.value, 'prices');
  if (!Array.isArray(prices)) return [];
  const diagnostics: Diagnostic[] = [];
  const indexByModel = new Map<string, number>();
  prices.forEach((price: unknown, index) => {
    const model = fieldOf(price, 'model');
    if (typeof model === 'string') {
      const earlier = indexByModel.get(model);
      if (earlier === undefined) indexByModel.set(model, index);
      else
        diagnostics.push(
          diagnosticAt(
            yaml,
            ['prices', index, 'model'],
            `duplicate price for model "${model}" (also prices[${earlier}])`,
          ),
        );
    }
    const asOf = fieldOf(price, 'asOf');
    const reverifyBy = fieldOf(price, 'reverifyBy');
    if (typeof asOf === 'string' && typeof reverifyBy === 'string' && reverifyBy < asOf)
      diagnostics.push(
        diagnosticAt(
          yaml,
          ['prices', index, 'reverifyBy'],
          `reverifyBy ${reverifyBy} is before asOf ${asOf}`,
        ),
      );
  });
  return diagnostics;
}
