import { describe, expect, it } from 'vitest';
import type { MetricsReport } from '../../nodes/evaluate/metrics-report';
import { binaryOperatingPoints, operatingPoint, outcomesFromConfusion } from './operating-points';

const confusion = { labels: ['benign', 'malignant'], matrix: [[85, 5], [3, 50]], rows: 'actual' as const, columns: 'predicted' as const };

describe('operating points', () => {
  it('reads the positive class out of a confusion matrix whichever index it has', () => {
    expect(outcomesFromConfusion(confusion, 'malignant')).toEqual({ truePositives: 50, falseNegatives: 3, falsePositives: 5, trueNegatives: 85 });
    expect(outcomesFromConfusion(confusion, 'benign')).toEqual({ truePositives: 85, falseNegatives: 5, falsePositives: 3, trueNegatives: 50 });
    expect(outcomesFromConfusion(confusion, 'other')).toBeNull();
  });

  it('gives TPR, FPR and precision, with precision 1 when nobody is flagged, and nothing when a class is absent', () => {
    expect(operatingPoint({ truePositives: 50, falseNegatives: 3, falsePositives: 5, trueNegatives: 85 }, 0.5)).toEqual({
      threshold: 0.5,
      tpr: 50 / 53,
      fpr: 5 / 90,
      precision: 50 / 55,
    });
    expect(operatingPoint({ truePositives: 0, falseNegatives: 3, falsePositives: 0, trueNegatives: 5 }, null)).toMatchObject({ tpr: 0, fpr: 0, precision: 1 });
    expect(operatingPoint({ truePositives: 3, falseNegatives: 0, falsePositives: 0, trueNegatives: 0 }, 0.5)).toBeNull();
  });

  it('marks the cost-optimal threshold only where it differs from the one in use', () => {
    const optimalOutcomes = { truePositives: 52, falseNegatives: 1, falsePositives: 9, trueNegatives: 81 };
    const report = {
      task: 'binary',
      positiveLabel: 'malignant',
      threshold: 0.5,
      confusion,
      cost: { optimal: { threshold: 0.2, outcomes: optimalOutcomes } },
    } as unknown as MetricsReport;
    const points = binaryOperatingPoints(report);
    expect(points.chosen).toMatchObject({ threshold: 0.5, tpr: 50 / 53 });
    expect(points.optimal).toMatchObject({ threshold: 0.2, tpr: 52 / 53, fpr: 9 / 90 });
    const same = { ...report, cost: { optimal: { threshold: 0.5, outcomes: optimalOutcomes } } } as unknown as MetricsReport;
    expect(binaryOperatingPoints(same).optimal).toBeNull();
    expect(binaryOperatingPoints({ ...report, task: 'multiclass' } as MetricsReport)).toEqual({ chosen: null, optimal: null });
  });
});
