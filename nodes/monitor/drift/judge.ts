// Compares a feature's figures with its thresholds; every crossed threshold is a reason in words.
import type { DriftThresholds } from './drift-thresholds';

export interface Figures {
  psi?: number | null;
  ksPValue?: number | null;
  ksStatistic?: number | null;
  wasserstein?: number | null;
  chiSquarePValue?: number | null;
  unseenShare?: number | null;
  missingRateIncrease?: number | null;
}

const fmt = (v: number) => (Math.abs(v) >= 1e-3 || v === 0 ? Number(v.toPrecision(3)).toString() : v.toExponential(2));

export function judge(t: DriftThresholds, f: Figures): { drifted: boolean; reasons: string[] } {
  const reasons: string[] = [];
  const above = (label: string, value: number | null | undefined, limit: number | null) => {
    if (limit !== null && value !== null && value !== undefined && value > limit) reasons.push(`${label} ${fmt(value)} > ${fmt(limit)}`);
  };
  const below = (label: string, value: number | null | undefined, limit: number | null) => {
    if (limit !== null && value !== null && value !== undefined && value < limit) reasons.push(`${label} ${fmt(value)} < ${fmt(limit)}`);
  };
  above('PSI', f.psi, t.psi);
  below('KS p-value', f.ksPValue, t.ksPValue);
  above('KS statistic', f.ksStatistic, t.ksStatistic);
  above('Wasserstein', f.wasserstein, t.wasserstein);
  below('chi-square p-value', f.chiSquarePValue, t.chiSquarePValue);
  above('unseen categories', f.unseenShare, t.unseenShare);
  above('missing rate increase', f.missingRateIncrease, t.missingRateIncrease);
  return { drifted: reasons.length > 0, reasons };
}
