/**
 * @module The package's programmatic API (`import { evaluate } from 'agentscore'`): the same functions
 * the CLI's run, score, report and compare commands call. Nothing here prints or exits; failures are
 * thrown as typed errors with a stable `code`.
 */

export { type CompareRunsOptions, compareRunFolders as compareRuns } from './api/compare-run-folders.ts';
export { type EvaluateOptions, type EvaluateResult, evaluate } from './api/evaluate.ts';
export { loadSuiteFolder as loadSuites } from './api/load-suite-folder.ts';
export { type RenderReportsOptions, renderReports } from './api/render-reports.ts';
export type { RunFiles } from './api/run-files.ts';
export { SCHEMAS_DIR, schemaPath } from './api/schemas-dir.ts';
export { type ScoreOptions, type ScoreResult, score } from './api/score.ts';

export type { Alert } from './history/alert.ts';
export type { RunComparison } from './history/compare-runs.ts';
export type { ReporterName } from './report/reporter-names.ts';
export type { ReporterFailure } from './report/write-reports.ts';
export type { Shard } from './run/plan-probes.ts';
export { TargetError } from './run/resolve-target.ts';
export { ResultsFileError } from './run/results-file.ts';
export { RunFolderError } from './run/run-folder.ts';
export type { RunManifest } from './run/run-manifest.ts';
export { RunSettingsError } from './run/run-settings.ts';
export type { RunEvents, RunSummary } from './run/run-suites.ts';
export type { PreflightRecord } from './spec/preflight-record.ts';
export type { CheckResult, FailureReason, ProbeResult, ProbeStatus } from './spec/probe-result.ts';
export type { CategoryId, ComponentScore, Scorecard } from './spec/scorecard.ts';
export type { SuiteSpec } from './spec/suite.ts';
export type { Target } from './spec/target.ts';
export { ValidationError } from './suite/validation-error.ts';
