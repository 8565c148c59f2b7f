// Byte-level tests for the non-numeric cell kinds: true/false (any case) and ISO 8601 dates.
import { parseDatetime } from '../../table/infer-column-type';
import { decodeCell } from './text-bytes';

/** 1 for true, 0 for false, -1 for anything else. */
export function parseBoolean(buf: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n === 4 && (buf[start] | 32) === 116 && (buf[start + 1] | 32) === 114 && (buf[start + 2] | 32) === 117 && (buf[start + 3] | 32) === 101) return 1;
  if (
    n === 5 && (buf[start] | 32) === 102 && (buf[start + 1] | 32) === 97 && (buf[start + 2] | 32) === 108 &&
    (buf[start + 3] | 32) === 115 && (buf[start + 4] | 32) === 101
  ) return 0;
  return -1;
}

/** Epoch milliseconds of an ISO 8601 date or date-time (a time without a zone is UTC), else NaN. */
export function parseDateCell(buf: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n < 10 || n > 40 || buf[start + 4] !== 45 || buf[start + 7] !== 45) return Number.NaN;
  return parseDatetime(decodeCell(buf, start, end, 'utf-8'));
}
