import { describe, expect, it } from 'vitest';
import { defaultColumns, filterValue, nextSort } from './run-table-state';

describe('runs table choices', () => {
  it('shows the headline metrics and the params that vary by default', () => {
    const columns = defaultColumns({
      metrics: ['evaluate.accuracy', 'evaluate.roc_auc', 'train.rows', 'evaluate.f1', 'evaluate.log_loss'],
      params: [
        { key: 'split.seed', distinct: 1 },
        { key: 'train.C', distinct: 3 },
      ],
    });
    expect(columns).toEqual({ metrics: ['evaluate.roc_auc', 'evaluate.accuracy', 'evaluate.f1'], params: ['train.C'] });
  });

  it('sorts by a new heading in its first direction, and flips on a second click', () => {
    const metric = { kind: 'metric' as const, key: 'evaluate.roc_auc' };
    const first = nextSort({ field: { kind: 'created' }, dir: 'desc' }, metric, 'desc');
    expect(first).toEqual({ field: metric, dir: 'desc' });
    expect(nextSort(first, { ...metric }, 'desc')).toEqual({ field: metric, dir: 'asc' });
  });

  it('sends numbers where the comparison is numeric and refuses text there', () => {
    expect(filterValue({ kind: 'metric', key: 'e.roc_auc' }, '>=', ' 0.9 ')).toEqual({ value: 0.9 });
    expect(filterValue({ kind: 'param', key: 'train.C' }, '=', '1')).toEqual({ value: '1' });
    expect(filterValue({ kind: 'param', key: 'train.C' }, '>', '1')).toEqual({ value: 1 });
    expect(filterValue({ kind: 'status' }, '=', 'failed')).toEqual({ value: 'failed' });
    expect(filterValue({ kind: 'metric', key: 'e.roc_auc' }, '>=', 'high')).toEqual({ error: 'e.roc_auc >= needs a number, not "high"' });
    expect(filterValue({ kind: 'status' }, '=', '  ')).toEqual({ error: 'Type a value to filter by' });
  });
});
