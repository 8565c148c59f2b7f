// Reads kpi_daily for endpoints and a day range, merged across the versions that answered.
import { and, between, eq } from 'drizzle-orm';
import type { AnyDb } from '../db/any-db';
import type { LabelledBins } from './business-value';
import { emptyLatency } from './latency-buckets';
import { addInto, emptyBins } from './score-bins';

export interface DayFigures extends LabelledBins {
  day: number;
  predictions: number;
  labelled: number;
  unusable: number;
  latencyHist: number[];
  posHist: number[];
  negHist: number[];
  posValue: number[];
  negValue: number[];
}

type Row = Pick<DayFigures, 'day' | 'predictions' | 'labelled' | 'unusable' | 'latencyHist' | 'posHist' | 'negHist' | 'posValue' | 'negValue'>;

export const emptyDay = (day: number): DayFigures => ({
  day,
  predictions: 0,
  labelled: 0,
  unusable: 0,
  latencyHist: emptyLatency(),
  posHist: emptyBins(),
  negHist: emptyBins(),
  posValue: emptyBins(),
  negValue: emptyBins(),
});

/** One entry per day from `fromDay` to `toDay` inclusive (days without traffic are zeros). */
export async function readDays(db: AnyDb, endpointId: string, fromDay: number, toDay: number): Promise<DayFigures[]> {
  const k = db.t.kpiDaily;
  const rows: Row[] = await db
    .select({ day: k.day, predictions: k.predictions, labelled: k.labelled, unusable: k.unusable, latencyHist: k.latencyHist, posHist: k.posHist, negHist: k.negHist, posValue: k.posValue, negValue: k.negValue })
    .from(k)
    .where(and(eq(k.endpointId, endpointId), between(k.day, fromDay, toDay)));
  const days: DayFigures[] = [];
  for (let d = fromDay; d <= toDay; d++) days.push(emptyDay(d));
  for (const r of rows) mergeDay(days[r.day - fromDay], r);
  return days;
}

function mergeDay(into: DayFigures, r: Row): void {
  into.predictions += r.predictions;
  into.labelled += r.labelled;
  into.unusable += r.unusable;
  addInto(into.latencyHist, r.latencyHist);
  addInto(into.posHist, r.posHist);
  addInto(into.negHist, r.negHist);
  addInto(into.posValue, r.posValue);
  addInto(into.negValue, r.negValue);
}

/** Several days as one. */
export function sumDays(days: readonly DayFigures[]): DayFigures {
  const total = emptyDay(days[0]?.day ?? 0);
  for (const d of days) {
    total.predictions += d.predictions;
    total.labelled += d.labelled;
    total.unusable += d.unusable;
    addInto(total.latencyHist, d.latencyHist);
    addInto(total.posHist, d.posHist);
    addInto(total.negHist, d.negHist);
    addInto(total.posValue, d.posValue);
    addInto(total.negValue, d.negValue);
  }
  return total;
}
