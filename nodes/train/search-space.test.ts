import { describe, expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import { mulberry32 } from '../split/prng';
import { gridPoints, gridSize, randomPoints, searchSpaceSchema } from './search-space';

describe('search space', () => {
  it('enumerates a grid, the first param varying slowest', () => {
    const space = { lr: [0.1, 0.01], layers: [[8], [16, 8]], act: ['relu', 'tanh', 'sigmoid'] };
    const points = gridPoints(space);
    expect(gridSize(space)).toBe(12);
    expect(points).toHaveLength(12);
    expect(points[0]).toEqual({ lr: 0.1, layers: [8], act: 'relu' });
    expect(points[1]).toEqual({ lr: 0.1, layers: [8], act: 'tanh' });
    expect(points[11]).toEqual({ lr: 0.01, layers: [16, 8], act: 'sigmoid' });
    expect(new Set(points.map((p) => JSON.stringify(p))).size).toBe(12);
  });

  it('refuses a range in a grid', () => {
    const space = searchSpaceSchema.parse({ lr: { min: 0.001, max: 0.1 } });
    expect(gridSize(space)).toBe(Infinity);
    expect(() => gridPoints(space)).toThrow(UserError);
  });

  it('draws seeded random points inside ranges, log-uniform when asked', () => {
    const space = searchSpaceSchema.parse({
      lr: { min: 1e-4, max: 1, scale: 'log' },
      dropout: { min: 0, max: 0.5 },
      epochs: { min: 2, max: 5, integer: true },
      units: { min: 1, max: 1000, scale: 'log', integer: true },
    });
    const a = randomPoints(space, 400, mulberry32(1));
    expect(randomPoints(space, 400, mulberry32(1))).toEqual(a);
    expect(randomPoints(space, 400, mulberry32(2))).not.toEqual(a);
    const lr = a.map((p) => p.lr as number);
    expect(Math.min(...lr)).toBeGreaterThanOrEqual(1e-4);
    expect(Math.max(...lr)).toBeLessThanOrEqual(1);
    // Log-uniform: about half the draws fall below the geometric middle, 0.01.
    expect(lr.filter((v) => v < 0.01).length).toBeGreaterThan(160);
    expect(lr.filter((v) => v < 0.01).length).toBeLessThan(240);
    expect(new Set(a.map((p) => p.epochs))).toEqual(new Set([2, 3, 4, 5]));
    const units = a.map((p) => p.units as number);
    expect(units.every((u) => Number.isInteger(u) && u >= 1 && u <= 1000)).toBe(true);
    expect(units.filter((u) => u < 32).length).toBeGreaterThan(120);
    expect(a.every((p) => (p.dropout as number) >= 0 && (p.dropout as number) <= 0.5)).toBe(true);
  });

  it('runs a small list space whole, and never repeats a combination of a large one', () => {
    const small = randomPoints({ a: [1, 2], b: ['x', 'y'] }, 10, mulberry32(3));
    expect(small).toHaveLength(4);
    expect(new Set(small.map((p) => JSON.stringify(p))).size).toBe(4);
    const large = randomPoints({ a: [1, 2, 3, 4], b: [1, 2, 3, 4] }, 12, mulberry32(4));
    expect(large).toHaveLength(12);
    expect(new Set(large.map((p) => JSON.stringify(p))).size).toBe(12);
  });

  it('validates ranges', () => {
    expect(searchSpaceSchema.safeParse({ lr: { min: 1, max: 0.1 } }).success).toBe(false);
    expect(searchSpaceSchema.safeParse({ lr: { min: 0, max: 1, scale: 'log' } }).success).toBe(false);
    expect(searchSpaceSchema.safeParse({ lr: [] }).success).toBe(false);
    expect(() => randomPoints(searchSpaceSchema.parse({ k: { min: 1.2, max: 1.8, integer: true } }), 1, mulberry32(1))).toThrow(
      /no whole number/,
    );
  });
});
