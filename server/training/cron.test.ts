import { describe, expect, it } from 'vitest';
import { nextCronTime, parseCron, previousCronTime } from './cron';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('parseCron', () => {
  it('reads lists, ranges, steps and names', () => {
    const s = parseCron('*/15 9-17 * jan,JUL mon-fri');
    expect([...s.minutes]).toEqual([0, 15, 30, 45]);
    expect([...s.hours]).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect([...s.months]).toEqual([1, 7]);
    expect([...s.weekdays]).toEqual([1, 2, 3, 4, 5]);
    expect([...parseCron('5/20 * * * 7').minutes]).toEqual([5, 25, 45]);
    expect([...parseCron('0 0 * * 7').weekdays]).toEqual([0]);
  });

  it.each([
    ['0 3 * *', /5 fields .* has 4/],
    ['', /has 0/],
    ['61 * * * *', /minute field "61": 61 is outside 0–59/],
    ['* * 0 * *', /day of month field "0": 0 is outside 1–31/],
    ['* * * foo *', /month field "foo": "foo" is not a number or a name \(jan, feb/],
    ['*/0 * * * *', /step "0" is not a whole number/],
    ['* 5-2 * * *', /range 5-2 runs backwards/],
    ['1-2-3 * * * *', /not a value or a range/],
  ])('refuses %j naming the field', (expression, message) => {
    expect(() => parseCron(expression)).toThrow(message);
  });
});

describe('nextCronTime / previousCronTime', () => {
  it('finds the next minute strictly after, across hours, days and months', () => {
    const daily = parseCron('0 3 * * *');
    expect(iso(nextCronTime(daily, at('2026-03-01T02:59:30Z')))).toBe('2026-03-01T03:00:00.000Z');
    expect(iso(nextCronTime(daily, at('2026-03-01T03:00:00Z')))).toBe('2026-03-02T03:00:00.000Z');
    expect(iso(nextCronTime(daily, at('2026-12-31T05:00:00Z')))).toBe('2027-01-01T03:00:00.000Z');
    expect(iso(nextCronTime(parseCron('30 12 29 2 *'), at('2026-03-01T00:00:00Z')))).toBe('2028-02-29T12:30:00.000Z');
  });

  it('finds the latest scheduled minute at or before a time', () => {
    const s = parseCron('*/10 * * * *');
    expect(iso(previousCronTime(s, at('2026-03-01T10:20:00Z')))).toBe('2026-03-01T10:20:00.000Z');
    expect(iso(previousCronTime(s, at('2026-03-01T10:29:59Z')))).toBe('2026-03-01T10:20:00.000Z');
    expect(iso(previousCronTime(parseCron('0 3 1 * *'), at('2026-03-01T02:00:00Z')))).toBe('2026-02-01T03:00:00.000Z');
    expect(iso(previousCronTime(parseCron('0 0 * 6 *'), at('2026-03-01T00:00:00Z')))).toBe('2025-06-30T00:00:00.000Z');
  });

  it('matches either day field when both are restricted, as Vixie cron does', () => {
    const s = parseCron('0 0 13 * fri');
    // 2026-03-06 is a Friday (not the 13th); 2026-03-13 is a Friday the 13th.
    expect(iso(nextCronTime(s, at('2026-03-01T00:00:00Z')))).toBe('2026-03-06T00:00:00.000Z');
    expect(iso(nextCronTime(parseCron('0 0 13 * *'), at('2026-03-01T00:00:00Z')))).toBe('2026-03-13T00:00:00.000Z');
    expect(iso(nextCronTime(parseCron('0 0 * * fri'), at('2026-03-07T00:00:00Z')))).toBe('2026-03-13T00:00:00.000Z');
  });

  it('answers null for a date that never comes', () => {
    expect(nextCronTime(parseCron('0 0 31 2 *'), at('2026-01-01T00:00:00Z'))).toBeNull();
  });
});
