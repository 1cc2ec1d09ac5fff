/**
 * @module The rubric is the one catalogue of checks (DESIGN §4): every check a suite emits is in it, under
 * the component the suite feeds, and every rubric check is emitted by some suite unless the scorer
 * derives it from all results (`derived: true`) or the runner adds it to results itself.
 */
import type { SuiteSpec } from '../spec/suite.ts';
import type { Diagnostic } from './diagnostic.ts';
import { entriesOf, fieldOf } from './field-of.ts';
import { diagnosticAt, readYamlFile, type YamlDocument } from './yaml-document.ts';

/** A check the runner adds to results without a suite naming it (e.g. `availability`). */
export interface ImpliedCheck {
  id: string;
  component: string;
}

interface CatalogueEntry {
  component: string;
  derived: boolean;
}

function catalogueOf(rubric: YamlDocument): Map<string, CatalogueEntry> {
  const entries = new Map<string, CatalogueEntry>();
  for (const [component, spec] of entriesOf(fieldOf(rubric.value, 'components'))) {
    for (const [id, check] of entriesOf(fieldOf(spec, 'checks'))) {
      entries.set(id, { component, derived: fieldOf(check, 'derived') === true });
    }
  }
  return entries;
}

interface Emitted {
  id: string;
  component: string | null;
  file: string;
  segments: (string | number)[];
}

function emittedBy(suite: SuiteSpec): Emitted[] {
  return suite.probes.flatMap((probe, probeIndex) =>
    (probe.expect ?? []).map((expectation, expectationIndex) => ({
      id: expectation.check ?? expectation.assert,
      component: expectation.feeds === undefined ? (probe.feeds ?? null) : expectation.feeds,
      file: suite.file ?? '',
      segments: [
        'probes',
        probeIndex,
        'expect',
        expectationIndex,
        expectation.check === undefined ? 'assert' : 'check',
      ],
    })),
  );
}

/**
 * Diagnostics both ways between valid `suites` and one valid rubric file. `complete` says the suites
 * are every suite there is: only then can a rubric check be said to be emitted by none.
 */
export async function crossCheckCatalogue(
  suites: readonly SuiteSpec[],
  rubricFile: string,
  options: { complete: boolean; implied?: readonly ImpliedCheck[] },
): Promise<Diagnostic[]> {
  const parsed = await readYamlFile(rubricFile);
  if (!parsed.document) return [];
  const rubric = parsed.document;
  const catalogue = catalogueOf(rubric);
  const emitted = [...suites.flatMap(emittedBy)];
  const diagnostics: Diagnostic[] = [];
  const suiteDocuments = new Map<string, YamlDocument | null>();
  const locate = async (item: Emitted, message: string): Promise<Diagnostic> => {
    if (!suiteDocuments.has(item.file))
      suiteDocuments.set(item.file, (await readYamlFile(item.file)).document ?? null);
    const document = suiteDocuments.get(item.file);
    return document
      ? diagnosticAt(document, item.segments, message)
      : { file: item.file, line: 1, column: 1, path: '', message };
  };
  // One diagnostic per check id and file: its first use is where to fix it.
  const reported = new Set<string>();
  for (const item of emitted) {
    const key = `${item.file}\0${item.id}`;
    if (reported.has(key)) continue;
    const entry = catalogue.get(item.id);
    // A check that feeds no component only informs (metrics, details): the rubric need not know it.
    if (!entry && item.component === null) continue;
    if (!entry || (item.component !== null && item.component !== entry.component)) reported.add(key);
    if (!entry) {
      diagnostics.push(await locate(item, `check "${item.id}" is not in the rubric (${rubricFile})`));
    } else if (item.component !== null && item.component !== entry.component) {
      diagnostics.push(
        await locate(
          item,
          `check "${item.id}" feeds ${item.component} here but the rubric (${rubricFile}) lists it under ${entry.component}`,
        ),
      );
    }
  }
  if (options.complete) {
    const emittedIds = new Set([
      ...emitted.map((item) => item.id),
      ...(options.implied ?? []).map((c) => c.id),
    ]);
    for (const [id, entry] of catalogue) {
      if (entry.derived || emittedIds.has(id)) continue;
      diagnostics.push(
        diagnosticAt(
          rubric,
          ['components', entry.component, 'checks', id],
          `check "${id}" is emitted by no suite (mark it "derived: true" if the scorer computes it from all results)`,
        ),
      );
    }
  }
  return diagnostics;
}
