/** @module JSON Schema (draft 2020-12) for a rubric file in rubrics/ (Rubric in src/spec/rubric.ts). */
import { CATEGORY_IDS } from '../spec/scorecard.ts';
import { idSchema, nonEmptyString, score0to100 } from './schema-parts.ts';

const share = { type: 'number', minimum: 0, maximum: 1 } as const;

const weightsSchema = { type: 'object', additionalProperties: share } as const;

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
  properties: { max: score0to100, label: nonEmptyString, failShareAbove: share },
} as const;

/** Wording every catalogue entry carries: what it checks and the gotcha shown when it fails. */
const wording = {
  points: score0to100,
  title: nonEmptyString,
  description: nonEmptyString,
  gotcha: nonEmptyString,
  advice: nonEmptyString,
  cap: capSchema,
} as const;

const checkSchema = {
  type: 'object',
  required: ['points', 'title', 'description', 'gotcha', 'advice'],
  additionalProperties: false,
  properties: { ...wording, derived: { type: 'boolean' }, gate: { type: 'boolean' } },
} as const;

const attestedSchema = {
  type: 'object',
  required: ['points', 'title', 'description', 'gotcha', 'advice'],
  additionalProperties: false,
  properties: wording,
} as const;

const componentSchema = {
  type: 'object',
  required: ['nullAggregation', 'description', 'checks'],
  additionalProperties: false,
  properties: {
    nullAggregation: { type: 'string', enum: ['exclude', 'zero'] },
    description: nonEmptyString,
    checks: { type: 'object', propertyNames: idSchema, additionalProperties: checkSchema },
    attested: { type: 'object', propertyNames: idSchema, additionalProperties: attestedSchema },
  },
} as const;

function bandsSchema(bound: 'atLeast' | 'atMostMs') {
  return {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      required: [bound, 'points'],
      additionalProperties: false,
      properties: {
        [bound]: bound === 'atLeast' ? share : { type: 'number', minimum: 0 },
        points: score0to100,
      },
    },
  } as const;
}

const percentileBands = {
  type: 'object',
  required: ['p50', 'p95'],
  additionalProperties: false,
  properties: { p50: bandsSchema('atMostMs'), p95: bandsSchema('atMostMs') },
} as const;

const scoringSchema = {
  type: 'object',
  required: [
    'coverageFloor',
    'unknownFactCredit',
    'partialFactCredit',
    'partialCheckCredit',
    'capFailShare',
    'availabilityBands',
    'serverErrorShareAbove',
    'loadSuites',
    'latencyBands',
  ],
  additionalProperties: false,
  properties: {
    coverageFloor: share,
    categoryCoverageFloor: share,
    unknownFactCredit: share,
    partialFactCredit: share,
    partialCheckCredit: share,
    capFailShare: share,
    availabilityBands: bandsSchema('atLeast'),
    serverErrorShareAbove: share,
    loadSuites: { type: 'array', items: idSchema },
    latencyBands: {
      type: 'object',
      required: ['ttftMs', 'e2eMs'],
      additionalProperties: false,
      properties: { ttftMs: percentileBands, e2eMs: percentileBands },
    },
  },
} as const;

export const rubricSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://agentscore.dev/schemas/rubric.json',
  type: 'object',
  required: ['rubricVersion', 'scoring', 'categories', 'components'],
  additionalProperties: false,
  properties: {
    rubricVersion: nonEmptyString,
    scoring: scoringSchema,
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
