// Scores a CSV file with a model, batch by batch as the text arrives: each row keeps its cells and
// gains the model's outputs. The caller's `score` runs the model; between batches the work yields
// so the page stays responsive. A bad cell stops the run with its row and column named.
import Papa from 'papaparse';
import type { Result } from '../../engine/result';
import { csvRecords, type CsvDialect, type TextChunk } from './csv-stream';
import { buildFeeds, parseValue, type Feed } from './feeds';
import type { InputLayout } from './input-layout';
import { outputsToRows, type OutputTensor, type OutputValue } from './output-columns';

export type SupportedLayout = Exclude<InputLayout, { kind: 'unsupported' }>;

export interface ScoreProgress {
  rows: number;
  fraction: number;
}

export interface ScoreCsvInput {
  chunks: AsyncIterable<TextChunk>;
  dialect: CsvDialect;
  /** The header the mapping was made against. */
  header: readonly string[];
  layout: SupportedLayout;
  /** The CSV column feeding each layout field, in field order. */
  mapping: readonly number[];
  score: (feeds: Feed[]) => Promise<OutputTensor[]>;
  batchSize?: number;
  previewRows?: number;
  onProgress?: (progress: ScoreProgress) => void;
  yieldToUi?: () => Promise<void>;
  signal?: AbortSignal;
}

export interface ScoredCsv {
  /** The CSV's columns followed by the model's. */
  header: string[];
  preview: string[][];
  rowCount: number;
  /** The scored file's text, header first, in pieces ready for a Blob. */
  parts: string[];
  outputColumns: string[];
  skippedOutputs: string[];
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const isBlank = (record: readonly string[]) => record.length === 1 && record[0].trim() === '';

/** Output column names, renamed where the CSV already has a column of that name. */
export function outputHeader(csvHeader: readonly string[], outputs: readonly string[]): string[] {
  const taken = new Set(csvHeader);
  return outputs.map((name) => {
    let candidate = taken.has(name) ? `${name}_predicted` : name;
    for (let n = 2; taken.has(candidate); n++) candidate = `${name}_predicted_${n}`;
    taken.add(candidate);
    return candidate;
  });
}

const cell = (v: OutputValue) => String(v);

export async function scoreCsv(input: ScoreCsvInput): Promise<Result<ScoredCsv, string>> {
  const { layout, mapping, dialect } = input;
  const batchSize = layout.batched ? (input.batchSize ?? 512) : 1;
  const previewRows = input.previewRows ?? 20;
  const yieldToUi = input.yieldToUi ?? defaultYield;
  const unparse = (rows: string[][]) => Papa.unparse(rows, { delimiter: dialect.delimiter, newline: dialect.newline }) + dialect.newline;

  const result: ScoredCsv = { header: [], preview: [], rowCount: 0, parts: [], outputColumns: [], skippedOutputs: [] };
  let header: string[] | null = null;
  let pending: { number: number; cells: string[]; values: number[] }[] = [];
  let rowNumber = 0;
  let fraction = 0;
  let lastYield = performance.now();

  const flush = async (): Promise<string | null> => {
    if (pending.length === 0) return null;
    const batch = pending;
    pending = [];
    let outputs: OutputTensor[];
    try {
      outputs = await input.score(buildFeeds(layout, batch.map((r) => r.values)));
    } catch (error) {
      const first = batch[0].number;
      const last = batch[batch.length - 1].number;
      return `${first === last ? `Row ${first}` : `Rows ${first}–${last}`}: the model failed: ${(error as Error).message}`;
    }
    const split = outputsToRows(outputs, batch.length);
    if (result.rowCount === 0) {
      result.outputColumns = outputHeader(header ?? [], split.columns);
      result.skippedOutputs = split.skipped;
      result.header = [...(header ?? []), ...result.outputColumns];
      result.parts.push(unparse([result.header]));
    }
    const lines = batch.map((r, i) => [...r.cells, ...split.rows[i].map(cell)]);
    for (const line of lines) if (result.preview.length < previewRows) result.preview.push(line);
    result.parts.push(unparse(lines));
    result.rowCount += batch.length;
    if (performance.now() - lastYield > 16) {
      input.onProgress?.({ rows: result.rowCount, fraction });
      await yieldToUi();
      lastYield = performance.now();
    }
    return null;
  };

  for await (const batch of csvRecords(input.chunks, dialect)) {
    if (input.signal?.aborted) return { ok: false, error: `Stopped after ${result.rowCount} rows.` };
    fraction = batch.fraction;
    const problem = batch.problems[0];
    if (problem) return { ok: false, error: `Row ${problem.record}: ${problem.message}` };
    for (const record of batch.records) {
      if (header === null) {
        header = record.map((h) => h.trim());
        if (header.join('\u0000') !== input.header.join('\u0000')) return { ok: false, error: 'The file changed since it was chosen: choose it again.' };
        continue;
      }
      rowNumber++;
      if (isBlank(record)) continue;
      const values: number[] = [];
      for (let f = 0; f < layout.fields.length; f++) {
        const column = mapping[f];
        const text = record[column];
        const name = header[column];
        if (text === undefined) return { ok: false, error: `Row ${rowNumber}, column ${name}: missing (the row has ${record.length} fields, the header ${header.length})` };
        const parsed = parseValue(text, layout.fields[f].type);
        if (!parsed.ok) return { ok: false, error: `Row ${rowNumber}, column ${name}: ${parsed.reason}` };
        values.push(parsed.value);
      }
      pending.push({ number: rowNumber, cells: record, values });
      if (pending.length >= batchSize) {
        const failed = await flush();
        if (failed) return { ok: false, error: failed };
        if (input.signal?.aborted) return { ok: false, error: `Stopped after ${result.rowCount} rows.` };
      }
    }
  }
  const failed = await flush();
  if (failed) return { ok: false, error: failed };
  if (header === null) return { ok: false, error: 'The file is empty: a header row is needed.' };
  if (result.rowCount === 0) return { ok: false, error: 'The file has a header but no rows to score.' };
  input.onProgress?.({ rows: result.rowCount, fraction: 1 });
  return { ok: true, value: result };
}
