import { describe, expect, it } from 'vitest';
import type { Predictions } from '../../nodes/models/predict';
import { rowOutput } from './infer';
import { LogBatch, type LogMeta } from './prediction-log-batch';
import { unpackBatch } from './prediction-log-codec.mjs';

const meta = (id: string, extra: Partial<LogMeta> = {}): LogMeta => ({
  id: id.padEnd(36, '0'),
  endpointId: 'ep-1',
  versionId: 'v-1',
  role: 'primary',
  shadowOf: null,
  keyId: 'key-1',
  createdAt: 1_700_000_000_123,
  latencyMs: 0.25,
  ...extra,
});

describe('LogBatch → unpackBatch', () => {
  it('gives back every entry with the JSON text a row-by-row log would store', () => {
    const batch = new LogBatch();
    const names = ['amount', 'country', 'flag', 'note'];
    const columns: unknown[][] = [
      [12.5, null, Number.NaN],
      ['DE', 'FR', undefined],
      [true, false, true],
      [{ a: 1 }, 'x', -0.1],
    ];
    const binary: Predictions = { task: 'binary', labels: ['no', 'yes'], scores: new Float64Array([0.2, 0.8, 0.9, 0.1, 0.5, 0.5]) };
    for (let row = 0; row < 3; row++) batch.add(meta(`a${row}`, row === 2 ? { keyId: null, shadowOf: 'b'.repeat(36), role: 'shadow' } : {}), names, columns, row, binary);
    // A second request of another model: other columns, regression, another version.
    const regression: Predictions = { task: 'regression', labels: [], scores: new Float64Array([3.5]) };
    batch.add(meta('c', { versionId: 'v-2', latencyMs: 1.5 }), ['x0'], [[7]], 0, regression);
    const softmax: Predictions = { task: 'multiclass', labels: ['2', '1', '0'], scores: new Float64Array([0.1, 0.3, 0.6]) };
    batch.add(meta('d'), ['x0'], [[8]], 0, softmax);

    const { batch: packed, transfer } = batch.pack();
    const rows = unpackBatch(structuredClone(packed, { transfer }));

    expect(rows).toHaveLength(5);
    for (let row = 0; row < 3; row++) {
      const inputs: Record<string, unknown> = {};
      names.forEach((n, c) => (inputs[n] = columns[c][row] ?? null));
      expect(rows[row]).toEqual({
        ...meta(`a${row}`, row === 2 ? { keyId: null, shadowOf: 'b'.repeat(36), role: 'shadow' } : {}),
        inputs: JSON.stringify(inputs),
        outputs: JSON.stringify(rowOutput(binary, row)),
      });
    }
    expect(rows[3]).toEqual({ ...meta('c', { versionId: 'v-2', latencyMs: 1.5 }), inputs: '{"x0":7}', outputs: JSON.stringify(rowOutput(regression, 0)) });
    expect(rows[4].outputs).toBe(JSON.stringify(rowOutput(softmax, 0)));
    expect(JSON.parse(rows[4].outputs)).toEqual({ prediction: '0', probabilities: { '0': 0.6, '1': 0.3, '2': 0.1 } });
  });

  it('writes the same text as JSON.stringify for any column names and labels', () => {
    const cases: [string[], string[]][] = [
      [['b', 'a', '10', '2'], ['yes', 'no']],
      [['__proto__', 'x'], ['1', '0']],
      [['é "q"', 'line\nbreak'], ['b', 'a', 'b']],
      [[], ['only']],
    ];
    for (const [names, labels] of cases) {
      const batch = new LogBatch();
      const columns = names.map((_, i) => [i === 1 ? 'text' : i + 0.5]);
      const p: Predictions = { task: 'multiclass', labels, scores: new Float64Array(labels.map((_, j) => (j + 1) / 10)) };
      batch.add(meta('e'), names, columns, 0, p);
      const [row] = unpackBatch(batch.pack().batch);
      const inputs: Record<string, unknown> = {};
      names.forEach((n, c) => (inputs[n] = columns[c][0]));
      expect(row.inputs).toBe(JSON.stringify(inputs));
      expect(row.outputs).toBe(JSON.stringify(rowOutput(p, 0)));
    }
  });

  it('packs nothing when empty and grows past its first buffers', () => {
    expect(unpackBatch(new LogBatch().pack().batch)).toEqual([]);
    const batch = new LogBatch();
    const names = Array.from({ length: 300 }, (_, i) => `c${i}`);
    const columns = names.map((_, i) => [i]);
    const p: Predictions = { task: 'regression', labels: [], scores: new Float64Array([1]) };
    for (let i = 0; i < 100; i++) batch.add(meta(`r${i}`), names, columns, 0, p);
    const rows = unpackBatch(batch.pack().batch);
    expect(rows).toHaveLength(100);
    expect(JSON.parse(rows[99].inputs).c299).toBe(299);
    expect(rows[99].id).toBe('r99'.padEnd(36, '0'));
  });
});
