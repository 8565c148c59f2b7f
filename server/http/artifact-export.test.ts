import { describe, expect, it } from 'vitest';
import type { Artifact } from '../db/schema';
import { downloadName, exportFormat, exportTable } from './artifact-export';

describe('exportFormat', () => {
  it('takes csv, parquet, arrow and onnx in any case, and names the choices otherwise', async () => {
    expect(exportFormat('CSV')).toBe('csv');
    expect(exportFormat('parquet')).toBe('parquet');
    expect(exportFormat('ONNX')).toBe('onnx');
    const refused = exportFormat('xlsx') as Response;
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: 'Unknown export format "xlsx"; choose csv, parquet or arrow for a table, onnx for a model.' });
    expect(await (exportFormat('arow') as Response).json()).toEqual({ error: 'Unknown export format "arow"; choose csv, parquet or arrow for a table, onnx for a model. Did you mean "arrow"?' });
  });
});

describe('downloadName', () => {
  const id = 'ab'.repeat(32);
  it('keeps a plain hint and falls back to the artifact id', () => {
    expect(downloadName('sales-v3', id, 'csv')).toBe('sales-v3.csv');
    expect(downloadName(null, id, 'parquet')).toBe(`${id.slice(0, 16)}.parquet`);
    expect(downloadName('   ', id, 'csv')).toBe(`${id.slice(0, 16)}.csv`);
  });
  it('never lets a hint carry a path, quotes or header-breaking characters', () => {
    expect(downloadName('../../etc/passwd', id, 'csv')).toBe('etc-passwd.csv');
    expect(downloadName('a"b\r\nc', id, 'csv')).toBe('a-b-c.csv');
  });
});

describe('exportTable', () => {
  it('refuses an artifact that is not a table, before reading anything', async () => {
    const row = { id: 'cd'.repeat(32), kind: 'metrics' } as Artifact;
    const res = await exportTable(row, 'csv', null);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'Only tables export as CSV, Parquet or Arrow; this is a metrics artifact' });
  });
});
