// One CSV cell as text: RFC 4180 quoting, and text that a spreadsheet would run as a formula
// defused the way OWASP advises (a leading apostrophe inside quotes). Numbers are never formulas.

/** OWASP's formula triggers: = + - @, tab and carriage return at the start of a cell. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number, sign included: "-12.5" is a number to a spreadsheet, never a formula. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** True when a spreadsheet opening this text would treat it as a formula. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/** Text (a header or a text/categorical cell) as a CSV field, defused and quoted as needed. */
export function textField(text: string): string {
  if (isFormulaLike(text)) return `"'${text.replace(/"/g, '""')}"`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number as the shortest text that reads back to the same double; missing is an empty field. */
export function numberField(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return String(value);
}

/** Epoch milliseconds as ISO 8601 in UTC; a column of midnights is written as plain dates. */
export function datetimeField(ms: number | null, dateOnly: boolean): string {
  if (ms === null || !Number.isFinite(ms)) return '';
  const iso = new Date(ms).toISOString();
  return dateOnly ? iso.slice(0, 10) : iso;
}

export function isMidnightUtc(ms: number): boolean {
  return ms % 86_400_000 === 0;
}
