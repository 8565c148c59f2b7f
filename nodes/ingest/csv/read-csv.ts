// CSV bytes → an Arrow table with typed columns, read chunk by chunk from a source that can be
// opened again (a file, a browser File, a byte array). Isomorphic: no Node or DOM specifics.
// A chunk need only stay valid until the next one is requested.
import type { ColumnInfo } from '../../values';
import type { Table } from 'apache-arrow';
import { buildTable } from './arrow-columns';
import { backfill, type ByteSource } from './backfill';
import { CellRules } from './cell-rules';
import { CsvError, tooLargeError } from './csv-error';
import { DEFAULT_LIMITS, csvOptions, type CsvLimits, type CsvOptions, type CsvOptionsInput } from './csv-options';
import { sniffDelimiter, type Delimiter } from './sniff-delimiter';
import { TableSink } from './table-sink';
import { CsvTokenizer } from './tokenizer';

export type { ByteSource } from './backfill';

const HEAD_BYTES = 64 * 1024;

export interface ReadCsvRequest {
  options?: CsvOptionsInput | CsvOptions;
  limits?: Partial<CsvLimits>;
  /** The file's size when known; used only to reserve column memory up front. */
  sizeHint?: number;
  signal?: AbortSignal;
}

export interface ReadCsvResult {
  table: Table;
  columns: ColumnInfo[];
  rows: number;
  delimiter: Delimiter;
  /** Columns that changed type part-way and were read twice. */
  reread: string[];
}

export async function readCsv(open: ByteSource, request: ReadCsvRequest = {}): Promise<ReadCsvResult> {
  const options = csvOptions(request.options);
  const limits: CsvLimits = { ...DEFAULT_LIMITS, ...request.limits };
  const tokenizerLimits = { maxLineBytes: limits.maxLineBytes, maxFieldBytes: Math.max(limits.maxLineBytes, 16 * 1024 * 1024) };
  const chunks = open()[Symbol.asyncIterator]();
  const first: Uint8Array[] = [];
  let done = false;
  for (let size = 0; size < HEAD_BYTES; ) {
    const next = await chunks.next();
    if (next.done) {
      done = true;
      break;
    }
    // Copied: a source may reuse its buffer for the next chunk (see server/datasets/file-chunks.ts).
    first.push(next.value.slice());
    size += next.value.length;
  }
  const head = concat(first);
  const skip = byteOrderMark(head);
  const delimiter = options.delimiter === 'auto' ? sniffDelimiter(head.subarray(skip), done) : options.delimiter;
  const rules = new CellRules(options.naTokens, options.encoding, estimateRows(head, done, request.sizeHint));
  const sink = new TableSink(rules, options.types, limits, delimiter.charCodeAt(0));
  const tokenizer = new CsvTokenizer(delimiter.charCodeAt(0), sink, tokenizerLimits);

  let total = 0;
  const push = (chunk: Uint8Array) => {
    request.signal?.throwIfAborted();
    if (limits.maxBytes !== undefined && total + chunk.length > limits.maxBytes) {
      tokenizer.push(chunk.subarray(total < skip ? skip - total : 0, limits.maxBytes - total));
      throw tooLargeError(limits.maxBytes, tokenizer.currentLine);
    }
    tokenizer.push(total < skip ? chunk.subarray(skip - total) : chunk);
    total += chunk.length;
  };
  for (const chunk of first) push(chunk);
  first.length = 0;
  while (!done) {
    const next = await chunks.next();
    if (next.done) break;
    push(next.value);
  }
  tokenizer.finish();

  if (sink.columns === null) throw new CsvError({ line: 1 }, 'the file is empty');
  if (sink.rows === 0) throw new CsvError({ line: sink.headerLine }, 'the file has a header but no data rows');
  const reread = await backfill(open, skip, delimiter.charCodeAt(0), sink.columns, rules, tokenizerLimits, sink.rows);
  const { table, columns } = buildTable(sink.columns, sink.rows);
  return { table, columns, rows: sink.rows, delimiter, reread };
}

/** Bytes to skip: 3 for a UTF-8 byte-order mark; UTF-32 and UTF-16 are refused outright, by name. */
function byteOrderMark(head: Uint8Array): number {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 3;
  // UTF-32 LE's mark starts with UTF-16 LE's (FF FE), so it is checked first.
  if ((head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) || (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff)) {
    throw new CsvError({ line: 1 }, 'the file is UTF-32 text; save it as UTF-8 (or Windows-1252) and upload it again');
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new CsvError({ line: 1 }, 'the file is UTF-16 text; save it as UTF-8 (or Windows-1252) and upload it again');
  }
  return 0;
}

/** Rows to reserve per column: the head's bytes per line scaled to the file size, else a small start. */
function estimateRows(head: Uint8Array, done: boolean, sizeHint: number | undefined): number {
  let lines = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 10) lines++;
  if (done) return lines + 1;
  if (!sizeHint || lines < 2) return 1024;
  const estimate = Math.ceil((sizeHint / (head.length / lines)) * 1.02) + 16;
  return Math.min(estimate, Math.ceil(sizeHint / 2));
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
