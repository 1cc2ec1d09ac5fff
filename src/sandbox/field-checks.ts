/** @module sandbox/field-checks — small pydantic-like field rules producing FastAPI validation details. */
import type { ValidationDetail } from './error-bodies.ts';

export type Loc = Array<string | number>;
/** A rule appends zero or more issues for `value` found at `loc`. */
export type FieldRule = (value: unknown, loc: Loc, issues: ValidationDetail[]) => void;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function issue(
  type: string,
  loc: Loc,
  msg: string,
  input: unknown,
  ctx?: Record<string, unknown>,
): ValidationDetail {
  return ctx === undefined ? { type, loc, msg, input } : { type, loc, msg, input, ctx };
}

export const stringRule: FieldRule = (value, loc, issues) => {
  if (typeof value !== 'string')
    issues.push(issue('string_type', loc, 'Input should be a valid string', value));
};

export const booleanRule: FieldRule = (value, loc, issues) => {
  if (typeof value !== 'boolean')
    issues.push(issue('bool_type', loc, 'Input should be a valid boolean', value));
};

export const dictionaryRule: FieldRule = (value, loc, issues) => {
  if (!isRecord(value)) issues.push(issue('dict_type', loc, 'Input should be a valid dictionary', value));
};

interface Bounds {
  ge?: number;
  gt?: number;
  le?: number;
}

function checkBounds(value: number, bounds: Bounds, loc: Loc, issues: ValidationDetail[]): void {
  if (bounds.ge !== undefined && value < bounds.ge) {
    issues.push(
      issue('greater_than_equal', loc, `Input should be greater than or equal to ${bounds.ge}`, value, {
        ge: bounds.ge,
      }),
    );
  }
  if (bounds.gt !== undefined && value <= bounds.gt) {
    issues.push(
      issue('greater_than', loc, `Input should be greater than ${bounds.gt}`, value, { gt: bounds.gt }),
    );
  }
  if (bounds.le !== undefined && value > bounds.le) {
    issues.push(
      issue('less_than_equal', loc, `Input should be less than or equal to ${bounds.le}`, value, {
        le: bounds.le,
      }),
    );
  }
}

export function numberRule(bounds: Bounds = {}): FieldRule {
  return (value, loc, issues) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      issues.push(issue('float_type', loc, 'Input should be a valid number', value));
      return;
    }
    checkBounds(value, bounds, loc, issues);
  };
}

export function integerRule(bounds: Bounds = {}): FieldRule {
  return (value, loc, issues) => {
    if (typeof value === 'number' && Number.isFinite(value) && !Number.isInteger(value)) {
      issues.push(
        issue(
          'int_from_float',
          loc,
          'Input should be a valid integer, got a number with a fractional part',
          value,
        ),
      );
      return;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      issues.push(issue('int_type', loc, 'Input should be a valid integer', value));
      return;
    }
    checkBounds(value, bounds, loc, issues);
  };
}

function describeChoices(values: readonly string[]): string {
  const quoted = values.map((value) => `'${value}'`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

export function enumRule(values: readonly string[]): FieldRule {
  return (value, loc, issues) => {
    if (typeof value !== 'string' || !values.includes(value)) {
      const expected = describeChoices(values);
      issues.push(issue('enum', loc, `Input should be ${expected}`, value, { expected }));
    }
  };
}

export function nullable(rule: FieldRule): FieldRule {
  return (value, loc, issues) => {
    if (value !== null) rule(value, loc, issues);
  };
}

export function listRule(itemRule: FieldRule): FieldRule {
  return (value, loc, issues) => {
    if (!Array.isArray(value)) {
      issues.push(issue('list_type', loc, 'Input should be a valid list', value));
      return;
    }
    for (const [index, item] of value.entries()) itemRule(item, [...loc, index], issues);
  };
}

/** Tries each branch; when all fail, reports every branch's issues under its pydantic branch label. */
export function unionRule(branches: Array<[label: string, rule: FieldRule]>): FieldRule {
  return (value, loc, issues) => {
    const collected: ValidationDetail[] = [];
    for (const [label, rule] of branches) {
      const branchIssues: ValidationDetail[] = [];
      rule(value, [...loc, label], branchIssues);
      if (branchIssues.length === 0) return;
      collected.push(...branchIssues);
    }
    issues.push(...collected);
  };
}

/** Checks an object model with `extra = "forbid"`: missing required fields, unknown fields, then each rule. */
export function checkModel(
  value: unknown,
  loc: Loc,
  fields: Record<string, FieldRule>,
  required: readonly string[],
  issues: ValidationDetail[],
): void {
  if (!isRecord(value)) {
    issues.push(
      issue(
        'model_attributes_type',
        loc,
        'Input should be a valid dictionary or object to extract fields from',
        value,
      ),
    );
    return;
  }
  for (const name of required) {
    if (!(name in value)) issues.push(issue('missing', [...loc, name], 'Field required', value));
  }
  for (const [name, fieldValue] of Object.entries(value)) {
    const rule = fields[name];
    if (rule === undefined) {
      issues.push(issue('extra_forbidden', [...loc, name], 'Extra inputs are not permitted', fieldValue));
    } else {
      rule(fieldValue, [...loc, name], issues);
    }
  }
}

export function modelRule(fields: Record<string, FieldRule>, required: readonly string[] = []): FieldRule {
  return (value, loc, issues) => checkModel(value, loc, fields, required, issues);
}
