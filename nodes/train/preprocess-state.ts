// The fitted preprocessing as plain JSON: it travels in ModelArtifact.preprocessing and is
// validated when a stored model is read back (parsePreprocessing), because that is an edge.
import { z } from 'zod';
import { UserError } from '../../engine/errors';

/** Output = (value, or `fill` when missing, − offset) / scale. Datetimes are read as epoch days. */
export type NumericColumnState = {
  kind: 'numeric';
  name: string;
  source: 'numeric' | 'datetime';
  fill: number;
  offset: number;
  scale: number;
  /** Missing (or non-finite) values in the training split. */
  missing: number;
};

/** one_hot: one column per category, then `${name}=__unseen__`; ordinal: the category's index, −1 if unseen. */
export type CategoricalColumnState = {
  kind: 'categorical';
  name: string;
  source: 'categorical' | 'boolean' | 'text';
  fill: string;
  categories: string[];
  encoding: 'one_hot' | 'ordinal';
  missing: number;
};

export type FittedColumn = NumericColumnState | CategoricalColumnState;

export type FittedPreprocessing = {
  version: 1;
  columns: FittedColumn[];
  /** Datetime columns left out (datetime: 'drop'). */
  dropped: string[];
  /** The matrix's column names, in order. */
  features: string[];
};

export const UNSEEN = '__unseen__';
export const UNSEEN_CODE = -1;

const numericState = z.object({
  kind: z.literal('numeric'),
  name: z.string(),
  source: z.enum(['numeric', 'datetime']),
  fill: z.number(),
  offset: z.number(),
  scale: z.number().refine((s) => s !== 0, 'scale must not be 0'),
  missing: z.number(),
});

const categoricalState = z.object({
  kind: z.literal('categorical'),
  name: z.string(),
  source: z.enum(['categorical', 'boolean', 'text']),
  fill: z.string(),
  categories: z.array(z.string()),
  encoding: z.enum(['one_hot', 'ordinal']),
  missing: z.number(),
});

const fittedSchema = z.object({
  version: z.literal(1),
  columns: z.array(z.discriminatedUnion('kind', [numericState, categoricalState])),
  dropped: z.array(z.string()),
  features: z.array(z.string()),
});

export function parsePreprocessing(json: unknown): FittedPreprocessing {
  const parsed = fittedSchema.safeParse(json);
  if (!parsed.success) {
    throw new UserError(`The model's preprocessing is not readable: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** Names of the matrix columns one fitted column produces. */
export function outputNames(column: FittedColumn): string[] {
  if (column.kind === 'numeric' || column.encoding === 'ordinal') return [column.name];
  return [...column.categories, UNSEEN].map((category) => `${column.name}=${category}`);
}
