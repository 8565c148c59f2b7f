import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readColumn } from '../../table/read-column';
import { CsvError } from './csv-error';
import { readCsv } from './read-csv';
import { bytesSource, textSource } from './test-source';

const good = (name: string) => new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/csv/good/${name}`, import.meta.url)));

async function rejected(promise: Promise<unknown>): Promise<CsvError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CsvError) return error;
    throw error;
  }
  throw new Error('expected a CsvError');
}

describe('readCsv', () => {
  it('names UTF-32 as UTF-32 (either byte order), and UTF-16 as UTF-16', async () => {
    const utf32le = new Uint8Array([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0, 0x0a, 0, 0, 0]);
    const utf32be = new Uint8Array([0, 0, 0xfe, 0xff, 0, 0, 0, 0x61, 0, 0, 0, 0x0a]);
    const utf16le = new Uint8Array([0xff, 0xfe, 0x61, 0, 0x0a, 0]);
    expect((await rejected(readCsv(bytesSource(utf32le, 5)))).message).toMatch(/UTF-32/);
    expect((await rejected(readCsv(bytesSource(utf32be, 5)))).message).toMatch(/UTF-32/);
    expect((await rejected(readCsv(bytesSource(utf16le, 5)))).message).toMatch(/UTF-16/);
  });

  it('reads a BOM, semicolons, CRLF, a quoted line break and NA tokens', async () => {
    const result = await readCsv(bytesSource(good('semicolon-crlf-bom.csv'), 5));
    expect(result.delimiter).toBe(';');
    expect(result.columns).toEqual([
      { name: 'city', type: 'text', role: 'feature' },
      { name: 'population', type: 'numeric', role: 'feature' },
      { name: 'capital', type: 'boolean', role: 'feature' },
      { name: 'founded', type: 'datetime', role: 'feature' },
    ]);
    expect(readColumn(result.table, 'city')).toEqual(['Saint-Étienne', 'Lyon; France', 'multi\r\nline']);
    expect(readColumn(result.table, 'population')).toEqual([171057, null, null]);
    expect(readColumn(result.table, 'capital')).toEqual([false, false, true]);
    expect(readColumn(result.table, 'founded')).toEqual([Date.UTC(1195, 0, 1), null, Date.UTC(2001, 1, 3, 4, 5, 6)]);
  });

  it('detects tabs and pipes', async () => {
    const tabs = await readCsv(bytesSource(good('tabs.csv')));
    expect(tabs.delimiter).toBe('\t');
    expect(readColumn(tabs.table, 'score')).toEqual([1.5, null]);
    expect((await readCsv(bytesSource(good('pipes.csv')))).delimiter).toBe('|');
    expect((await readCsv(bytesSource(good('pipes.csv')), { options: { delimiter: ',' } })).columns.map((c) => c.name)).toEqual(['a|b']);
  });

  it('keeps the exact text of cells read as numbers before a later word made the column text', async () => {
    const result = await readCsv(bytesSource(good('late-text.csv'), 1000));
    expect(result.reread).toEqual(['code']);
    expect(result.columns.map((c) => c.type)).toEqual(['text', 'numeric']);
    const codes = readColumn(result.table, 'code');
    expect(codes.slice(0, 3)).toEqual(['001', '002', '003']);
    expect(codes.slice(-2)).toEqual(['A-17', '1e3']);
    expect(readColumn(result.table, 'amount').slice(-2)).toEqual([3.25, null]);
  });

  it('refuses Windows-1252 bytes as UTF-8 but reads them when asked', async () => {
    const bytes = good('windows-1252.csv');
    const error = await rejected(readCsv(bytesSource(bytes)));
    expect(error.message).toBe('Line 2, column 1 ("name"): invalid UTF-8 (byte 0xE9); if the file is Latin-1 or Windows-1252, import it with that encoding');
    const result = await readCsv(bytesSource(bytes), { options: { encoding: 'windows-1252' } });
    expect(readColumn(result.table, 'name')).toEqual(['Café', 'Crème brûlée', '€uro']);
  });

  it('applies per-column type overrides and names the first cell that does not fit', async () => {
    const result = await readCsv(bytesSource(good('late-text.csv')), { options: { types: { code: 'categorical', amount: 'text' } } });
    expect(result.reread).toEqual([]);
    expect(result.columns.map((c) => c.type)).toEqual(['categorical', 'text']);
    expect(readColumn(result.table, 'amount')[0]).toBe('1.50');
    const error = await rejected(readCsv(bytesSource(good('late-text.csv')), { options: { types: { code: 'numeric' } } }));
    expect(error.message).toBe('Line 1201, column 1 ("code"): "A-17" is not numeric, the type this column is set to');
    const unknown = await rejected(readCsv(textSource('a,b\n1,2\n'), { options: { types: { c: 'text' } } }));
    expect(unknown.message).toBe('Line 1: a type is set for column "c", but the header has no such column');
  });

  it('uses the NA tokens it is given, numeric ones included', async () => {
    const text = 'x,y\n-999,NA\n2,b\n';
    const standard = await readCsv(textSource(text));
    expect(readColumn(standard.table, 'x')).toEqual([-999, 2]);
    expect(readColumn(standard.table, 'y')).toEqual([null, 'b']);
    const custom = await readCsv(textSource(text), { options: { naTokens: ['-999', ''] } });
    expect(readColumn(custom.table, 'x')).toEqual([null, 2]);
    expect(readColumn(custom.table, 'y')).toEqual(['NA', 'b']);
  });

  it('trims names and cells, skips blank lines and infers categorical against text', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => `${i % 2 ? 'yes' : 'no'} , id-${i}`);
    const result = await readCsv(textSource(` answer , key \n\n${rows.join('\n')}\n   \n`));
    expect(result.rows).toBe(10);
    expect(result.columns.map((c) => [c.name, c.type])).toEqual([['answer', 'categorical'], ['key', 'text']]);
    expect(readColumn(result.table, 'answer').slice(0, 2)).toEqual(['no', 'yes']);
  });

  it('gives the same bytes whatever the chunk size', async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const cell = () => {
      const r = random();
      if (r < 0.2) return (random() * 100).toFixed(3);
      if (r < 0.3) return '';
      if (r < 0.5) return `"q, ""${Math.floor(random() * 5)}""\r\nx"`;
      return ['a', 'b', 'c'][Math.floor(random() * 3)];
    };
    const lines = ['p,q,r', ...Array.from({ length: 300 }, () => [cell(), cell(), cell()].join(','))];
    const bytes = new TextEncoder().encode(lines.join('\r\n'));
    const { tableToIPC } = await import('apache-arrow');
    const reference = tableToIPC((await readCsv(bytesSource(bytes))).table, 'file');
    for (const size of [1, 2, 3, 17, 1000]) {
      expect(tableToIPC((await readCsv(bytesSource(bytes, size))).table, 'file')).toEqual(reference);
    }
  });

  it('refuses more columns than the limit', async () => {
    const error = await rejected(readCsv(textSource('a,b,c,d\n1,2,3,4\n'), { limits: { maxColumns: 3 } }));
    expect(error.message).toBe('Line 1, column 4: the header has more than 3 columns');
  });

  it('stops at the line that crosses the row, cell or decoded-size limit, naming its setting', async () => {
    const text = 'a,b,c\n' + '1,2,3\n'.repeat(20);
    const rows = await rejected(readCsv(textSource(text), { limits: { maxColumns: 10, maxRows: 10 } }));
    expect(rows.message).toBe('Line 12: the file holds more than the 10 rows limit (PIPEWORKS_MAX_ROWS)');
    const cells = await rejected(readCsv(textSource(text), { limits: { maxColumns: 10, maxCells: 30 } }));
    expect(cells.message).toBe('Line 12: the file holds more than the 30 cells limit (PIPEWORKS_MAX_CELLS)');
    const decoded = await rejected(readCsv(textSource(text), { limits: { maxColumns: 10, maxDecodedBytes: 100 } }));
    expect(decoded.message).toBe('Line 6: the table would take more than the 100 bytes limit on data once decoded (PIPEWORKS_MAX_DECODED_MB)');
    const within = await readCsv(textSource(text), { limits: { maxColumns: 10, maxRows: 20, maxCells: 60, maxDecodedBytes: 480 } });
    expect(within.rows).toBe(20);
  });

  it('stops reading when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    const bytes = new TextEncoder().encode('a\n' + '1\n'.repeat(100_000));
    await expect(readCsv(bytesSource(bytes, 1000), { signal: controller.signal })).rejects.toThrow(/abort/i);
  });
});
