/** @module ValidationError: a file (or several) failed validation; carries every diagnostic found. */
import { type Diagnostic, formatDiagnostic } from './diagnostic.ts';

export class ValidationError extends Error {
  readonly code = 'E_VALIDATION';
  override readonly name = 'ValidationError';
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const count = diagnostics.length;
    const lines = diagnostics.map(formatDiagnostic).join('\n');
    super(`${count} validation error${count === 1 ? '' : 's'}:\n${lines}`);
    this.diagnostics = diagnostics;
  }
}
