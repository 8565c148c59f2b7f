// Synthetic card transactions with a known fraud mechanism, as typed arrays: a pure function of its
// options (one seeded mulberry32 stream, drawn in a fixed order), so the same options give the same
// bytes on every machine. What the drift knob changes is listed in fraud-world.ts.
import { mulberry32, type Prng } from '../split/prng';
import { sigmoid, solveIntercept } from './fraud-intercept';
import { cumulative, FOREIGN_WEIGHTS, fraudWorld, isNight, pick } from './fraud-world';

export interface FraudOptions {
  rows: number;
  seed: number;
  /** Wanted share of fraud; the intercept is solved so the mean probability over the rows is this. */
  fraudRate: number;
  /** 0 = the reference world, 1 = the shifted world; in between, a linear blend. */
  drift: number;
  /** UTC midnight of the first day, epoch ms. */
  startMs: number;
  days: number;
}

export interface FraudColumns {
  rows: number;
  /** Epoch ms, ascending: rows come in time order. */
  timestamp: Float64Array;
  hour: Float64Array;
  /** Index into MERCHANT_CATEGORIES. */
  category: Uint8Array;
  amount: Float64Array;
  /** 0 = HOME_COUNTRY, k > 0 = FOREIGN_COUNTRIES[k − 1]. */
  country: Uint8Array;
  cardPresent: Uint8Array;
  customerAge: Float64Array;
  distanceKm: Float64Array;
  /** The true fraud probability each row was drawn with (not a column of the table). */
  probability: Float64Array;
  isFraud: Uint8Array;
  intercept: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Customer age ~ Normal(44, 14) rounded, kept to 18–90; it carries no fraud signal and never drifts. */
const AGE = { mean: 44, sd: 14, min: 18, max: 90 };
/** Kilometres from home ~ log-normal: a median of 8 km at home, 1,800 km abroad. */
const DISTANCE = { home: { median: 8, sigma: 1 }, abroad: { median: 1800, sigma: 0.6 } };

export function generateFraud(options: FraudOptions): FraudColumns {
  const { rows, days, startMs } = options;
  const world = fraudWorld(options.drift);
  const prng = mulberry32(options.seed);
  const hours = cumulative(world.hourWeights);
  const categories = cumulative(world.categoryWeights);
  const foreignCountries = cumulative(FOREIGN_WEIGHTS);

  const timestamp = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const hour = pick(hours, prng.next());
    timestamp[i] = startMs + prng.nextInt(days) * DAY_MS + hour * HOUR_MS + Math.floor(prng.next() * HOUR_MS);
  }
  timestamp.sort();

  const out: FraudColumns = {
    rows,
    timestamp,
    hour: new Float64Array(rows),
    category: new Uint8Array(rows),
    amount: new Float64Array(rows),
    country: new Uint8Array(rows),
    cardPresent: new Uint8Array(rows),
    customerAge: new Float64Array(rows),
    distanceKm: new Float64Array(rows),
    probability: new Float64Array(rows),
    isFraud: new Uint8Array(rows),
    intercept: 0,
  };
  const score = new Float64Array(rows);
  const f = world.fraud;
  for (let i = 0; i < rows; i++) {
    const hour = Math.floor((timestamp[i] - startMs) / HOUR_MS) % 24;
    const c = pick(categories, prng.next());
    const notPresent = prng.next() < world.cardNotPresent[c];
    const foreign = prng.next() < world.foreign[c];
    const country = pick(foreignCountries, prng.next()) + 1;
    const amount = Math.max(0.01, round(Math.exp(world.amountLogMedian[c] + world.amountSigma[c] * normal(prng)), 100));
    const age = Math.min(AGE.max, Math.max(AGE.min, Math.round(AGE.mean + AGE.sd * normal(prng))));
    const law = foreign ? DISTANCE.abroad : DISTANCE.home;
    const distance = round(law.median * Math.exp(law.sigma * normal(prng)), 10);

    out.hour[i] = hour;
    out.category[i] = c;
    out.amount[i] = amount;
    out.country[i] = foreign ? country : 0;
    out.cardPresent[i] = notPresent ? 0 : 1;
    out.customerAge[i] = age;
    out.distanceKm[i] = distance;
    score[i] =
      f.amount * Math.log(amount / 50) +
      (isNight(hour) ? f.night : 0) +
      (foreign ? f.foreign : 0) +
      (notPresent ? f.cardNotPresent : 0) +
      f.distance * Math.log1p(distance) +
      f.category[c];
  }

  out.intercept = solveIntercept(score, options.fraudRate);
  for (let i = 0; i < rows; i++) {
    const p = sigmoid(out.intercept + score[i]);
    out.probability[i] = p;
    out.isFraud[i] = prng.next() < p ? 1 : 0;
  }
  return out;
}

/** A standard normal draw (Box–Muller, one of the pair), from two uniforms. */
function normal(prng: Prng): number {
  const u = 1 - prng.next(); // in (0, 1]: log(0) never happens
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * prng.next());
}

const round = (x: number, scale: number) => Math.round(x * scale) / scale;
