// A custom metric written by a data scientist: a function over a scored table's columns (e.g. a
// batch-score output, with the truth and the predictions) that returns named numbers. They become
// the step's metrics, so runs list, sort and compare them like an evaluation's.
import { z } from 'zod';
import type { SandboxValue } from '../../engine/code-sandbox';
import { UserError } from '../../engine/errors';
import { defineNode } from '../define-node';
import { tableInput } from '../port-inputs';
import { columnsForCode } from './code-columns';
import { codeParam, codeSha256, languageParam, limitParams, limitsOf } from './code-params';
import { runCode } from './run-code';

export const METRIC_EXAMPLE = '(cols, schema) => ({ rows: cols[schema[0].name].length })';
const MAX_METRICS = 100;

const params = z.object({
  language: languageParam,
  code: codeParam(
    METRIC_EXAMPLE,
    'Called as (cols, schema), as in the code transform; returns an object of named numbers, e.g. { expected_profit: 1234.5 }.',
  ),
  ...limitParams,
});

export const codeMetricNode = defineNode({
  type: 'code/metric',
  version: 1,
  title: 'Code: custom metric',
  category: 'code',
  description:
    'Computes your own metrics in JavaScript from a table (for instance a scored table with the truth and the ' +
    'predictions). Each returned number is a metric of the run, listed and compared like an evaluation\'s.',
  inputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  outputs: [{ name: 'metrics', kind: 'metrics', label: 'Metrics' }],
  params,
  runsOn: ['server', 'browser'],
  deterministic: true,
  codeParams: ['code'],
  codeHash: (p) => codeSha256(p.code),
  async run({ inputs, params: p, ctx }) {
    const input = tableInput(inputs, 'table');
    const value = await runCode(ctx, { code: p.code, language: p.language }, [columnsForCode(input), input.columns.map((c) => ({ ...c }))], limitsOf(p));
    const metrics = metricsOf(value);
    ctx.log('info', Object.entries(metrics).map(([name, v]) => `${name} = ${v}`).join(', '));
    return { metrics: { kind: 'metrics', metrics: { source: 'code', metrics } } };
  },
});

/** Named finite numbers, at least one; anything else is refused, naming the metric. */
export function metricsOf(value: SandboxValue): Record<string, number> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Float64Array) {
    throw new UserError('The metric code must return an object of named numbers, such as { expected_profit: 1234.5 }');
  }
  const entries = Object.entries(value);
  if (entries.length === 0) throw new UserError('The metric code returned no metrics');
  if (entries.length > MAX_METRICS) throw new UserError(`The metric code returned ${entries.length} metrics; at most ${MAX_METRICS}`);
  for (const [name, v] of entries) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new UserError(`Metric "${name}" is ${typeof v === 'number' ? String(v) : `a ${v === null ? 'null' : typeof v}`}, not a finite number`);
  }
  return Object.fromEntries(entries) as Record<string, number>;
}
