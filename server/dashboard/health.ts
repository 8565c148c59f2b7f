// A deployed model's health, green, amber or red, from drift, decay, latency, error rate and open
// alerts, each reason said in words. Pure: the portfolio gathers the figures, this judges them.
export type HealthLevel = 'green' | 'amber' | 'red';

export interface HealthReason {
  level: Exclude<HealthLevel, 'green'>;
  text: string;
}

export interface HealthFigures {
  /** Flagged drift figures of the latest check: feature ('__prediction__' for the prediction) and metric. */
  flaggedDrift: { feature: string; metric: string; value: number }[];
  /** When the latest check ran; null when none has. */
  lastCheckAt: number | null;
  /** ROC AUC over the last 7 days' labelled predictions, and the champion's at training. */
  liveAuc: number | null;
  trainedAuc: number | null;
  labelled7d: number;
  /** Bucketed p95 latency over today and yesterday, ms. */
  latencyP95: number | null;
  /** The latest check's error rate (0..1), where it measured one. */
  errorRate: number | null;
  openAlerts: { severity: 'info' | 'warning' | 'critical'; message: string }[];
}

/** The rules, named so the dashboard can print them next to the cards. */
export const HEALTH_RULES = {
  decayAmber: 0.03,
  decayRed: 0.08,
  latencyAmberMs: 250,
  latencyRedMs: 1000,
  errorAmber: 0.01,
  errorRed: 0.05,
  minLabels: 50,
} as const;

const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;

export function judgeHealth(f: HealthFigures): { level: HealthLevel; reasons: HealthReason[] } {
  const reasons: HealthReason[] = [];
  const prediction = f.flaggedDrift.filter((d) => d.feature === '__prediction__');
  const features = [...new Set(f.flaggedDrift.filter((d) => d.feature !== '__prediction__' && d.feature !== '').map((d) => d.feature))];
  if (prediction.length > 0) reasons.push({ level: 'red', text: `Its predictions have drifted from training (${prediction[0].metric} ${prediction[0].value.toFixed(2)})` });
  if (features.length > 0) {
    const named = features.slice(0, 3).join(', ') + (features.length > 3 ? ` and ${features.length - 3} more` : '');
    reasons.push({ level: features.length >= 3 ? 'red' : 'amber', text: `Input drift in ${features.length === 1 ? 'feature' : `${features.length} features`}: ${named}` });
  }
  if (f.liveAuc !== null && f.trainedAuc !== null && f.labelled7d >= HEALTH_RULES.minLabels) {
    const drop = f.trainedAuc - f.liveAuc;
    const text = `Accuracy has decayed: ROC AUC ${f.liveAuc.toFixed(3)} on the last 7 days' labels, ${f.trainedAuc.toFixed(3)} at training`;
    if (drop >= HEALTH_RULES.decayRed) reasons.push({ level: 'red', text });
    else if (drop >= HEALTH_RULES.decayAmber) reasons.push({ level: 'amber', text });
  }
  if (f.latencyP95 !== null && f.latencyP95 > HEALTH_RULES.latencyAmberMs) {
    reasons.push({ level: f.latencyP95 > HEALTH_RULES.latencyRedMs ? 'red' : 'amber', text: `Slow answers: 95% of requests took up to ${f.latencyP95} ms since yesterday` });
  }
  if (f.errorRate !== null && f.errorRate > HEALTH_RULES.errorAmber) {
    reasons.push({ level: f.errorRate > HEALTH_RULES.errorRed ? 'red' : 'amber', text: `${pct(f.errorRate)} of requests failed at the last check` });
  }
  for (const a of f.openAlerts) {
    if (a.severity === 'info') continue;
    reasons.push({ level: a.severity === 'critical' ? 'red' : 'amber', text: `Open ${a.severity} alert: ${a.message}` });
  }
  const level: HealthLevel = reasons.some((r) => r.level === 'red') ? 'red' : reasons.length > 0 ? 'amber' : 'green';
  return { level, reasons };
}
