// Fitting and applying the preprocessing of one column, on plain arrays (pure, no Arrow).
import { assertNever } from '../../engine/assert-never';
import type { PreprocessOptions } from './preprocess-options';
import { countCategories, meanOf, medianOf, modeOf, momentsOf, topCategories } from './preprocess-stats';
import { UNSEEN_CODE, type CategoricalColumnState, type NumericColumnState } from './preprocess-state';

export function fitNumericColumn(
  name: string,
  source: NumericColumnState['source'],
  values: Float64Array,
  options: PreprocessOptions,
): NumericColumnState {
  let missing = 0;
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) missing++;
  const fill = numericFill(values, options, missing === values.length);
  const filled = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) filled[i] = Number.isNaN(values[i]) ? fill : values[i];
  const { offset, scale } = scaling(filled, options.scale);
  return { kind: 'numeric', name, source, fill, offset, scale, missing };
}

function numericFill(values: Float64Array, options: PreprocessOptions, allMissing: boolean): number {
  // A column with no training values falls back to the constant: there is no statistic to take.
  if (allMissing) return options.numericFill;
  switch (options.numericImpute) {
    case 'mean':
      return meanOf(values);
    case 'median':
      return medianOf(values);
    case 'constant':
      return options.numericFill;
    default:
      return assertNever(options.numericImpute, 'numeric imputation');
  }
}

/** Statistics of the imputed column, as a scikit-learn imputer → scaler pipeline sees them. */
function scaling(filled: Float64Array, scaler: PreprocessOptions['scale']): { offset: number; scale: number } {
  const m = momentsOf(filled);
  switch (scaler) {
    case 'standard':
      // A (near) constant column keeps scale 1, as StandardScaler does, so serving never divides by 0.
      return { offset: m.mean, scale: m.std < 10 * Number.EPSILON * Math.max(1, Math.abs(m.mean)) ? 1 : m.std };
    case 'minmax':
      return { offset: m.min, scale: m.max - m.min > 0 ? m.max - m.min : 1 };
    case 'none':
      return { offset: 0, scale: 1 };
    default:
      return assertNever(scaler, 'scaler');
  }
}

export function fitCategoricalColumn(
  name: string,
  source: CategoricalColumnState['source'],
  values: readonly (string | null)[],
  options: PreprocessOptions,
): CategoricalColumnState {
  const counts = countCategories(values);
  const missing = values.length - [...counts.values()].reduce((a, b) => a + b, 0);
  const mode = modeOf(counts);
  const fill = options.categoricalImpute === 'mode' && mode !== null ? mode : options.categoricalFill;
  // Categories are learned after imputation, so a constant fill is a category of its own.
  if (missing > 0) counts.set(fill, (counts.get(fill) ?? 0) + missing);
  const categories = topCategories(counts, options.maxCategories);
  return { kind: 'categorical', name, source, fill, categories, encoding: options.encoding, missing };
}

/** How many matrix columns a categorical column takes. */
export function categoricalWidth(state: CategoricalColumnState): number {
  return state.encoding === 'one_hot' ? state.categories.length + 1 : 1;
}

/** Writes column `col` of a row-major matrix with `cols` columns. */
export function writeNumeric(state: NumericColumnState, values: Float64Array, out: Float64Array, cols: number, col: number) {
  const { fill, offset, scale } = state;
  for (let r = 0; r < values.length; r++) {
    const v = values[r];
    out[r * cols + col] = ((Number.isNaN(v) ? fill : v) - offset) / scale;
  }
}

/** Category → code, made once per fitted column: serving writes one row at a time. */
const indexes = new WeakMap<CategoricalColumnState, ReadonlyMap<string, number>>();

function categoryIndex(state: CategoricalColumnState): ReadonlyMap<string, number> {
  let index = indexes.get(state);
  if (!index) {
    index = new Map(state.categories.map((c, i) => [c, i]));
    indexes.set(state, index);
  }
  return index;
}

/** Writes columns col.. of a zero-filled row-major matrix; an unseen value goes to the unseen bucket. */
export function writeCategorical(
  state: CategoricalColumnState,
  values: readonly (string | null)[],
  out: Float64Array,
  cols: number,
  col: number,
) {
  const index = categoryIndex(state);
  const unseen = state.encoding === 'one_hot' ? state.categories.length : UNSEEN_CODE;
  for (let r = 0; r < values.length; r++) {
    const code = index.get(values[r] ?? state.fill) ?? unseen;
    if (state.encoding === 'one_hot') out[r * cols + col + code] = 1;
    else out[r * cols + col] = code;
  }
}
