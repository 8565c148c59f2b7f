import { describe, expect, it } from 'vitest';
import { canonicalJSON } from '../../engine/canonical-json';
import { jsonSafe } from './json-safe';

describe('jsonSafe', () => {
  it('writes undefined metrics as null and typed arrays as arrays, so canonical JSON accepts them', () => {
    const safe = jsonSafe({ auc: Number.NaN, big: Infinity, ok: 0.5, curve: Float64Array.from([0, Number.NaN]), gone: undefined });
    expect(safe).toEqual({ auc: null, big: null, ok: 0.5, curve: [0, null] });
    expect(() => canonicalJSON(safe)).not.toThrow();
  });

  it('refuses things that are not data', () => {
    expect(() => jsonSafe({ f: () => 1 })).toThrow(/function/);
  });
});
