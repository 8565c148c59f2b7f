// Compares two tables column by column (a reference, such as the training split, and a current
// one, such as recent or scored data) and reports drift: the monitor statistics on the canvas.
import { z } from 'zod';
import { COLUMN_PARAM_KEY } from '../../engine/columns';
import { closestName } from '../../engine/did-you-mean';
import { UserError } from '../../engine/errors';
import { assertNoRepeats, findColumn } from '../clean/column-lookup';
import { defineNode } from '../define-node';
import { tableInput } from '../port-inputs';
import { readColumn } from '../table/read-column';
import type { Report, TableValue } from '../values';
import { columnFromCells } from './drift/current-window';
import { driftCheck } from './drift/drift-check';
import { featureReference } from './drift/reference-profile';
import type { ReferenceProfile } from './drift/reference-types';

const off = 'set to 0 to switch it off';
const params = z.object({
  columns: z
    .array(z.string().min(1).describe('Column name').meta({ [COLUMN_PARAM_KEY]: 'reference' }))
    .default([])
    .describe('Columns to compare; empty: every feature column of the reference'),
  psi: z.number().nonnegative().default(0.2).describe('Drifted when PSI is above this (10 decile bins, epsilon 1e-4)'),
  ksPValue: z.number().min(0).max(1).default(0.01).describe(`Numeric: drifted when the KS p-value is below this; ${off}`),
  chiSquarePValue: z.number().min(0).max(1).default(0.01).describe(`Categorical: drifted when the chi-square p-value is below this; ${off}`),
  unseenShare: z.number().min(0).max(1).default(0.05).describe('Categorical: drifted when more than this share of current values are categories the reference lacks'),
  missingRateIncrease: z.number().min(0).max(1).default(0.05).describe('Drifted when the missing rate rises by more than this'),
});
type Params = z.infer<typeof params>;

export type DriftTablesReport = Report & { type: 'drift' };

export const driftTablesNode = defineNode({
  type: 'monitor/drift',
  version: 1,
  title: 'Data drift',
  category: 'monitor',
  description:
    'Compares a current table with a reference table, column by column: PSI, KS test and Wasserstein distance ' +
    'for numeric columns, chi-square and PSI for categorical ones, unseen categories and missing rates.',
  inputs: [
    { name: 'reference', kind: 'table', label: 'Reference' },
    { name: 'current', kind: 'table', label: 'Current' },
  ],
  outputs: [{ name: 'report', kind: 'report', label: 'Report' }],
  params,
  runsOn: ['browser', 'server'],
  deterministic: true,
  async run({ inputs, params: p, ctx }) {
    const reference = tableInput(inputs, 'reference');
    const current = tableInput(inputs, 'current');
    const names = comparedColumns(reference, current, p);
    const profile: ReferenceProfile = { schemaVersion: 1, rows: reference.table.numRows, features: [], target: null };
    const columns = [];
    for (const [i, name] of names.entries()) {
      ctx.signal.throwIfAborted();
      const info = findColumn(reference.columns, name, 'columns');
      const ref = featureReference({ name, type: info.type, values: readColumn(reference.table, name) });
      profile.features.push(ref);
      columns.push(columnFromCells(ref, readColumn(current.table, name)));
      ctx.progress((i + 1) / (names.length + 1));
    }
    const zeroOff = (v: number) => (v === 0 ? null : v);
    const thresholds = {
      psi: p.psi,
      ksPValue: zeroOff(p.ksPValue),
      ksStatistic: null,
      wasserstein: null,
      chiSquarePValue: zeroOff(p.chiSquarePValue),
      unseenShare: p.unseenShare,
      missingRateIncrease: p.missingRateIncrease,
    };
    const result = driftCheck(profile, { rows: current.table.numRows, columns, predictions: null }, { thresholds, features: {} });
    ctx.log('info', result.drifted ? `Drift in ${result.driftedFeatures.join(', ')}` : `No drift in ${names.length} columns`);
    const report = {
      type: 'drift',
      title: `Drift: ${result.driftedFeatures.length} of ${names.length} columns (${current.table.numRows} current rows vs ${reference.table.numRows} reference rows)`,
      ...result,
    };
    return { report: { kind: 'report', report: report as unknown as DriftTablesReport } };
  },
});

/** The listed columns (each must be in both tables), or every reference feature column. */
function comparedColumns(reference: TableValue, current: TableValue, p: Params): string[] {
  assertNoRepeats(p.columns, (i) => `columns.${i}`, 'columns');
  const names = p.columns.length ? p.columns : reference.columns.filter((c) => c.role === 'feature').map((c) => c.name);
  names.forEach((name, i) => {
    findColumn(reference.columns, name, p.columns.length ? `columns.${i}` : 'columns');
    if (!current.columns.some((c) => c.name === name)) {
      const near = closestName(name, current.columns.map((c) => c.name));
      throw new UserError(`Column "${name}" is in the reference table but not in the current one${near ? `; did you mean "${near}"?` : ''}`, {
        field: p.columns.length ? `columns.${i}` : 'columns',
        column: name,
      });
    }
  });
  return names;
}
