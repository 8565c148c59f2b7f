// What a binary classifier's outcomes were worth, from binned labelled scores (score-bins.ts):
// value delivered by true positives, cost of false positives and false negatives, at the chosen
// threshold and at every other one (the sweep answers "what would another threshold have given").
import { SCORE_BINS, thresholdBin } from './score-bins';

export interface OutcomePrices {
  tpValue: number;
  tpWeighted: boolean;
  fpCost: number;
  fpWeighted: boolean;
  fnCost: number;
  fnWeighted: boolean;
}

/** Labelled rows by score bin and true class; values are sums of the value column (0 without one). */
export interface LabelledBins {
  posHist: readonly number[];
  negHist: readonly number[];
  posValue: readonly number[];
  negValue: readonly number[];
}

export interface BusinessOutcome {
  threshold: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  valueDelivered: number;
  costOfErrors: number;
  net: number;
}

export function priceAt(bins: LabelledBins, prices: OutcomePrices, threshold: number): BusinessOutcome {
  const k = thresholdBin(threshold);
  let tp = 0, fp = 0, fn = 0, tn = 0, tpV = 0, fpV = 0, fnV = 0;
  for (let b = 0; b < SCORE_BINS; b++) {
    const pos = bins.posHist[b] ?? 0;
    const neg = bins.negHist[b] ?? 0;
    if (b >= k) {
      tp += pos;
      fp += neg;
      tpV += bins.posValue[b] ?? 0;
      fpV += bins.negValue[b] ?? 0;
    } else {
      fn += pos;
      tn += neg;
      fnV += bins.posValue[b] ?? 0;
    }
  }
  const valueDelivered = prices.tpValue * (prices.tpWeighted ? tpV : tp);
  const costOfErrors = prices.fpCost * (prices.fpWeighted ? fpV : fp) + prices.fnCost * (prices.fnWeighted ? fnV : fn);
  return { threshold: k / 100, tp, fp, fn, tn, valueDelivered, costOfErrors, net: valueDelivered - costOfErrors };
}

/** Every threshold 0, 0.01, …, 1 in one pass per threshold; and the one with the best net value. */
export function thresholdSweep(bins: LabelledBins, prices: OutcomePrices): { points: BusinessOutcome[]; best: BusinessOutcome } {
  const points: BusinessOutcome[] = [];
  for (let k = 0; k < SCORE_BINS; k++) points.push(priceAt(bins, prices, k / 100));
  let best = points[0];
  for (const p of points) if (p.net > best.net) best = p;
  return { points, best };
}
