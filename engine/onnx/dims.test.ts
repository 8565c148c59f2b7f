import { describe, expect, it } from 'vitest';
import { fixedSize, isDynamicDim, showDim, showShape } from './dims';

describe('ONNX dimensions', () => {
  it('counts no value, negative, the unsigned -1, an empty string and a name as dynamic', () => {
    for (const raw of [null, undefined, {}, { dimValue: 0 }, -1, 0, 4294967295, 2 ** 64, '', 'N', { dimParam: 'batch' }]) {
      expect(isDynamicDim(raw), JSON.stringify(raw)).toBe(true);
    }
    expect(fixedSize(4)).toBe(4);
    expect(fixedSize({ dimValue: 10 })).toBe(10);
  });

  it('shows a nameless dynamic dim as ?, a named one by its name', () => {
    expect([null, -1, 4294967295, '', {}, 'N', { dimParam: 'batch' }, 3].map(showDim)).toEqual(['?', '?', '?', '?', '?', 'N', 'batch', '3']);
    expect(showShape([4294967295, 10])).toBe('[?, 10]');
  });
});
