/** @module Where the built-in suites, rubric and target profiles live (inside the package). */
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export const PROJECT_PATHS = {
  root,
  suites: `${root}suites`,
  rubric: `${root}rubrics/default.yaml`,
  profiles: `${root}fixtures/profiles`,
  presets: `${root}presets`,
  config: 'agentscore.config.yaml',
};
