// The expectations a validation node can check, as one zod union (the inspector builds its form from it).
import { z } from 'zod';
import { COLUMN_PARAM_KEY } from '../../engine/columns';
import { assertNever } from '../../engine/assert-never';
import { COLUMN_TYPES } from '../values';

const column = z.string().min(1).describe('Column to check').meta({ [COLUMN_PARAM_KEY]: 'table' });
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const bound = z.union([z.number(), z.string()]);

export const expectationSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('not_null').describe('No cell of the column is missing'), column }),
    z.object({
      kind: z.literal('range').describe('Present values lie in [min, max]'),
      column,
      min: bound.optional().describe('Smallest allowed value (a number, or ISO 8601 for datetimes); empty for none'),
      max: bound.optional().describe('Largest allowed value (a number, or ISO 8601 for datetimes); empty for none'),
    }),
    z.object({
      kind: z.literal('allowed_values').describe('Present values are all in the list'),
      column,
      values: z.array(scalar).min(1).describe('The allowed values'),
    }),
    z.object({ kind: z.literal('unique').describe('No present value occurs twice'), column }),
    z.object({
      kind: z.literal('schema_match').describe('The table has these columns with these types'),
      columns: z
        .array(
          z.object({
            name: z.string().min(1).describe('Column name').meta({ [COLUMN_PARAM_KEY]: 'table' }),
            type: z.enum(COLUMN_TYPES).describe('Its type'),
          }),
        )
        .describe('Expected columns, in any order'),
      allowExtra: z.boolean().default(true).describe('Whether columns not listed are allowed'),
    }),
    z.object({
      kind: z.literal('missing_fraction_at_most').describe('The share of missing cells is at most max'),
      column,
      max: z.number().min(0).max(1).describe('Largest allowed share of missing cells, 0 to 1'),
    }),
    z.object({
      kind: z.literal('row_count_between').describe('The number of rows is in [min, max]'),
      min: z.number().int().min(0).optional().describe('Fewest rows allowed; empty for none'),
      max: z.number().int().min(0).optional().describe('Most rows allowed; empty for none'),
    }),
  ])
  .describe('One expectation about the data');
export type Expectation = z.infer<typeof expectationSchema>;
export type ExpectationKind = Expectation['kind'];

/** A short, readable name for an expectation, used in the report and in the failure message. */
export function describeExpectation(e: Expectation): string {
  const range = (min: unknown, max: unknown) => `[${min ?? '−∞'}, ${max ?? '∞'}]`;
  switch (e.kind) {
    case 'not_null':
      return `"${e.column}" has no missing values`;
    case 'range':
      return `"${e.column}" within ${range(e.min, e.max)}`;
    case 'allowed_values':
      return `"${e.column}" in {${e.values.map((v) => JSON.stringify(v)).join(', ')}}`;
    case 'unique':
      return `"${e.column}" is unique`;
    case 'schema_match':
      return `schema matches ${e.columns.length} columns${e.allowExtra ? '' : ' exactly'}`;
    case 'missing_fraction_at_most':
      return `"${e.column}" missing at most ${e.max}`;
    case 'row_count_between':
      return `row count within ${range(e.min, e.max)}`;
    default:
      return assertNever(e, 'expectation');
  }
}
