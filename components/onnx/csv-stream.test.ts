import { describe, expect, it } from 'vitest';
import { blobText, csvRecords, previewCsv, type TextChunk } from './csv-stream';

async function* pieces(parts: string[]): AsyncGenerator<TextChunk> {
  for (let i = 0; i < parts.length; i++) yield { text: parts[i], fraction: (i + 1) / parts.length };
}

async function all(chunks: AsyncIterable<TextChunk>, newline: '\n' | '\r\n' = '\n') {
  const records: string[][] = [];
  for await (const batch of csvRecords(chunks, { delimiter: ',', newline })) records.push(...batch.records);
  return records;
}

describe('csvRecords', () => {
  const text = 'a,b\r\n1,"x\r\ny, z"\r\n2,""""\r\n4,5';
  const expected = [['a', 'b'], ['1', 'x\r\ny, z'], ['2', '"'], ['4', '5']];

  it('gives the same records wherever the text is cut, quoted line breaks included', async () => {
    for (let cut = 0; cut <= text.length; cut++) {
      expect(await all(pieces([text.slice(0, cut), text.slice(cut)]), '\r\n')).toEqual(expected);
    }
  });

  it('gives a blank last record for a trailing line break only once, as one empty cell', async () => {
    expect(await all(pieces(['a\n1\n', '']))).toEqual([['a'], ['1']]);
  });

  it('reports an unclosed quote with the record it is in', async () => {
    const problems = [];
    for await (const batch of csvRecords(pieces(['a,b\n1,2\n3,"oops\n']), { delimiter: ',', newline: '\n' })) problems.push(...batch.problems);
    expect(problems).toEqual([{ record: 2, message: expect.stringMatching(/quote/i) }]);
  });
});

describe('blobText', () => {
  it('keeps a character whole when a read ends inside it, and counts the bytes read', async () => {
    const bytes = new TextEncoder().encode('name\nZoë\n'.repeat(20_000));
    const chunks: TextChunk[] = [];
    for await (const c of blobText(new Blob([bytes]))) chunks.push(c);
    expect(chunks.map((c) => c.text).join('')).toBe('name\nZoë\n'.repeat(20_000));
    expect(chunks.at(-1)?.fraction).toBe(1);
  });

  it('drops a UTF-8 byte order mark', async () => {
    const chunks: string[] = [];
    for await (const c of blobText(new Blob(['\uFEFFa,b\n']))) chunks.push(c.text);
    expect(chunks.join('')).toBe('a,b\n');
  });
});

describe('previewCsv', () => {
  it('detects the delimiter and line ending and trims the header', async () => {
    const read = await previewCsv(new Blob(['\uFEFF id ;amount\r\n1;2\r\n\r\n3;4\r\n']));
    expect(read).toEqual({ ok: true, preview: { dialect: { delimiter: ';', newline: '\r\n' }, header: ['id', 'amount'], rows: [['1', '2'], ['3', '4']] } });
  });

  it('stops at maxRows and says when there is no header', async () => {
    const read = await previewCsv(new Blob(['x\n' + '1\n'.repeat(500)]), 10);
    expect(read.ok && read.preview.rows.length).toBe(10);
    expect(await previewCsv(new Blob(['\n\n']))).toEqual({ ok: false, error: 'The file is empty: a header row is needed.' });
  });
});
