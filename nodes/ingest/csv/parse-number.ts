// Decimal numbers straight from bytes, without making a string: [+-]digits[.digits][e[+-]digits].
// Up to 15 significant digits and a power of ten within 10^±22, one IEEE multiply or divide of two
// exact values is correctly rounded (Clinger's fast path); anything longer goes through Number().

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
const scratch = new Float64Array(1);

/** The value, or NaN when the bytes are not a decimal number (no valid number parses to NaN). */
export function parseNumber(buf: Uint8Array, start: number, end: number): number {
  return scanNumber(buf, start, end, scratch, 0) ? scratch[0] : Number.NaN;
}

/** Parses buf[start, end) into out[at]; false when those bytes are not exactly one number. */
export function scanNumber(buf: Uint8Array, start: number, end: number, out: Float64Array, at: number): boolean {
  return scanNumberUntil(buf, start, end, out, at) === end;
}

/**
 * Reads the longest number starting at `start` (not past `limit`) into out[at] and returns the
 * index after it, or -1 when no number starts there. Writing into the array, rather than
 * returning the double, keeps V8 from boxing a heap number per cell on the hot path.
 */
export function scanNumberUntil(buf: Uint8Array, start: number, limit: number, out: Float64Array, at: number): number {
  let i = start;
  let c = buf[i];
  const negative = c === 45;
  if (negative || c === 43) i++;
  let mantissa = 0;
  const intStart = i;
  while (i < limit) {
    c = buf[i];
    if (c < 48 || c > 57) break;
    mantissa = mantissa * 10 + (c - 48);
    i++;
  }
  let digits = i - intStart;
  let scale = 0;
  if (i < limit && buf[i] === 46) {
    const fracStart = ++i;
    while (i < limit) {
      c = buf[i];
      if (c < 48 || c > 57) break;
      mantissa = mantissa * 10 + (c - 48);
      i++;
    }
    scale = fracStart - i;
    digits -= scale;
  }
  if (digits === 0) return -1;
  if (i + 1 < limit && (buf[i] === 101 || buf[i] === 69)) {
    let k = i + 1;
    const expNegative = buf[k] === 45;
    if (expNegative || buf[k] === 43) k++;
    const expStart = k;
    let exponent = 0;
    while (k < limit) {
      c = buf[k];
      if (c < 48 || c > 57) break;
      if (exponent < 100_000) exponent = exponent * 10 + (c - 48);
      k++;
    }
    if (k > expStart) {
      scale += expNegative ? -exponent : exponent;
      i = k;
    }
  }
  // Leading zeros count as digits here, so a long one takes the slow (still exact) way.
  if (digits > 15 || scale > 22 || scale < -22) {
    out[at] = slowParse(buf, start, i);
    return i;
  }
  const value = scale >= 0 ? mantissa * POW10[scale] : mantissa / POW10[-scale];
  out[at] = negative ? -value : value;
  return i;
}

function slowParse(buf: Uint8Array, start: number, end: number): number {
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(buf[i]);
  return Number(text);
}
