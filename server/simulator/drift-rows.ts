// The simulator's transactions: the card-fraud generator's rows, as raw records with the columns
// of the fraud table (nodes/ingest/fraud-table.ts), with the scenario's drift applied. A pure
// function of the scenario and the row count: the same seed gives the same rows.
import { mulberry32 } from '../../nodes/split/prng';
import { FOREIGN_COUNTRIES, HOME_COUNTRY, MERCHANT_CATEGORIES } from '../../nodes/ingest/fraud-world';
import { generateFraud } from '../../nodes/ingest/synthetic-fraud';
import { NEW_MERCHANT_CATEGORIES, type DriftScenario } from './drift-scenario';

export interface SimulatedRow {
  /** Feature values by column name, as a client would send them. */
  values: Record<string, string | number | boolean>;
  /** The ground truth the label feedback carries later, as the fraud table writes it. */
  label: '0' | '1';
}

const COUNTRIES = [HOME_COUNTRY, ...FOREIGN_COUNTRIES];
/** Seeds the category stream apart from the generator's own, so turning it on leaves every other column as it was. */
const CATEGORY_STREAM = 0x9e3779b9;

export function driftRows(scenario: DriftScenario, rows: number): SimulatedRow[] {
  const data = generateFraud({ rows, seed: scenario.seed, fraudRate: scenario.fraudRate, drift: scenario.drift, startMs: scenario.startMs, days: 1 });
  const categories = mulberry32((scenario.seed ^ CATEGORY_STREAM) >>> 0);
  const out: SimulatedRow[] = [];
  for (let i = 0; i < rows; i++) {
    const fresh = categories.next() < scenario.newCategoryShare;
    const pickNew = categories.nextInt(NEW_MERCHANT_CATEGORIES.length);
    out.push({
      values: {
        transaction_id: `sim-${scenario.seed}-${i}`,
        timestamp: new Date(data.timestamp[i]).toISOString(),
        amount: Math.max(0.01, Math.round(data.amount[i] * scenario.amountScale * 100) / 100),
        merchant_category: fresh ? NEW_MERCHANT_CATEGORIES[pickNew] : MERCHANT_CATEGORIES[data.category[i]],
        hour: data.hour[i],
        country: COUNTRIES[data.country[i]],
        card_present: data.cardPresent[i] === 1,
        customer_age: data.customerAge[i],
        distance_from_home_km: data.distanceKm[i],
      },
      label: data.isFraud[i] === 1 ? '1' : '0',
    });
  }
  return out;
}
