import { describe, expect, it } from 'vitest';
import { datasetChoices, versionChoices } from './dataset-picker-choices';

const cols = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('datasetChoices', () => {
  const datasets = [
    { name: 'churn', versions: 2, latest: { version: 2, rows: 4000, columns: cols(12) } },
    { name: 'iris', versions: 1, latest: { version: 1, rows: 150, columns: cols(5) } },
  ];
  it('lists every dataset with its latest version and that version\'s shape', () => {
    expect(datasetChoices(datasets, 'churn')).toEqual([
      { value: 'churn', label: 'churn · v2 · 4,000 rows × 12 cols', known: true },
      { value: 'iris', label: 'iris · v1 · 150 rows × 5 cols', known: true },
    ]);
  });
  it('keeps a saved name that does not exist, flagged, first', () => {
    expect(datasetChoices(datasets, 'chrun')[0]).toEqual({ value: 'chrun', label: 'chrun — no such dataset', known: false });
    expect(datasetChoices([], '')).toEqual([]);
  });
});

describe('versionChoices', () => {
  const versions = [
    { version: 2, hash: 'b'.repeat(64), rows: 10, columns: cols(1), createdAt: 0 },
    { version: 1, hash: 'a'.repeat(64), rows: 9, columns: cols(1), createdAt: 0 },
  ];
  it('offers latest, which follows uploads, then each version pinned by its hash, newest first', () => {
    const choices = versionChoices(versions, 'latest');
    expect(choices.map((c) => c.value)).toEqual(['latest', 'b'.repeat(64), 'a'.repeat(64)]);
    expect(choices[0].label).toBe('latest — follows new uploads (now v2)');
    expect(choices[1].label).toMatch(/^v2 · bbbbbbbbbbbb · 10 rows × 1 col · /);
  });
  it('keeps a pinned hash that is not a version of this dataset, flagged', () => {
    const choices = versionChoices(versions, 'c'.repeat(64));
    expect(choices[1]).toEqual({ value: 'c'.repeat(64), label: 'cccccccccccc… — not a version of this dataset', known: false });
  });
});
