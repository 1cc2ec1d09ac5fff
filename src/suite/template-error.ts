/** @module TemplateError: a request template could not be rendered (unknown placeholder, bad syntax). */
import { formatJsonPath, type PathSegment } from './diagnostic.ts';

export class TemplateError extends Error {
  readonly code = 'E_TEMPLATE';
  override readonly name = 'TemplateError';
  /** Where in the templated value the failing string sits, e.g. `body.messages[0].content`. */
  readonly path: PathSegment[];
  /** The unknown placeholder, e.g. `canary.phone`, when that was the cause. */
  readonly placeholder: string | undefined;
  readonly detail: string;

  constructor(detail: string, options: { placeholder?: string; path?: PathSegment[]; cause?: unknown } = {}) {
    const path = options.path ?? [];
    super(path.length > 0 ? `${formatJsonPath(path)}: ${detail}` : detail, { cause: options.cause });
    this.detail = detail;
    this.path = path;
    this.placeholder = options.placeholder;
  }

  /** The same error, located one level further out. */
  within(segment: PathSegment): TemplateError {
    return new TemplateError(this.detail, {
      placeholder: this.placeholder,
      path: [segment, ...this.path],
      cause: this.cause,
    });
  }
}
