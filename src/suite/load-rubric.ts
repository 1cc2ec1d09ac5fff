/** @module Loads a rubric file: schema, then weights that sum to 1 over exactly the category's components. */
import type { Rubric } from '../spec/rubric.ts';
import { allComponentPaths, CATEGORY_COMPONENTS, CATEGORY_IDS } from '../spec/scorecard.ts';
import { unknownNameMessage } from './closest-match.ts';
import { compareDiagnostics, type Diagnostic } from './diagnostic.ts';
import { entriesOf, fieldOf } from './field-of.ts';
import { rubricSchema } from './rubric-schema.ts';
import { validateWithSchema } from './schema-validator.ts';
import { validatedAtBuild } from './validated-at-build.ts';
import { ValidationError } from './validation-error.ts';
import { diagnosticAt, readYamlFile, type YamlDocument } from './yaml-document.ts';

const WEIGHT_TOLERANCE = 0.001;

/** Loads and validates a rubric; throws ValidationError with every problem found. */
export async function loadRubric(file: string): Promise<Rubric> {
  const { rubric, diagnostics } = await checkRubricFile(file);
  if (!rubric) throw new ValidationError(diagnostics);
  return rubric;
}

export async function checkRubricFile(
  file: string,
): Promise<{ rubric: Rubric | null; diagnostics: Diagnostic[] }> {
  const checked = await validatedAtBuild(file);
  if (checked !== undefined) return { rubric: checked as Rubric, diagnostics: [] };
  const parsed = await readYamlFile(file);
  if (!parsed.document) return { rubric: null, diagnostics: parsed.diagnostics };
  const yaml = parsed.document;
  const diagnostics = [...validateWithSchema(yaml, rubricSchema), ...checkRubricSemantics(yaml)];
  diagnostics.sort(compareDiagnostics);
  return { rubric: diagnostics.length === 0 ? (yaml.value as Rubric) : null, diagnostics };
}

/** Weight keys are the category's components, every component has one, and they sum to 1. */
export function checkRubricSemantics(yaml: YamlDocument): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const categories = fieldOf(yaml.value, 'categories');
  for (const category of CATEGORY_IDS) {
    const weights = fieldOf(fieldOf(categories, category), 'weights');
    const entries = entriesOf(weights);
    if (weights === undefined) continue;
    const known: readonly string[] = CATEGORY_COMPONENTS[category];
    const weightsPath = ['categories', category, 'weights'];
    for (const [component] of entries) {
      if (!known.includes(component)) {
        diagnostics.push(
          diagnosticAt(
            yaml,
            [...weightsPath, component],
            unknownNameMessage(`${category} component`, component, known),
          ),
        );
      }
    }
    const missing = known.filter((component) => !entries.some(([key]) => key === component));
    if (missing.length > 0) {
      diagnostics.push(
        diagnosticAt(yaml, weightsPath, `missing weight for ${missing.join(', ')} (use 0 to ignore one)`),
      );
    }
    const numbers = entries.map(([, weight]) => weight).filter((weight) => typeof weight === 'number');
    const sum = numbers.reduce((total, weight) => total + weight, 0);
    if (numbers.length === entries.length && Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
      diagnostics.push(diagnosticAt(yaml, weightsPath, `weights must sum to 1, they sum to ${round(sum)}`));
    }
  }
  const paths: readonly string[] = allComponentPaths();
  for (const [path] of entriesOf(fieldOf(yaml.value, 'components'))) {
    if (!paths.includes(path)) {
      diagnostics.push(
        diagnosticAt(yaml, ['components', path], unknownNameMessage('component', path, paths)),
      );
    }
  }
  return diagnostics;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
