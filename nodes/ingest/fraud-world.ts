// The two worlds of the synthetic card-fraud generator: the reference world (drift 0) and a shifted
// one (drift 1). Every drifting quantity is a pair [reference, shifted], read at drift d as
// (1 − d)·reference + d·shifted. The monitoring nodes rely on exactly this list of what drifts:
//   - hour of day: the night hours 00–05 (UTC) weigh 3.5× more, 22–23 1.5× more (more night activity);
//   - merchant mix: towards online_retail, electronics, travel and gambling, away from grocery, fuel, restaurants;
//   - card not present, per category: higher in every category (more online transactions);
//   - foreign country, per category: higher in every category (more foreign transactions);
//   - amount: the log-normal's log-median rises by 0.4 in every category (amounts × e^0.4 ≈ 1.49);
//   - fraud: the logistic coefficients change (concept drift; see FRAUD_COEFFICIENTS).
// Not drifting: customer age, the distance law given home or abroad, which foreign countries, the
// fraud base rate (the intercept is solved for `fraudRate` at every drift).
export const MERCHANT_CATEGORIES = [
  'grocery',
  'fuel',
  'restaurants',
  'entertainment',
  'travel',
  'electronics',
  'online_retail',
  'gambling',
] as const;

export const HOME_COUNTRY = 'US';
export const FOREIGN_COUNTRIES = ['CA', 'MX', 'GB', 'DE', 'FR', 'BR', 'NG', 'RO'] as const;
export const FOREIGN_WEIGHTS = [0.25, 0.2, 0.15, 0.1, 0.1, 0.08, 0.06, 0.06];

type Pair = readonly [reference: number, shifted: number];
type PerCategory = Readonly<Record<(typeof MERCHANT_CATEGORIES)[number], Pair>>;

/** Relative share of transactions per hour of day, 00 to 23 (UTC). */
const HOUR_REFERENCE = [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.5, 3, 4.5, 5, 5.5, 6, 7, 6.5, 6, 6, 6.5, 7, 7, 6.5, 5.5, 4.5, 3, 2];
const HOUR_SHIFT = HOUR_REFERENCE.map((w, h) => w * (h < 6 ? 3.5 : h >= 22 ? 1.5 : 1));

/** The hours that count as night, for the fraud model and for the drift checks: 00:00–05:59. */
export const isNight = (hour: number): boolean => hour < 6;

const CATEGORY_SHARE: PerCategory = {
  grocery: [0.26, 0.18],
  fuel: [0.14, 0.1],
  restaurants: [0.18, 0.14],
  entertainment: [0.08, 0.08],
  travel: [0.05, 0.08],
  electronics: [0.06, 0.09],
  online_retail: [0.2, 0.28],
  gambling: [0.03, 0.05],
};

const CARD_NOT_PRESENT: PerCategory = {
  grocery: [0.02, 0.1],
  fuel: [0.01, 0.03],
  restaurants: [0.05, 0.15],
  entertainment: [0.3, 0.45],
  travel: [0.6, 0.75],
  electronics: [0.3, 0.5],
  online_retail: [0.97, 0.98],
  gambling: [0.7, 0.85],
};

const FOREIGN: PerCategory = {
  grocery: [0.02, 0.05],
  fuel: [0.02, 0.04],
  restaurants: [0.04, 0.08],
  entertainment: [0.04, 0.1],
  travel: [0.35, 0.5],
  electronics: [0.05, 0.15],
  online_retail: [0.08, 0.2],
  gambling: [0.1, 0.25],
};

/** Median amount and log-scale spread of the log-normal amount, per category; the drift adds AMOUNT_SHIFT to ln(median). */
const AMOUNT: Readonly<Record<(typeof MERCHANT_CATEGORIES)[number], { median: number; sigma: number }>> = {
  grocery: { median: 40, sigma: 0.6 },
  fuel: { median: 45, sigma: 0.4 },
  restaurants: { median: 30, sigma: 0.6 },
  entertainment: { median: 35, sigma: 0.7 },
  travel: { median: 300, sigma: 0.9 },
  electronics: { median: 180, sigma: 0.8 },
  online_retail: { median: 55, sigma: 0.9 },
  gambling: { median: 70, sigma: 1 },
};
const AMOUNT_SHIFT: Pair = [0, 0.4];

/**
 * Fraud log-odds, added up (the intercept is solved separately): amount × ln(amount / 50),
 * night × [hour < 6], foreign × [country ≠ home], cardNotPresent × [card not present],
 * distance × ln(1 + km from home), plus the merchant category's own term. Age carries no signal.
 * At drift 1 fraud moves online (card not present, online_retail, fuel) and away from large,
 * night-time, foreign and electronics purchases, so a model fitted at drift 0 ranks worse.
 */
export const FRAUD_COEFFICIENTS = {
  amount: [0.9, 0.2],
  night: [1.4, 0.5],
  foreign: [1.4, 0.6],
  cardNotPresent: [1.6, 2.4],
  distance: [0.25, 0.25],
} as const satisfies Record<string, Pair>;

const CATEGORY_FRAUD: PerCategory = {
  grocery: [0, 0.3],
  fuel: [-0.2, 0.8],
  restaurants: [-0.3, -0.3],
  entertainment: [0.2, 0.2],
  travel: [0.4, 0.4],
  electronics: [1.2, 0.4],
  online_retail: [0.6, 1.4],
  gambling: [1.5, 1.5],
};

/** Everything the generator draws from, read at one drift level; arrays are indexed by MERCHANT_CATEGORIES. */
export interface FraudWorld {
  hourWeights: number[];
  categoryWeights: number[];
  cardNotPresent: number[];
  foreign: number[];
  amountLogMedian: number[];
  amountSigma: number[];
  fraud: { amount: number; night: number; foreign: number; cardNotPresent: number; distance: number; category: number[] };
}

export function fraudWorld(drift: number): FraudWorld {
  const at = ([reference, shifted]: Pair) => (1 - drift) * reference + drift * shifted;
  const perCategory = (table: PerCategory) => MERCHANT_CATEGORIES.map((c) => at(table[c]));
  const c = FRAUD_COEFFICIENTS;
  return {
    hourWeights: HOUR_REFERENCE.map((w, h) => at([w, HOUR_SHIFT[h]])),
    categoryWeights: perCategory(CATEGORY_SHARE),
    cardNotPresent: perCategory(CARD_NOT_PRESENT),
    foreign: perCategory(FOREIGN),
    amountLogMedian: MERCHANT_CATEGORIES.map((name) => Math.log(AMOUNT[name].median) + at(AMOUNT_SHIFT)),
    amountSigma: MERCHANT_CATEGORIES.map((name) => AMOUNT[name].sigma),
    fraud: {
      amount: at(c.amount),
      night: at(c.night),
      foreign: at(c.foreign),
      cardNotPresent: at(c.cardNotPresent),
      distance: at(c.distance),
      category: perCategory(CATEGORY_FRAUD),
    },
  };
}

/** Cumulative weights scaled to end at 1, for drawing an index with one uniform number. */
export function cumulative(weights: readonly number[]): Float64Array {
  const total = weights.reduce((a, b) => a + b, 0);
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (out[i] = sum += w / total));
  out[out.length - 1] = 1;
  return out;
}

/** The index whose cumulative band holds u ∈ [0, 1). */
export function pick(cdf: Float64Array, u: number): number {
  let i = 0;
  while (i < cdf.length - 1 && u >= cdf[i]) i++;
  return i;
}
