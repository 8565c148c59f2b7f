import { describe, expect, it } from 'vitest';
import { accuracy, averagedScores, classScores, confusionMatrix } from './classification';

// true: a a a b b c ; predicted: a a b b c c
const matrix = confusionMatrix([0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 2, 2], 3);

describe('confusionMatrix and accuracy', () => {
  it('puts the truth in rows and the prediction in columns', () => {
    expect(matrix).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
    expect(accuracy(matrix)).toBeCloseTo(4 / 6, 12);
  });
});

describe('classScores', () => {
  it('computes one class against the rest', () => {
    expect(classScores(matrix, 1)).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2, predicted: 2 });
  });

  it('counts an undefined precision as 0, as scikit-learn does', () => {
    const never = confusionMatrix([0, 1], [0, 0], 2);
    expect(classScores(never, 1)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('averagedScores', () => {
  it('takes macro means over classes seen in truth or predictions only', () => {
    const withUnseen = confusionMatrix([0, 1, 1], [0, 1, 0], 3); // class 2 never occurs
    const macro = averagedScores(withUnseen, 'macro');
    // class 0: P 1/2 R 1; class 1: P 1 R 1/2.
    expect(macro.precision).toBeCloseTo(0.75, 12);
    expect(macro.recall).toBeCloseTo(0.75, 12);
  });

  it('weights by support', () => {
    const weighted = averagedScores(matrix, 'weighted');
    // recall per class: 2/3, 1/2, 1 with supports 3, 2, 1 → (2 + 1 + 1) / 6.
    expect(weighted.recall).toBeCloseTo(4 / 6, 12);
  });
});
