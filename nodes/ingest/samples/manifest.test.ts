// Node-only: reads the bundled files from disk to check the manifest describes them exactly.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsvBytes } from '../parse-csv';
import { SAMPLE_DATASETS } from './manifest';

const read = (file: string) => readFileSync(new URL(`./${file}`, import.meta.url));

describe.each(SAMPLE_DATASETS)('sample $name', (dataset) => {
  const bytes = read(dataset.file);
  const lines = bytes.toString('utf8').trimEnd().split('\n');
  const header = lines[0].split(',');

  it('matches the sha256 in the manifest', () => {
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(dataset.sha256);
  });

  it('has the rows and columns the manifest says, and the target column', () => {
    expect(lines.length - 1).toBe(dataset.rows);
    expect(header.length).toBe(dataset.columns);
    expect(header).toContain(dataset.target);
    expect(header.every((name) => /^[a-z][a-z0-9_]*$/.test(name))).toBe(true);
  });

  it('names a time column, if any, that is in the header and ascending ISO dates, each once per series', () => {
    if (!('time' in dataset)) return;
    const at = header.indexOf(dataset.time);
    expect(at).toBeGreaterThanOrEqual(0);
    const dates = lines.slice(1).map((line) => line.split(',')[at]);
    expect(dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
    expect(dates.every((d, i) => i === 0 || dates[i - 1] <= d)).toBe(true);
    // A panel (one series per store, say) repeats each date once per series; a single series never repeats one.
    const series = 'series' in dataset ? header.indexOf(dataset.series) : -1;
    if ('series' in dataset) expect(series).toBeGreaterThanOrEqual(0);
    const keys = lines.slice(1).map((line, i) => `${dates[i]}|${series < 0 ? '' : line.split(',')[series]}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('lists in `schema` every column with the type the CSV reader gives it', async () => {
    const parsed = await readCsvBytes(bytes);
    const actual = parsed.columns.map(({ name, type, role }) => (role === 'id' ? { name, type, role } : { name, type }));
    const hint = `manifest.ts "${dataset.name}" should have schema: ${JSON.stringify(actual)}`;
    expect(dataset.schema, hint).toEqual(actual);
  });

  it('has Unix line endings and no byte-order mark, so the hash is stable', () => {
    expect(bytes.includes('\r')).toBe(false);
    expect(bytes[0]).not.toBe(0xef);
  });
});

describe('breast-cancer labels', () => {
  it('spells out sklearn 0 = malignant, 1 = benign: 212 malignant and 357 benign', () => {
    const rows = read('breast-cancer.csv').toString('utf8').trimEnd().split('\n').slice(1);
    const labels = rows.map((row) => row.slice(row.lastIndexOf(',') + 1));
    expect(labels.filter((l) => l === 'malignant')).toHaveLength(212);
    expect(labels.filter((l) => l === 'benign')).toHaveLength(357);
    // The first sklearn row (mean radius 17.99) has target 0.
    expect(rows[0].startsWith('17.99,')).toBe(true);
    expect(labels[0]).toBe('malignant');
  });
});
