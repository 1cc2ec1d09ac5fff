/**
 * @module The official SDK packages whose dependency hygiene is judged. The report itself comes from the
 * package as published on the npm registry at run time (probes/published-sdk-report.ts), never from the
 * copy in our own node_modules: that would score the harness's lockfile, identically for every target.
 */

export const MISTRAL_SDK_PACKAGE = '@mistralai/mistralai';
