import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CELL_MISSING, CELL_NUMBER, CELL_OTHER, WindowBuilder } from '../../nodes/monitor/drift/current-window';
import type { FeatureReference } from '../../nodes/monitor/drift/reference-types';
import { InputsScanner } from './inputs-scan';

const NAMES = ['amount', 'f1', 'merchant', '2', 'é', 'with space'];

/** What the scanner must give for each feature: JSON.parse's value, by the same rules. */
function expectCells(scanner: InputsScanner, text: string, names: readonly string[]): void {
  const parsed = JSON.parse(text) as Record<string, unknown>;
  names.forEach((name, s) => {
    const value = parsed[name];
    if (value === undefined) expect(scanner.kinds[s], name).toBe(CELL_MISSING);
    else if (typeof value === 'number') {
      expect(scanner.kinds[s], name).toBe(CELL_NUMBER);
      expect(Object.is(scanner.nums[s], value), `${name}: ${scanner.nums[s]} vs ${value} in ${text}`).toBe(true);
    } else {
      expect(scanner.kinds[s], name).toBe(CELL_OTHER);
      expect(scanner.others[s]).toEqual(value);
    }
  });
}

const key = fc.oneof(fc.constantFrom(...NAMES, 'extra', 'x'), fc.string({ maxLength: 6 }));
const scalar = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => Math.round(v * 100) / 100),
  fc.constantFrom(0, -0, 1e21, 1e-7, 5e-324, 1.7976931348623157e308, 123456789012345680000, 0.1, 1e22, 1e23),
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.constant(null),
);
const nested = fc.oneof(fc.array(fc.integer(), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }));

describe('InputsScanner', () => {
  it('reads a flat object of scalars exactly as JSON.parse does, without falling back', () => {
    const scanner = new InputsScanner(NAMES);
    fc.assert(
      fc.property(fc.dictionary(key, scalar, { maxKeys: 8 }), (row) => {
        const text = JSON.stringify(row);
        const read = scanner.read(text);
        // Only escapes make it fall back for these rows.
        expect(read).toBe(!text.includes('\\'));
        if (read) expectCells(scanner, text, NAMES);
      }),
      { numRuns: 3000 },
    );
  });

  it('falls back (returns false) on nested values, whitespace and text that is not the JSON it reads', () => {
    const scanner = new InputsScanner(NAMES);
    fc.assert(
      fc.property(fc.dictionary(key, fc.oneof(scalar, nested), { maxKeys: 6 }), (row) => {
        const text = JSON.stringify(row);
        if (scanner.read(text)) expectCells(scanner, text, NAMES);
      }),
      { numRuns: 2000 },
    );
    for (const text of ['{"amount": 1}', '{"amount":01}', '{"amount":1.}', '{"amount":.5}', '{"amount":1e}', '{"amount":+1}', '{"amount":1}x', '[1]', '', '{"amount":1,}', '{"amount":{"a":1}}', '{"amount":"a\\"b"}', '{"amount":nul}']) {
      expect(scanner.read(text), text).toBe(false);
    }
  });

  it('keeps reading right when rows change their keys or key order', () => {
    const scanner = new InputsScanner(NAMES);
    for (const row of [{ amount: 1, f1: 2 }, { f1: 3, amount: 4 }, { amount: 5 }, { am: 1, amount: 6, f1: 'x' }, { amountx: 7 }, {}]) {
      const text = JSON.stringify(row);
      expect(scanner.read(text)).toBe(true);
      expectCells(scanner, text, NAMES);
    }
  });

  it('leaves features named like Object.prototype members to JSON.parse', () => {
    expect(new InputsScanner(['toString', 'amount']).read('{"amount":1}')).toBe(false);
  });

  it('fills a window exactly as parsed objects do', () => {
    const refs: FeatureReference[] = [
      { kind: 'numeric', name: 'amount' } as FeatureReference,
      { kind: 'categorical', name: 'merchant' } as FeatureReference,
      { kind: 'numeric', name: 'f1' } as FeatureReference,
    ];
    const rows = [{ amount: 1.5, merchant: 'a', f1: '2.5' }, { amount: 'x', merchant: 3, f1: null }, { amount: true, merchant: null }, { amount: 1e308, merchant: '' }, { amount: 1e-300, merchant: 'b', f1: -0 }];
    const scanned = new WindowBuilder(refs);
    const parsed = new WindowBuilder(refs);
    const scanner = new InputsScanner(refs.map((r) => r.name));
    for (const row of rows) {
      const text = JSON.stringify(row);
      expect(scanner.read(text)).toBe(true);
      scanned.addCells(scanner.kinds, scanner.nums, scanner.others);
      parsed.add(JSON.parse(text) as Record<string, unknown>);
    }
    expect(scanned.columns()).toEqual(parsed.columns());
  });
});
