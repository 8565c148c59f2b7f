// Reads a CSV file a piece at a time: the first rows for a preview, then every record in order.
// Decoding is ours (TextDecoder in streaming mode), so a character split between two reads stays
// whole; Papa's low-level parser holds back a record that runs past the end of a piece.
import Papa from 'papaparse';

export type Newline = '\n' | '\r\n' | '\r';

export interface CsvDialect {
  delimiter: string;
  newline: Newline;
}

export interface CsvPreview {
  dialect: CsvDialect;
  header: string[];
  rows: string[][];
}

export interface TextChunk {
  text: string;
  /** How much of the source has been read, 0–1. */
  fraction: number;
}

const PREVIEW_BYTES = 512 * 1024;

const isNewline = (s: string | undefined): s is Newline => s === '\n' || s === '\r\n' || s === '\r';

/** The header, the first `maxRows` data rows and the delimiter and line ending Papa detected. */
export async function previewCsv(file: Blob, maxRows = 200): Promise<{ ok: true; preview: CsvPreview } | { ok: false; error: string }> {
  const truncated = file.size > PREVIEW_BYTES;
  const text = await file.slice(0, PREVIEW_BYTES).text();
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { preview: maxRows + 1, skipEmptyLines: 'greedy' });
  const [header, ...rows] = parsed.data;
  if (!header || header.every((h) => h.trim() === '')) return { ok: false, error: 'The file is empty: a header row is needed.' };
  // The preview's last line may be cut in two where the slice ended.
  if (truncated && rows.length < maxRows) rows.pop();
  const newline = isNewline(parsed.meta.linebreak) ? parsed.meta.linebreak : '\n';
  return { ok: true, preview: { dialect: { delimiter: parsed.meta.delimiter || ',', newline }, header: header.map((h) => h.trim()), rows } };
}

/** The text of a Blob in pieces as it is read, with the fraction of its bytes read so far. */
export async function* blobText(file: Blob): AsyncGenerator<TextChunk> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder('utf-8');
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      read += value.byteLength;
      yield { text: decoder.decode(value, { stream: true }), fraction: file.size ? read / file.size : 1 };
    }
    const rest = decoder.decode();
    if (rest) yield { text: rest, fraction: 1 };
  } finally {
    reader.releaseLock();
  }
}

export interface RecordBatch {
  records: string[][];
  fraction: number;
  /** Papa's complaint about malformed quoting, with the index of the record it concerns. */
  problems: { record: number; message: string }[];
}

/** Every record (the header included) in order, in batches as the text arrives. */
export async function* csvRecords(chunks: AsyncIterable<TextChunk>, dialect: CsvDialect): AsyncGenerator<RecordBatch> {
  let carry = '';
  let fraction = 0;
  let seen = 0;
  const parse = (input: string, last: boolean) => {
    const parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline, quoteChar: '"' });
    const result = parser.parse(input, 0, !last) as Papa.ParseResult<string[]>;
    carry = last ? '' : input.slice(result.meta.cursor);
    const batch: RecordBatch = {
      records: result.data,
      fraction,
      problems: result.errors.map((e) => ({ record: seen + (e.row ?? 0), message: e.message })),
    };
    seen += result.data.length;
    return batch;
  };
  for await (const chunk of chunks) {
    fraction = chunk.fraction;
    const input = carry + chunk.text;
    if (!input) continue;
    const batch = parse(input, false);
    if (batch.records.length || batch.problems.length) yield batch;
  }
  if (carry) yield parse(carry, true);
}
