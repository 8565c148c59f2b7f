// Generates card transactions with a known fraud mechanism and a drift knob; a pure function of
// its params, so it caches on them alone. The monitoring nodes compare drift 0 with drift > 0.
import { z } from 'zod';
import { defineNode } from '../define-node';
import { parseDatetime } from '../table/infer-column-type';
import { FRAUD_COLUMNS, fraudTable } from './fraud-table';
import { generateFraud } from './synthetic-fraud';
import { seedParam } from '../seed-param';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const params = z.object({
  rows: z.number().int().min(100).max(2_000_000).default(20_000).describe('Number of transactions to generate'),
  seed: seedParam('Seed of the generator: the same params always give the same table, bit for bit'),
  fraudRate: z
    .number()
    .min(0.001)
    .max(0.5)
    .default(0.02)
    .describe('Base fraud rate: the model intercept is solved so about this share of rows is fraud, at any drift'),
  drift: z
    .number()
    .min(0)
    .max(1)
    .default(0)
    .describe(
      '0 is the reference world; 1 a shifted one with larger amounts, more foreign, online and night-time ' +
        'transactions, and a changed link between the features and fraud. In between is a linear blend.',
    ),
  startDate: z
    .string()
    .regex(ISO_DATE, 'Use an ISO date, e.g. 2026-01-01')
    .refine((s) => !Number.isNaN(parseDatetime(s)), 'Not a calendar date')
    .default('2026-01-01')
    .describe('First day of the transactions (ISO date, UTC)'),
  days: z.number().int().min(1).max(3660).default(30).describe('Number of days the transactions are spread over'),
});

export const syntheticFraudNode = defineNode({
  type: 'ingest/synthetic-fraud',
  version: 1,
  title: 'Synthetic card fraud',
  category: 'ingest',
  description:
    'Generated card transactions (amount, merchant category, hour, country, card present, age, distance from home) ' +
    'with is_fraud drawn from a logistic model of those features. The drift knob shifts the feature ' +
    'distributions and the fraud mechanism, for monitoring demos.',
  inputs: [],
  outputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  params,
  runsOn: ['browser', 'server'],
  deterministic: true,
  // The generator always writes the same columns, whatever the params.
  outputColumns: () => ({ table: FRAUD_COLUMNS.map((c) => ({ ...c })) }),
  // About 8 bytes a cell in Arrow (ids and categories a little more): for placement, not billing.
  sourceBytes: (p) => p.rows * (FRAUD_COLUMNS.length + 2) * 8,
  sourceShape: (p) => ({ rows: p.rows, columns: FRAUD_COLUMNS.length }),
  async run({ params: p, ctx }) {
    ctx.signal.throwIfAborted();
    const data = generateFraud({ ...p, startMs: parseDatetime(p.startDate) });
    ctx.signal.throwIfAborted();
    const { table, columns } = fraudTable(data, p.seed);
    const frauds = data.isFraud.reduce((n, f) => n + f, 0);
    ctx.log(
      'info',
      `Generated ${p.rows} transactions over ${p.days} days from ${p.startDate} (seed ${p.seed}, drift ${p.drift}): ` +
        `${frauds} fraud (${((100 * frauds) / p.rows).toFixed(2)}%, asked ${(100 * p.fraudRate).toFixed(2)}%)`,
    );
    ctx.progress(1);
    return { table: { kind: 'table', table, columns } };
  },
});
