// Second pass, only when a column changed type part-way (numbers, then a word): re-reads the file
// up to the last such row and collects those columns' exact text for the rows read before.
import type { CellRules } from './cell-rules';
import type { ColumnBuilder } from './column-builder';
import type { StringStore } from './string-store';
import { trimEnd, trimStart } from './text-bytes';
import { CsvTokenizer, type CsvSink, type TokenizerLimits } from './tokenizer';

export type ByteSource = () => AsyncIterable<Uint8Array>;

class BackfillSink implements CsvSink {
  rows = -1; // the header record comes first
  readonly numeric = new Uint8Array(0);
  readonly stores = new Map<number, StringStore>();
  private readonly stopAt: number;

  constructor(
    private readonly byColumn: Map<number, ColumnBuilder>,
    private readonly rules: CellRules,
    totalRows: number,
  ) {
    for (const [position, builder] of byColumn) this.stores.set(position, builder.newStrings(totalRows));
    this.stopAt = Math.max(...[...byColumn.values()].map((b) => b.demotedAt));
  }

  field(column: number, buf: Uint8Array, start: number, end: number, line: number): void {
    const builder = this.byColumn.get(column);
    if (this.rows < 0 || !builder || this.rows >= builder.demotedAt) return;
    start = trimStart(buf, start, end);
    end = trimEnd(buf, start, end);
    const store = this.stores.get(column)!;
    if (this.rules.isMissing(buf, start, end)) store.pushNull();
    else builder.pushText(buf, start, end, line, store);
  }

  numberField(): number {
    return -1;
  }

  record(): boolean {
    this.rows++;
    return this.rows < this.stopAt;
  }
}

export async function backfill(
  open: ByteSource,
  skip: number,
  delimiter: number,
  builders: readonly ColumnBuilder[],
  rules: CellRules,
  limits: TokenizerLimits,
  totalRows: number,
): Promise<string[]> {
  const demoted = builders.filter((b) => b.demotedAt >= 0);
  if (demoted.length === 0) return [];
  const sink = new BackfillSink(new Map(demoted.map((b) => [b.position, b])), rules, totalRows);
  const tokenizer = new CsvTokenizer(delimiter, sink, limits);
  for await (const chunk of open()) {
    const part = skip > 0 ? chunk.subarray(Math.min(skip, chunk.length)) : chunk;
    skip -= chunk.length - part.length;
    tokenizer.push(part);
    if (tokenizer.stopped) break;
  }
  tokenizer.finish();
  for (const builder of demoted) {
    const prefix = sink.stores.get(builder.position)!;
    prefix.append(builder.strings!);
    builder.strings = prefix;
  }
  return demoted.map((b) => b.name);
}
