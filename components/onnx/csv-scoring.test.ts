import { describe, expect, it } from 'vitest';
import { outputHeader, scoreCsv, type SupportedLayout } from './csv-scoring';
import type { TextChunk } from './csv-stream';
import type { Feed } from './feeds';
import { inputLayout } from './input-layout';
import type { OutputTensor } from './output-columns';

async function* pieces(text: string, size: number): AsyncGenerator<TextChunk> {
  for (let at = 0; at < text.length; at += size) yield { text: text.slice(at, at + size), fraction: Math.min(1, (at + size) / text.length) };
}

const layout = inputLayout([{ name: 'features', isTensor: true, type: 'float32', shape: ['N', 2] }], ['a', 'b']) as SupportedLayout;

/** A stand-in model: sum = a + b per row, and a batch counter. */
function fakeModel() {
  const batches: number[] = [];
  const score = async (feeds: Feed[]): Promise<OutputTensor[]> => {
    const [rows] = feeds[0].dims;
    batches.push(rows);
    const data = feeds[0].data as Float32Array;
    return [{ name: 'sum', type: 'float32', dims: [rows, 1], data: Float32Array.from({ length: rows }, (_, r) => data[2 * r] + data[2 * r + 1]) }];
  };
  return { score, batches };
}

const csv = (rows: number) => ['id,a,note,b', ...Array.from({ length: rows }, (_, i) => `${i + 1},${i},"x, ${i}",${i * 2}`)].join('\n') + '\n';
const base = { dialect: { delimiter: ',', newline: '\n' as const }, header: ['id', 'a', 'note', 'b'], layout, mapping: [1, 3] };

describe('scoreCsv', () => {
  it('appends the outputs to every row, in batches, keeping the cells as they were', async () => {
    const model = fakeModel();
    const progress: number[] = [];
    let yields = 0;
    const result = await scoreCsv({
      ...base,
      chunks: pieces(csv(1200), 997),
      score: model.score,
      batchSize: 500,
      previewRows: 3,
      onProgress: (p) => progress.push(p.rows),
      yieldToUi: async () => void yields++,
    });
    if (!result.ok) throw new Error(result.error);
    const scored = result.value;
    expect(scored.rowCount).toBe(1200);
    expect(model.batches).toEqual([500, 500, 200]);
    expect(scored.header).toEqual(['id', 'a', 'note', 'b', 'sum']);
    expect(scored.preview).toEqual([
      ['1', '0', 'x, 0', '0', '0'],
      ['2', '1', 'x, 1', '2', '3'],
      ['3', '2', 'x, 2', '4', '6'],
    ]);
    const text = scored.parts.join('');
    expect(text.split('\n')[0]).toBe('id,a,note,b,sum');
    expect(text.split('\n')[1200]).toBe('1200,1199,"x, 1199",2398,3597');
    expect(progress.at(-1)).toBe(1200);
  });

  it('runs a model without a batch dimension once per row', async () => {
    const single = inputLayout([{ name: 'features', isTensor: true, type: 'float32', shape: [2] }]) as SupportedLayout;
    const dims: number[][] = [];
    const result = await scoreCsv({
      ...base,
      layout: single,
      chunks: pieces(csv(3), 100),
      score: async (feeds) => {
        dims.push(feeds[0].dims);
        return [{ name: 'y', type: 'float32', dims: [1], data: Float32Array.of(feeds[0].data[0] as number) }];
      },
    });
    expect(dims).toEqual([[2], [2], [2]]);
    expect(result.ok && result.value.preview.map((r) => r.at(-1))).toEqual(['0', '1', '2']);
  });

  it('names the row and column of a value that is not a number', async () => {
    const text = 'id,a,note,b\n1,1,ok,2\n\n3,abc,ok,2\n';
    const result = await scoreCsv({ ...base, chunks: pieces(text, 5), score: fakeModel().score });
    expect(result).toEqual({ ok: false, error: "Row 3, column a: 'abc' is not a number" });
  });

  it('names a row too short for a mapped column', async () => {
    const result = await scoreCsv({ ...base, chunks: pieces('id,a,note,b\n1,2\n', 100), score: fakeModel().score });
    expect(result).toEqual({ ok: false, error: 'Row 1, column b: missing (the row has 2 fields, the header 4)' });
  });

  it('reports model failures with the rows of the batch', async () => {
    const result = await scoreCsv({
      ...base,
      chunks: pieces(csv(3), 100),
      batchSize: 2,
      score: async () => {
        throw new Error('boom');
      },
    });
    expect(result).toEqual({ ok: false, error: 'Rows 1–2: the model failed: boom' });
  });

  it('stops between batches when asked', async () => {
    const stop = new AbortController();
    const model = fakeModel();
    const result = await scoreCsv({
      ...base,
      chunks: pieces(csv(50), 10_000),
      batchSize: 10,
      score: async (feeds) => {
        if (model.batches.length === 1) stop.abort();
        return model.score(feeds);
      },
      signal: stop.signal,
    });
    expect(result).toEqual({ ok: false, error: 'Stopped after 20 rows.' });
  });

  it('refuses a file whose header changed, and one with no rows', async () => {
    expect(await scoreCsv({ ...base, chunks: pieces('id,x\n1,2\n', 100), score: fakeModel().score })).toEqual({ ok: false, error: 'The file changed since it was chosen: choose it again.' });
    expect(await scoreCsv({ ...base, chunks: pieces('id,a,note,b\n', 100), score: fakeModel().score })).toEqual({ ok: false, error: 'The file has a header but no rows to score.' });
  });
});

describe('outputHeader', () => {
  it('renames outputs that clash with the CSV’s columns', () => {
    expect(outputHeader(['label', 'label_predicted'], ['label', 'score'])).toEqual(['label_predicted_2', 'score']);
  });
});
