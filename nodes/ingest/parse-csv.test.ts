// The streaming reader against a plain reference (papaparse, then the shared type inference of
// table/infer-column-type.ts): on the bundled samples both must give the very same Arrow bytes.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { idEvidence } from '../table/id-like';
import { inferColumnType, parseCells } from '../table/infer-column-type';
import { tableFromColumns, type ColumnData } from '../table/table-from-columns';
import { readCsvBytes } from './parse-csv';
import { SAMPLE_DATASETS } from './samples/manifest';

function referenceTable(text: string) {
  const [header, ...rows] = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true }).data;
  const columns = header.map((name, c): ColumnData => {
    const raw = rows.map((row) => row[c]);
    const type = inferColumnType(raw);
    const cells = parseCells(type, raw).cells;
    const id = idEvidence({ name: name.trim(), type, length: cells.length, get: (i) => cells[i] });
    return { info: { name: name.trim(), type, role: id ? 'id' : 'feature' }, values: cells };
  });
  return tableFromColumns(columns, rows.length);
}

describe('readCsvBytes', () => {
  for (const sample of SAMPLE_DATASETS) {
    it(`reads ${sample.file} exactly as the reference does`, async () => {
      const bytes = new Uint8Array(readFileSync(new URL(`./samples/${sample.file}`, import.meta.url)));
      const result = await readCsvBytes(bytes);
      expect(result.rows).toBe(sample.rows);
      expect(result.columns).toHaveLength(sample.columns);
      expect(tableToIPC(result.table, 'file')).toEqual(tableToIPC(referenceTable(new TextDecoder().decode(bytes)), 'file'));
      // Each sample is parsed twice, the reference slowly: seconds when other work shares the cores.
    }, 30_000);
  }

  it('matches the reference on a table with every column type and missing cells', async () => {
    const text = 'x,label,flag,when,note\n1.5,a,true,2024-01-02,hello\n,b,false,,"multi\nline"\n3,a,,2024-01-03T10:00:00Z,"say ""hi"""\n';
    const result = await readCsvBytes(new TextEncoder().encode(text));
    expect(result.columns.map((c) => c.type)).toEqual(['numeric', 'categorical', 'boolean', 'datetime', 'text']);
    expect(tableToIPC(result.table, 'file')).toEqual(tableToIPC(referenceTable(text), 'file'));
  });
});
