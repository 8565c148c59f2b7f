import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { NodeRunError } from '../../engine/errors';
import { sha256Hex } from '../../engine/hash';
import { encodeValue } from '../codec';
import { fakeContext } from '../testing/fake-context';
import { inferredAndRun } from '../testing/output-columns-kit';
import { readColumn } from '../table/read-column';
import { sampleDatasetNode } from './sample-dataset.node';
import { SAMPLE_DATASETS } from './samples/manifest';

const fromDisk = (path: string) => readFile(new URL(`../${path}`, import.meta.url)).then((b) => new Uint8Array(b));

async function load(dataset: string, readBundled = fromDisk) {
  const params = sampleDatasetNode.params.parse({ dataset });
  const { table } = await sampleDatasetNode.run({ inputs: {}, params, ctx: fakeContext({ readBundled }) });
  if (table.kind !== 'table') throw new Error('expected a table');
  return table;
}

describe('ingest/sample-dataset', () => {
  it.each(SAMPLE_DATASETS)('loads $name with its manifest shape and target role', async (sample) => {
    const value = await load(sample.name);
    expect(value.table.numRows).toBe(sample.rows);
    expect(value.columns).toHaveLength(sample.columns);
    expect(value.columns.filter((c) => c.role === 'target').map((c) => c.name)).toEqual([sample.target]);
    const time = 'time' in sample ? [sample.time] : [];
    expect(value.columns.filter((c) => c.role === 'time').map((c) => c.name)).toEqual(time);
  });

  it('reads seattle-weather as a daily series: date is the datetime time column, temp_max the numeric target', async () => {
    const weather = await load('seattle-weather');
    expect(weather.columns).toEqual([
      { name: 'date', type: 'datetime', role: 'time' },
      { name: 'precipitation', type: 'numeric', role: 'feature' },
      { name: 'temp_max', type: 'numeric', role: 'target' },
      { name: 'temp_min', type: 'numeric', role: 'feature' },
      { name: 'wind', type: 'numeric', role: 'feature' },
      { name: 'weather', type: 'categorical', role: 'feature' },
    ]);
    const dates = readColumn(weather.table, 'date') as number[];
    expect(dates[0]).toBe(Date.UTC(2012, 0, 1));
    expect(dates.at(-1)).toBe(Date.UTC(2015, 11, 31));
    expect(dates.every((d, i) => i === 0 || d - dates[i - 1] === 86_400_000)).toBe(true);
    expect(readColumn(weather.table, 'temp_max')[0]).toBe(12.8);
    expect(new Set(readColumn(weather.table, 'weather'))).toEqual(new Set(['drizzle', 'rain', 'sun', 'snow', 'fog']));
  });

  it('types the columns: numeric features, categorical labels, numeric regression target', async () => {
    const cancer = await load('breast-cancer');
    expect(cancer.columns.find((c) => c.name === 'diagnosis')?.type).toBe('categorical');
    expect(cancer.columns.filter((c) => c.type === 'numeric')).toHaveLength(30);
    expect(readColumn(cancer.table, 'mean_radius')[0]).toBe(17.99);
    expect((await load('diabetes')).columns.find((c) => c.name === 'progression')?.type).toBe('numeric');
    expect(new Set(readColumn((await load('iris')).table, 'species'))).toEqual(new Set(['setosa', 'versicolor', 'virginica']));
  });

  it('defaults to breast-cancer and keys its cache on the file hash', () => {
    const params = sampleDatasetNode.params.parse({});
    expect(params.dataset).toBe('breast-cancer');
    expect(sampleDatasetNode.sourceKey?.(params, {})).toBe(SAMPLE_DATASETS[0].sha256);
    expect(sampleDatasetNode.sourceKey?.({ dataset: 'iris' }, {})).toBe(SAMPLE_DATASETS[1].sha256);
  });

  it('refuses an unknown dataset name', () => {
    expect(sampleDatasetNode.params.safeParse({ dataset: 'titanic' }).success).toBe(false);
  });

  it('fails with a NodeRunError naming the dataset when the file does not match its hash', async () => {
    const tampered = async (path: string) => {
      const bytes = await fromDisk(path);
      bytes[bytes.length - 2] ^= 1;
      return bytes;
    };
    const failure = load('iris', tampered);
    await expect(failure).rejects.toBeInstanceOf(NodeRunError);
    await expect(failure).rejects.toThrow(/"iris".*sha256/);
  });

  it('encodes to the same bytes on every run and machine (pinned hash)', async () => {
    // Artifact ids are these bytes' hash, and browser and server runners share artifacts: a change
    // must be deliberate (a new node version or an Arrow upgrade), never build order or time zone.
    expect(sha256Hex(encodeValue(await load('iris')).bytes)).toBe(
      '048a11b86f46a26068ad9fe3c8e00e4fb3b1f3d2812c824be2061f0d9d97cbe4',
    );
    // Pinned before seattle-weather brought time roles: the older samples' artifacts stay the same.
    expect(sha256Hex(encodeValue(await load('breast-cancer')).bytes)).toBe(
      'c9e05b147c21da9b68e1322b6e096bb6f4cf5b8e87ec7e4624691007da41ddad',
    );
    expect(sha256Hex(encodeValue(await load('diabetes')).bytes)).toBe(
      'fc28dcdd1e41e54a7bc26f34dceb7a37012a173211288e0e923aa670caa3d61e',
    );
  });
});

describe('ingest/sample-dataset columns before running', () => {
  it.each(SAMPLE_DATASETS)('match a run of $name, roles included, from the manifest alone', async (sample) => {
    const ctx = fakeContext({ readBundled: fromDisk });
    const { inferred, ran } = await inferredAndRun(sampleDatasetNode, { dataset: sample.name }, {}, { ctx });
    expect(inferred).toEqual(ran);
  });
});
