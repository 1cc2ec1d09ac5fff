/** @module JSON Schema (draft 2020-12) for a rubric file in rubrics/ (Rubric in src/spec/rubric.ts). */
import { CATEGORY_IDS } from '../spec/scorecard.ts';
import { idSchema, nonEmptyString, score0to100 } from './schema-parts.ts';

const weightsSchema = {
  type: 'object',
  additionalProperties: { type: 'number', minimum: 0, maximum: 1 },
} as const;

const categorySchema = {
  type: 'object',
  required: ['weights'],
  additionalProperties: false,
  properties: { weights: weightsSchema },
} as const;

const capSchema = {
  type: 'object',
  required: ['max', 'label'],
  additionalProperties: false,
  properties: { max: score0to100, label: nonEmptyString },
} as const;

const checkSchema = {
  type: 'object',
  required: ['points', 'description'],
  additionalProperties: false,
  properties: { points: score0to100, description: nonEmptyString, cap: capSchema },
} as const;

const componentSchema = {
  type: 'object',
  required: ['nullAggregation', 'description', 'checks'],
  additionalProperties: false,
  properties: {
    nullAggregation: { type: 'string', enum: ['exclude', 'zero'] },
    description: nonEmptyString,
    checks: { type: 'object', propertyNames: idSchema, additionalProperties: checkSchema },
    bonuses: {
      type: 'object',
      propertyNames: idSchema,
      additionalProperties: {
        type: 'object',
        required: ['points', 'description'],
        additionalProperties: false,
        properties: { points: score0to100, description: nonEmptyString },
      },
    },
    attested: {
      type: 'object',
      propertyNames: idSchema,
      additionalProperties: {
        type: 'object',
        required: ['description'],
        additionalProperties: false,
        properties: { description: nonEmptyString, points: score0to100, cap: capSchema },
      },
    },
  },
} as const;

export const rubricSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://agentscore.dev/schemas/rubric.json',
  type: 'object',
  required: ['rubricVersion', 'categories', 'components'],
  additionalProperties: false,
  properties: {
    rubricVersion: nonEmptyString,
    categories: {
      type: 'object',
      required: CATEGORY_IDS,
      additionalProperties: false,
      properties: Object.fromEntries(CATEGORY_IDS.map((category) => [category, categorySchema])),
    },
    /** Keys are checked against the ComponentPath list by the loader, with positions. */
    components: { type: 'object', additionalProperties: componentSchema },
  },
} as const;
