import { describe, expect, it } from 'vitest';
import { judgeHealth, type HealthFigures } from './health';

const calm: HealthFigures = { flaggedDrift: [], lastCheckAt: 1, liveAuc: 0.9, trainedAuc: 0.91, labelled7d: 500, latencyP95: 20, errorRate: 0, openAlerts: [] };

describe('judgeHealth', () => {
  it('is green with no reason when nothing is wrong', () => {
    expect(judgeHealth(calm)).toEqual({ level: 'green', reasons: [] });
  });

  it('is amber for one drifted feature and says which', () => {
    const h = judgeHealth({ ...calm, flaggedDrift: [{ feature: 'amount', metric: 'psi', value: 0.31 }] });
    expect(h.level).toBe('amber');
    expect(h.reasons[0].text).toBe('Input drift in feature: amount');
  });

  it('is red for decay beyond the rule, prediction drift, or a critical alert, each in words', () => {
    expect(judgeHealth({ ...calm, liveAuc: 0.8 }).reasons[0]).toEqual({ level: 'red', text: "Accuracy has decayed: ROC AUC 0.800 on the last 7 days' labels, 0.910 at training" });
    expect(judgeHealth({ ...calm, flaggedDrift: [{ feature: '__prediction__', metric: 'psi', value: 0.5 }] }).level).toBe('red');
    const alert = judgeHealth({ ...calm, openAlerts: [{ severity: 'critical', message: 'psi(amount) = 0.41 > 0.2 for 2 windows' }] });
    expect(alert.reasons).toEqual([{ level: 'red', text: 'Open critical alert: psi(amount) = 0.41 > 0.2 for 2 windows' }]);
  });

  it('ignores decay on too few labels, and grades latency and errors', () => {
    expect(judgeHealth({ ...calm, liveAuc: 0.5, labelled7d: 10 }).level).toBe('green');
    expect(judgeHealth({ ...calm, latencyP95: 300 }).level).toBe('amber');
    expect(judgeHealth({ ...calm, errorRate: 0.2 }).reasons[0].text).toBe('20% of requests failed at the last check');
  });
});
