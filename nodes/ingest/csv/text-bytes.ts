// Bytes of one cell → text. UTF-8 is validated by hand (to name the exact bad byte) and decoded
// without a TextDecoder call for short ASCII cells, which are most cells in practice.
import type { CsvEncoding } from './csv-options';

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

// Windows-1252's 0x80–0x9F; every other byte is its Latin-1 code point. Decoded by hand because
// Node's TextDecoder('windows-1252') reads those 32 bytes as Latin-1 C1 controls.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeCp1252(buf: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) {
    const c = buf[i];
    text += c >= 0x80 && c < 0xa0 ? CP1252_HIGH[c - 0x80] : String.fromCharCode(c);
  }
  return text;
}

/** Index of the first byte that breaks UTF-8 (overlongs and surrogates included), or -1. */
export function invalidUtf8At(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const c = buf[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const need = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
    const [min, max] = secondByteRange(c);
    if (min > max || i + need >= end) return i;
    const second = buf[i + 1];
    if (second < min || second > max) return i;
    for (let k = 2; k <= need; k++) if ((buf[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

/** Allowed range of the byte after a lead byte (Unicode 15, table 3-7); an empty range for a bad lead. */
function secondByteRange(lead: number): [number, number] {
  if (lead >= 0xc2 && lead <= 0xdf) return [0x80, 0xbf];
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [0x80, 0xbf];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [0x80, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [1, 0];
}

/** First index after leading spaces and tabs. */
export function trimStart(buf: Uint8Array, start: number, end: number): number {
  while (start < end && (buf[start] === 32 || buf[start] === 9)) start++;
  return start;
}

/** End index before trailing spaces and tabs. */
export function trimEnd(buf: Uint8Array, start: number, end: number): number {
  while (end > start && (buf[end - 1] === 32 || buf[end - 1] === 9)) end--;
  return end;
}

export function isAscii(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i] >= 0x80) return false;
  return true;
}

/** Decodes a cell already known to be valid in its encoding. */
export function decodeCell(buf: Uint8Array, start: number, end: number, encoding: CsvEncoding): string {
  if (end - start <= 24) {
    let text = '';
    let i = start;
    for (; i < end; i++) {
      const c = buf[i];
      if (c >= 0x80) break;
      text += String.fromCharCode(c);
    }
    if (i === end) return text;
  }
  return encoding === 'utf-8' ? utf8.decode(buf.subarray(start, end)) : decodeCp1252(buf, start, end);
}

/** A cell's UTF-8 bytes: the same bytes for UTF-8 input, transcoded for Windows-1252. */
export function utf8Bytes(buf: Uint8Array, start: number, end: number, encoding: CsvEncoding): Uint8Array {
  if (encoding === 'utf-8' || isAscii(buf, start, end)) return buf.subarray(start, end);
  return encoder.encode(decodeCp1252(buf, start, end));
}
