// Every bad file in tests/fixtures/csv/bad gets an error naming its line (and column where there is
// one), whatever the chunk boundaries. The HTTP and CLI tests read the same expected.json.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CsvError } from './csv-error';
import { readCsv } from './read-csv';
import { bytesSource } from './test-source';

const dir = new URL('../../../tests/fixtures/csv/bad/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as {
  limits: { maxUploadMb: number; maxLineKb: number };
  cases: Record<string, { line: number; column?: number; columnName?: string; message: string }>;
};
const limits = {
  maxBytes: Math.floor(expected.limits.maxUploadMb * 1024 * 1024),
  maxLineBytes: expected.limits.maxLineKb * 1024,
};

async function failure(bytes: Uint8Array, chunkSize: number): Promise<CsvError> {
  try {
    await readCsv(bytesSource(bytes, chunkSize), { limits });
  } catch (error) {
    if (error instanceof CsvError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('bad CSV fixtures', () => {
  it('lists every fixture file in expected.json', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
    expect(files).toEqual(Object.keys(expected.cases).sort());
  });

  for (const [file, want] of Object.entries(expected.cases)) {
    it(`${file}: line ${want.line}${want.column ? `, column ${want.column}` : ''}`, async () => {
      const bytes = new Uint8Array(readFileSync(new URL(file, dir)));
      for (const chunkSize of [1, 7, 4096, 1 << 20]) {
        const error = await failure(bytes, chunkSize);
        expect(error.message, `chunks of ${chunkSize}`).toContain(want.message);
        expect(error.message).toMatch(new RegExp(`^Line ${want.line}\\b`));
        expect(error.line).toBe(want.line);
        expect(error.columnIndex).toBe(want.column);
        expect(error.columnName).toBe(want.columnName);
      }
    });
  }
});
