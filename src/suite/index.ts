/** @module Public API of suite/: loading and validating suites, rubrics, target profiles and config. */
export { type Diagnostic, formatDiagnostic, formatJsonPath, type PathSegment } from './diagnostic.ts';
export { type AgentscoreConfig, DEFAULT_CONFIG_FILE, loadConfig, type RunDefaults } from './load-config.ts';
export { loadRubric } from './load-rubric.ts';
export { checkSuiteFiles, loadSuites, type SuiteRegistry } from './load-suites.ts';
export { DEFAULT_PROFILES_DIR, loadTargetProfile, targetProfileFile } from './load-target-profile.ts';
export { renderTemplate, templateSyntaxError } from './render-template.ts';
export { TemplateError } from './template-error.ts';
export { type FileKind, kindByLocation, validateFiles } from './validate-files.ts';
export { ValidationError } from './validation-error.ts';
export { parseYaml, positionOf, type YamlDocument } from './yaml-document.ts';
