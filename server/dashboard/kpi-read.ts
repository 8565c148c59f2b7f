// Reads kpi_daily for endpoints and a day range, merged across the versions that answered.
import type Database from 'better-sqlite3';
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

interface Row {
  day: number;
  predictions: number;
  labelled: number;
  unusable: number;
  latency_hist: string;
  pos_hist: string;
  neg_hist: string;
  pos_value: string;
  neg_value: string;
}

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
export function readDays(sqlite: Database.Database, endpointId: string, fromDay: number, toDay: number): DayFigures[] {
  const rows = sqlite
    .prepare('SELECT day, predictions, labelled, unusable, latency_hist, pos_hist, neg_hist, pos_value, neg_value FROM kpi_daily WHERE endpoint_id = ? AND day BETWEEN ? AND ?')
    .all(endpointId, fromDay, toDay) as Row[];
  const days: DayFigures[] = [];
  for (let d = fromDay; d <= toDay; d++) days.push(emptyDay(d));
  for (const r of rows) mergeDay(days[r.day - fromDay], r);
  return days;
}

function mergeDay(into: DayFigures, r: Row): void {
  into.predictions += r.predictions;
  into.labelled += r.labelled;
  into.unusable += r.unusable;
  addInto(into.latencyHist, JSON.parse(r.latency_hist) as number[]);
  addInto(into.posHist, JSON.parse(r.pos_hist) as number[]);
  addInto(into.negHist, JSON.parse(r.neg_hist) as number[]);
  addInto(into.posValue, JSON.parse(r.pos_value) as number[]);
  addInto(into.negValue, JSON.parse(r.neg_value) as number[]);
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
