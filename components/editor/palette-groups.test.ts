import { describe, expect, it } from 'vitest';
import { bestMatch, decodePaletteDrag, encodePaletteDrag, paletteGroups } from './palette-groups';
import { TYPES } from './test-fixtures';

describe('palette groups', () => {
  it('group by category in the order given', () => {
    expect(paletteGroups(TYPES, '').map((g) => g.category)).toEqual(['ingest', 'clean', 'split', 'train']);
  });

  it('filter on every word across title, description, type and category', () => {
    expect(paletteGroups(TYPES, 'logistic').flatMap((g) => g.items.map((t) => t.type))).toEqual(['train/logistic-regression']);
    expect(paletteGroups(TYPES, 'TRAIN classifier').flatMap((g) => g.items.map((t) => t.type))).toEqual(['train/logistic-regression']);
    expect(paletteGroups(TYPES, 'split').map((g) => g.category)).toEqual(['split']);
    expect(paletteGroups(TYPES, 'zebra')).toEqual([]);
  });

  it('prefers a title match for Enter over a match in a description', () => {
    // "train" is in the split's description and in the logistic regression's title.
    expect(bestMatch(paletteGroups(TYPES, 'train'), 'train')?.type).toBe('train/logistic-regression');
    expect(bestMatch(paletteGroups(TYPES, 'bundled'), 'bundled')?.type).toBe('ingest/sample-dataset');
    expect(bestMatch(paletteGroups(TYPES, 'zebra'), 'zebra')).toBeUndefined();
  });

  it('round-trips the drag payload and rejects anything else', () => {
    expect(decodePaletteDrag(encodePaletteDrag(TYPES[0]))).toEqual({ type: 'ingest/sample-dataset', version: 1 });
    expect(decodePaletteDrag('hello')).toBeNull();
    expect(decodePaletteDrag('{"type":1}')).toBeNull();
  });
});
