// Five-field cron (minute hour day-of-month month day-of-week), always in UTC. Written here rather
// than taken from npm: the scheduler needs "the latest scheduled minute at or before now" as well as
// "the next one", and both are a short walk over one matcher; a dependency would bring neither
// more safety nor fewer lines. Fields take *, numbers, a-b ranges, /steps and comma lists; months
// and weekdays also take their three-letter English names; 7 is Sunday like 0. As in Vixie cron,
// when both day fields are restricted a day matches either of them.
import { UserError } from '../../engine/errors';

export interface CronSchedule {
  expression: string;
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  days: ReadonlySet<number>;
  months: ReadonlySet<number>;
  weekdays: ReadonlySet<number>;
  /** Whether the day-of-month / day-of-week field was anything but `*`. */
  daysRestricted: boolean;
  weekdaysRestricted: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const FIELDS = [
  { name: 'minute', min: 0, max: 59, names: null },
  { name: 'hour', min: 0, max: 23, names: null },
  { name: 'day of month', min: 1, max: 31, names: null },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day of week', min: 0, max: 7, names: WEEKDAYS },
] as const;

type Field = (typeof FIELDS)[number];

/** Parses a cron expression or throws a UserError naming the field and the part it could not read. */
export function parseCron(expression: string): CronSchedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5 || parts[0] === '') {
    throw new UserError(`A cron expression has 5 fields (minute hour day-of-month month day-of-week), e.g. "0 3 * * *"; "${expression}" has ${parts[0] === '' ? 0 : parts.length}`, { field: 'cron' });
  }
  const sets = parts.map((part, i) => parseField(part, FIELDS[i]));
  const weekdays = new Set([...sets[4]].map((d) => (d === 7 ? 0 : d)));
  return {
    expression: parts.join(' '),
    minutes: sets[0],
    hours: sets[1],
    days: sets[2],
    months: sets[3],
    weekdays,
    daysRestricted: parts[2] !== '*',
    weekdaysRestricted: parts[4] !== '*',
  };
}

function parseField(text: string, field: Field): Set<number> {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const [range, stepText, extra] = item.split('/');
    const bad = (why: string) => new UserError(`Cron ${field.name} field "${text}": ${why}`, { field: 'cron' });
    if (extra !== undefined) throw bad(`"${item}" has more than one "/"`);
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1 || stepText === '') throw bad(`the step "${stepText}" is not a whole number of at least 1`);
    let low: number;
    let high: number;
    if (range === '*') [low, high] = [field.min, field.max === 7 ? 6 : field.max];
    else {
      const ends = range.split('-');
      if (ends.length > 2) throw bad(`"${range}" is not a value or a range a-b`);
      low = value(ends[0], field, bad);
      // "5/15" means 5, 20, 35, 50: a start with a step runs to the field's end.
      high = ends.length === 2 ? value(ends[1], field, bad) : stepText === undefined ? low : field.max;
      if (high < low) throw bad(`the range ${range} runs backwards`);
    }
    for (let v = low; v <= high; v += step) values.add(v);
  }
  return values;
}

function value(text: string, field: Field, bad: (why: string) => UserError): number {
  const named = field.names?.indexOf(text.toLowerCase() as never) ?? -1;
  if (named >= 0) return field.names === MONTHS ? named + 1 : named;
  if (!/^\d+$/.test(text)) throw bad(`"${text}" is not a number${field.names ? ` or a name (${field.names.join(', ')})` : ''}`);
  const n = Number(text);
  if (n < field.min || n > field.max) throw bad(`${n} is outside ${field.min}–${field.max}`);
  return n;
}

const MINUTE = 60_000;
// Far enough for any valid expression (Feb 29 on a given weekday recurs within 28 years).
const MAX_STEPS = 200_000;

function dayMatches(s: CronSchedule, d: Date): boolean {
  const dom = s.days.has(d.getUTCDate());
  const dow = s.weekdays.has(d.getUTCDay());
  if (s.daysRestricted && s.weekdaysRestricted) return dom || dow;
  return dom && dow;
}

/** The first scheduled minute strictly after `after` (epoch ms); null if none within ~30 years. */
export function nextCronTime(s: CronSchedule, after: number): number | null {
  let t = Math.floor(after / MINUTE) * MINUTE + MINUTE;
  for (let i = 0; i < MAX_STEPS; i++) {
    const d = new Date(t);
    if (!s.months.has(d.getUTCMonth() + 1)) t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    else if (!dayMatches(s, d)) t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
    else if (!s.hours.has(d.getUTCHours())) t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1);
    else if (!s.minutes.has(d.getUTCMinutes())) t += MINUTE;
    else return t;
  }
  return null;
}

/** The latest scheduled minute at or before `atOrBefore` (epoch ms); null if none within ~30 years. */
export function previousCronTime(s: CronSchedule, atOrBefore: number): number | null {
  let t = Math.floor(atOrBefore / MINUTE) * MINUTE;
  for (let i = 0; i < MAX_STEPS; i++) {
    const d = new Date(t);
    // Each jump lands on the last minute of the previous month, day or hour.
    if (!s.months.has(d.getUTCMonth() + 1)) t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - MINUTE;
    else if (!dayMatches(s, d)) t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - MINUTE;
    else if (!s.hours.has(d.getUTCHours())) t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours()) - MINUTE;
    else if (!s.minutes.has(d.getUTCMinutes())) t -= MINUTE;
    else return t;
  }
  return null;
}
