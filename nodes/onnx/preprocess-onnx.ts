// The fitted preprocessing (nodes/train/preprocess*) as ONNX ops, one graph input per raw column:
// numbers and datetimes as double [N,1] (NaN or ±Infinity = missing; datetimes in epoch
// milliseconds), categories, booleans and text as string [N,1] ("" = missing). Each step is the
// same arithmetic in the same precision as transform(), so the matrix matches it exactly.
import { assertNever } from '../../engine/assert-never';
import { UserError } from '../../engine/errors';
import type { CategoricalColumnState, FittedPreprocessing, NumericColumnState } from '../train/preprocess-state';
import { UNSEEN_CODE } from '../train/preprocess-state';
import type { OnnxGraph } from './onnx-graph';

/** The string an ONNX request sends for a missing category: string tensors have no null. */
export const ONNX_MISSING_STRING = '';
const MS_PER_DAY = 86_400_000;

/** Adds an input per fitted column and returns the name of the double [N, features] matrix. */
export function preprocessOnnx(graph: OnnxGraph, pre: FittedPreprocessing): string {
  if (pre.columns.length === 0) throw new UserError('The model has no input columns to export');
  const blocks = pre.columns.map((state) => {
    switch (state.kind) {
      case 'numeric':
        return numericBlock(graph, state);
      case 'categorical':
        return categoricalBlock(graph, state);
      default:
        return assertNever(state, 'fitted column');
    }
  });
  return blocks.length === 1 ? blocks[0] : graph.op('Concat', blocks, { axis: { int: 1 } });
}

function numericBlock(graph: OnnxGraph, state: NumericColumnState): string {
  const datetime = state.source === 'datetime';
  const raw = graph.input(
    state.name,
    'double',
    ['N', 1],
    datetime ? 'datetime as epoch milliseconds (UTC); NaN when missing' : 'number; NaN when missing',
  );
  // transform() reads a datetime as ms / 86 400 000 and then treats a non-finite value as missing.
  const value = datetime ? graph.op('Div', [raw, graph.scalar('double', MS_PER_DAY)]) : raw;
  const missing = graph.op('Or', [graph.op('IsNaN', [value]), graph.op('IsInf', [value])]);
  const filled = graph.op('Where', [missing, graph.scalar('double', state.fill), value]);
  const centred = graph.op('Sub', [filled, graph.scalar('double', state.offset)]);
  return graph.op('Div', [centred, graph.scalar('double', state.scale)]);
}

function categoricalBlock(graph: OnnxGraph, state: CategoricalColumnState): string {
  const k = state.categories.length;
  const raw = graph.input(
    state.name,
    'string',
    ['N', 1],
    `${state.source === 'boolean' ? '"true" or "false"' : 'category text'}; "" when missing`,
  );
  const code = (category: string) => state.categories.indexOf(category);
  const unseen = state.encoding === 'one_hot' ? k : UNSEEN_CODE;
  const fillCode = code(state.fill) >= 0 ? code(state.fill) : unseen;
  // "" stands for missing here, so it must encode as the fill does; a learned "" that does not is
  // a difference this layout cannot express.
  if (code(ONNX_MISSING_STRING) >= 0 && code(ONNX_MISSING_STRING) !== fillCode) {
    throw new UserError(
      `ONNX export, preprocessing of column "${state.name}": the empty string is a learned category, and the ONNX ` +
        `inputs use "" for a missing value (which this model fills with "${state.fill}"); recode the empty string ` +
        'with a clean node and retrain',
      { column: state.name },
    );
  }
  const keys = [...state.categories];
  const values = keys.map((_, i) => i);
  if (code(ONNX_MISSING_STRING) < 0) {
    keys.push(ONNX_MISSING_STRING);
    values.push(fillCode);
  }
  const codes = graph.op(
    'LabelEncoder',
    [raw],
    { keys_strings: { strings: keys }, values_int64s: { ints: values }, default_int64: { int: unseen } },
    { domain: 'ai.onnx.ml' },
  );
  if (state.encoding === 'ordinal') return graph.op('Cast', [codes], { to: { elemType: 'double' } });
  const slots = graph.constant('one_hot_slots', { type: 'int64', dims: [1, k + 1], values: range(k + 1) });
  return graph.op('Cast', [graph.op('Equal', [codes, slots])], { to: { elemType: 'double' } });
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
