// Logs the class balance of each side of a split, by a chosen column or else a categorical/boolean target.
import type { LogLevel } from '../../engine/node-definition';
import { readColumn } from '../table/read-column';
import type { TableValue } from '../values';
import { classBalance, formatBalance } from './class-balance';
import type { SplitIndices } from './random-split';

export function logBalance(
  input: TableValue,
  column: string | undefined,
  split: SplitIndices,
  log: (level: LogLevel, message: string) => void,
): void {
  const target = input.columns.find((c) => c.role === 'target' && (c.type === 'categorical' || c.type === 'boolean'));
  const name = column ?? target?.name;
  if (name === undefined) return;
  const values = readColumn(input.table, name);
  for (const [sideName, rows] of Object.entries(split)) {
    log('info', `${sideName} "${name}": ${formatBalance(classBalance(values, rows))}`);
  }
}
