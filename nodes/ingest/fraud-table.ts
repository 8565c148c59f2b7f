// The generated transactions as an Arrow table with its column schema (types and roles).
import { Field, type Data, type Table } from 'apache-arrow';
import { arrowTypeFor, assembleTable } from '../table/table-from-columns';
import type { ColumnInfo } from '../values';
import { FOREIGN_COUNTRIES, HOME_COUNTRY, MERCHANT_CATEGORIES } from './fraud-world';
import type { FraudColumns } from './synthetic-fraud';
import { booleanData, categoricalData, datetimeData, numberedIdData, numericData } from './typed-columns';

export const FRAUD_COLUMNS: readonly ColumnInfo[] = [
  { name: 'transaction_id', type: 'text', role: 'id' },
  { name: 'timestamp', type: 'datetime', role: 'time' },
  { name: 'amount', type: 'numeric', role: 'feature' },
  { name: 'merchant_category', type: 'categorical', role: 'feature' },
  { name: 'hour', type: 'numeric', role: 'feature' },
  { name: 'country', type: 'categorical', role: 'feature' },
  { name: 'card_present', type: 'boolean', role: 'feature' },
  { name: 'customer_age', type: 'numeric', role: 'feature' },
  { name: 'distance_from_home_km', type: 'numeric', role: 'feature' },
  { name: 'is_fraud', type: 'categorical', role: 'target' },
];

const COUNTRIES = [HOME_COUNTRY, ...FOREIGN_COUNTRIES];
const FRAUD_LABELS = ['0', '1'];
/** A categorical column's dictionary id is its position (see arrowTypeFor). */
const position = (name: string) => FRAUD_COLUMNS.findIndex((c) => c.name === name);

/** transaction_id is `tx-<seed>-<row number>`, so ids from different seeds never collide. */
export function fraudTable(data: FraudColumns, seed: number): { table: Table; columns: ColumnInfo[] } {
  const children: Data[] = [
    numberedIdData(`tx-${seed}-`, data.rows, 7),
    datetimeData(data.timestamp),
    numericData(data.amount),
    categoricalData(data.category, MERCHANT_CATEGORIES, position('merchant_category')),
    numericData(data.hour),
    categoricalData(data.country, COUNTRIES, position('country')),
    booleanData(data.cardPresent),
    numericData(data.customerAge),
    numericData(data.distanceKm),
    categoricalData(data.isFraud, FRAUD_LABELS, position('is_fraud')),
  ];
  if (children.length !== FRAUD_COLUMNS.length) throw new Error('fraudTable: one column data per column');
  const columns = FRAUD_COLUMNS.map((c) => ({ ...c }));
  const fields = columns.map((c, i) => new Field(c.name, arrowTypeFor(c.type, i), true));
  return { table: assembleTable(fields, children, data.rows, columns), columns };
}
