import { describe, expect, it } from 'vitest';
import { CsvTokenizer, type CsvSink } from './tokenizer';

/** Records fields as text with the line each record started on. */
function tokenize(text: string, chunkSize = 1 << 16, limits = { maxLineBytes: 1 << 20, maxFieldBytes: 1 << 20 }, stopAfter = Infinity) {
  const records: { line: number; fields: string[] }[] = [];
  let current: string[] = [];
  const sink: CsvSink = {
    numeric: new Uint8Array(0),
    numberField: () => -1,
    field: (column, buf, start, end) => void (current[column] = new TextDecoder().decode(buf.subarray(start, end))),
    record: (fields, line) => {
      records.push({ line, fields: current.slice(0, fields) });
      current = [];
      return records.length < stopAfter;
    },
  };
  const tokenizer = new CsvTokenizer(44, sink, limits);
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += chunkSize) tokenizer.push(bytes.subarray(i, i + chunkSize));
  tokenizer.finish();
  return records;
}

describe('CsvTokenizer', () => {
  it('counts physical lines across LF, CRLF, lone CR and quoted line breaks', () => {
    const text = 'a,b\r\n1,"x\r\ny"\n2,z\r3,"\n\n"\n\n4,w';
    for (const size of [1, 2, 5, 100]) {
      expect(tokenize(text, size)).toEqual([
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', 'x\r\ny'] },
        { line: 4, fields: ['2', 'z'] },
        { line: 5, fields: ['3', '\n\n'] },
        { line: 9, fields: ['4', 'w'] },
      ]);
    }
  });

  it('unescapes doubled quotes, keeps a stray quote inside an unquoted field, and allows spaces around quotes', () => {
    expect(tokenize('"say ""hi""",a"b,  "c" \n')).toEqual([{ line: 1, fields: ['say "hi"', 'a"b', 'c'] }]);
  });

  it('gives a trailing empty field and no record for a missing final newline', () => {
    expect(tokenize('a,b,\n1,2,')).toEqual([
      { line: 1, fields: ['a', 'b', ''] },
      { line: 2, fields: ['1', '2', ''] },
    ]);
  });

  it('refuses a quoted field that outgrows the field limit, naming where it starts', () => {
    const text = `a,b\n1,"${'x\n'.repeat(50)}`;
    expect(() => tokenize(text, 16, { maxLineBytes: 100, maxFieldBytes: 40 })).toThrow(/^Line 2, column 2: a quoted field starting here runs past 40 bytes/);
  });

  it('stops when the sink says so', () => {
    expect(tokenize('a\n1\n2\n3\n', 1, undefined, 2).map((r) => r.fields[0])).toEqual(['a', '1']);
  });
});
