import { describe, expect, it } from 'vitest';
import { readCsvBytes } from '../../nodes/ingest/parse-csv';
import { readColumn } from '../../nodes/table/read-column';
import { tableFromColumns, type ColumnData } from '../../nodes/table/table-from-columns';
import { info, mixedColumns } from '../../nodes/table/mixed-columns.fixture';
import { isFormulaLike, textField } from './csv-cells';
import { tableToCsv } from './table-csv';

const csvOf = (columns: ColumnData[]) => tableToCsv(tableFromColumns(columns), columns.map((c) => c.info));
const body = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n');

describe('CSV export against formula injection', () => {
  it.each([
    ['=', '=SUM(A1:A9)', `"'=SUM(A1:A9)"`],
    ['+', '+cmd|" /C calc"!A0', `"'+cmd|"" /C calc""!A0"`],
    ['-', '-2+3+cmd|\' /C calc\'!A0', `"'-2+3+cmd|' /C calc'!A0"`],
    ['@', '@SUM(1+1)', `"'@SUM(1+1)"`],
    ['tab', '\t=1+1', `"'\t=1+1"`],
    ['carriage return', '\r=1+1', `"'\r=1+1"`],
  ])('escapes a text cell starting with %s', (_, cell, field) => {
    expect(textField(cell)).toBe(field);
    const csv = csvOf([{ info: info('comment', 'text'), values: [cell, 'plain'] }]);
    expect(body(csv).slice(1, 3)).toEqual([field, 'plain']);
  });

  it('leaves numbers alone: a negative number is a number, in a numeric column or as text', () => {
    expect(isFormulaLike('-12.5')).toBe(false);
    expect(isFormulaLike('+3')).toBe(false);
    expect(isFormulaLike('-1e-7')).toBe(false);
    expect(isFormulaLike('-')).toBe(true);
    expect(isFormulaLike('-1-1')).toBe(true);
    expect(isFormulaLike('a=b')).toBe(false);
    const csv = csvOf([
      { info: info('balance', 'numeric'), values: [-12.5, 3] },
      { info: info('code', 'text'), values: ['-12.5', '=1'] },
    ]);
    expect(body(csv).slice(0, 3)).toEqual(['balance,code', '-12.5,-12.5', `3,"'=1"`]);
  });

  it('escapes column names as well as cells', () => {
    const csv = csvOf([{ info: info('=HYPERLINK("http://x")', 'numeric'), values: [1] }]);
    expect(body(csv)[0]).toBe(`"'=HYPERLINK(""http://x"")"`);
  });
});

describe('CSV export format', () => {
  it('writes a BOM, a header, CRLF lines, quotes where needed and empty missing cells', () => {
    const csv = csvOf(mixedColumns);
    expect(csv.startsWith('\uFEFFx,colour,note,ok,when\r\n')).toBe(true);
    expect(body(csv)).toEqual([
      'x,colour,note,ok,when',
      '1.5,red,a,true,1970-01-01',
      ',blue,b,false,1970-01-02',
      '-2,,c,,',
      ',red,,true,2024-01-01',
      '',
    ]);
    const quoted = csvOf([{ info: info('t', 'text'), values: ['a,b', 'say "hi"', 'two\nlines', ' padded', null] }]);
    expect(body(quoted)).toEqual(['t', '"a,b"', '"say ""hi"""', '"two\nlines"', '" padded"', '""', '']);
  });

  it('writes times of day in full ISO 8601 when any value has one', () => {
    const csv = csvOf([{ info: info('at', 'datetime'), values: [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1, 13, 5, 7, 250)] }]);
    expect(body(csv).slice(1, 3)).toEqual(['2024-01-01T00:00:00.000Z', '2024-01-01T13:05:07.250Z']);
  });

  it('round-trips through the CSV importer: same columns, types and values', async () => {
    const columns: ColumnData[] = [
      { info: info('amount', 'numeric'), values: [1.5, null, -2, 0.1 + 0.2, 1e-7, 2 ** 60, -0] },
      { info: info('colour', 'categorical'), values: ['red', 'blue', null, 'red', 'blue', 'red', 'blue'] },
      { info: info('note', 'text'), values: ['a, b', 'say "hi"', 'two\nlines', 'Saint-Étienne', null, 'x', 'y'] },
      { info: info('ok', 'boolean'), values: [true, false, null, true, true, false, true] },
      { info: info('when', 'datetime'), values: [0, 86_400_000, null, Date.UTC(2024, 1, 29, 23, 59, 59, 999), 1, 2, 3] },
    ];
    const csv = csvOf(columns);
    const back = await readCsvBytes(new TextEncoder().encode(csv));
    expect(back.columns.map((c) => [c.name, c.type])).toEqual(columns.map((c) => [c.info.name, c.info.type]));
    for (const { info: column, values } of columns) {
      const expected = Array.from(values, (v) => (typeof v === 'number' && Object.is(v, -0) ? 0 : v));
      expect(readColumn(back.table, column.name).map((v) => (Object.is(v, -0) ? 0 : v)), column.name).toEqual(expected);
    }
  });
});
