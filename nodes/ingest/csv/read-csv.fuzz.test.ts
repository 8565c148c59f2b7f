// Property: whatever bytes arrive, readCsv either returns a table whose shape matches what it
// says, or throws a CsvError naming the line. Never another error, never a hang.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLUMN_TYPES } from '../../values';
import { CsvError } from './csv-error';
import { readCsv } from './read-csv';
import { bytesSource } from './test-source';

/** 10,000 by default (the battery in issue 14); PIPEWORKS_FUZZ_RUNS raises or lowers it. */
const RUNS = Number(globalThis.process?.env.PIPEWORKS_FUZZ_RUNS ?? 10_000);

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(',', ';', '\t', '|', '"', '""', '\n', '\r\n', '\r', ' ', 'NA', '', '?', '1', '-2.5e3', '1e999', '0x1f', 'true', 'FALSE', '2024-01-02', '2024-13-45T99:00', 'abc', 'é', '\u00a0', '\ufeff', '\u0000', '\ud800') },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
const text = fc.array(piece, { maxLength: 120 }).map((parts) => new TextEncoder().encode(parts.join('')));
const prefix = fc.constantFrom(new Uint8Array(), new Uint8Array([0xef, 0xbb, 0xbf]), new Uint8Array([0xff, 0xfe]), new Uint8Array([0xfe, 0xff]), new Uint8Array([0, 0, 0xfe, 0xff]));
const bytes = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(prefix, text).map(([p, t]) => Buffer.concat([p, t])) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }) },
);
const options = fc.record(
  {
    delimiter: fc.constantFrom('auto', ',', ';', '\t', '|') as fc.Arbitrary<'auto' | ',' | ';' | '\t' | '|'>,
    encoding: fc.constantFrom('utf-8', 'windows-1252') as fc.Arbitrary<'utf-8' | 'windows-1252'>,
    naTokens: fc.array(fc.string({ maxLength: 4 }), { maxLength: 4 }),
    types: fc.dictionary(fc.constantFrom('a', 'b', 'abc', '1', 'NA', 'x'), fc.constantFrom(...COLUMN_TYPES), { maxKeys: 3 }),
  },
  { requiredKeys: [] },
);
const limits = fc.record({ maxLineBytes: fc.integer({ min: 1, max: 4096 }), maxColumns: fc.integer({ min: 1, max: 50 }), maxBytes: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }) }, { requiredKeys: [] });

describe('readCsv under fuzzing', () => {
  it(`returns a consistent table or a CsvError naming the line, for ${RUNS} generated files`, async () => {
    await fc.assert(
      fc.asyncProperty(bytes, fc.integer({ min: 1, max: 97 }), options, limits, async (file, chunk, opts, lim) => {
        try {
          const result = await readCsv(bytesSource(file, chunk), { options: opts, limits: lim });
          expect(result.table.numRows).toBe(result.rows);
          expect(result.columns.length).toBe(result.table.numCols);
        } catch (error) {
          if (!(error instanceof CsvError)) throw new Error(`not a CsvError: ${(error as Error)?.stack ?? String(error)}`);
          expect(error.message).toMatch(/^Line \d+(, column \d+)?/);
          expect(error.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
