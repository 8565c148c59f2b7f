// `pipeworks ingest`: the upload's parser, limits and errors from the command line. Exit 0 when
// imported, 1 when the file is rejected (with the reason and line), 2 for usage mistakes.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { badFixtures } from './helpers/dataset-upload';
import { newDataDir } from './helpers/server-process';

const dataDir = newDataDir();
const fixtures = badFixtures();
const GOOD = 'tests/fixtures/csv/good';

function cli(args: string[]) {
  const res = spawnSync(process.execPath, ['bin/pipeworks.mjs', 'ingest', ...args], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      PIPEWORKS_DATA_DIR: dataDir,
      PIPEWORKS_MAX_UPLOAD_MB: String(fixtures.limits.maxUploadMb),
      PIPEWORKS_MAX_LINE_KB: String(fixtures.limits.maxLineKb),
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('pipeworks ingest', () => {
  it('imports a CSV, prints the version, and adds nothing for an identical file', () => {
    const first = cli([`${GOOD}/semicolon-crlf-bom.csv`, '--name', 'cities']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^imported "cities" version 1: 3 rows × 4 columns\n[0-9a-f]{64}\n$/);
    const again = JSON.parse(cli([`${GOOD}/semicolon-crlf-bom.csv`, '--name', 'cities', '--json']).stdout);
    expect(again).toMatchObject({ status: 'imported', dataset: 'cities', created: false, version: 1, rows: 3, format: 'csv' });
    expect(first.stdout).toContain(again.hash);
  });

  it('takes import options as flags', () => {
    const res = cli([`${GOOD}/windows-1252.csv`, '--name', 'menu', '--encoding', 'windows-1252', '--type', 'price=text', '--json']);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).columns.map((c: any) => c.type)).toEqual(['text', 'text']);
  });

  it('rejects every bad fixture with exit 1, the reason and the line', () => {
    for (const [file, want] of Object.entries(fixtures.cases)) {
      const res = cli([fileURLToPath(new URL(file, fixtures.dir)), '--name', 'bad']);
      expect(res.code, file).toBe(1);
      expect(res.stderr, file).toContain(`rejected ${file}: Line ${want.line}`);
      expect(res.stderr, file).toContain(want.message);
      expect(res.stderr, file).not.toMatch(/at .*\.(ts|js|mjs):\d+/);
    }
    const json = JSON.parse(cli([fileURLToPath(new URL('ragged-extra-field.csv', fixtures.dir)), '--name', 'bad', '--json']).stdout);
    expect(json).toEqual({ status: 'rejected', file: expect.stringMatching(/ragged-extra-field\.csv$/), dataset: 'bad', error: expect.objectContaining({ line: 4, column: 4 }) });
  });

  it('imports Parquet', () => {
    // A tiny Parquet file written by hand would be opaque; DuckDB (a dependency) writes one instead.
    const file = path.join(dataDir, 'tiny.parquet');
    const script = `import { DuckDBInstance } from '@duckdb/node-api';
      const i = await DuckDBInstance.create(':memory:'); const c = await i.connect();
      await c.run("COPY (SELECT range AS n, range * 2.5 AS x FROM range(5)) TO '${file}' (FORMAT parquet)");`;
    const made = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd(), encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const res = cli([file, '--name', 'tiny', '--json']);
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ rows: 5, format: 'parquet', sourceFilename: 'tiny.parquet' });
  });

  it('imports several files and a quoted pattern in one call: each a dataset named after its file', () => {
    const res = cli([`${GOOD}/pipes.csv`, `${GOOD}/t*.csv`, '--json', '--delimiter', '|']);
    const out = JSON.parse(res.stdout);
    expect(out.map((r: { dataset: string; status: string }) => `${r.dataset} ${r.status}`)).toEqual(['pipes imported', 'tabs imported']);
    expect(res.code).toBe(0);
    // With --name every file is the next version of that one dataset, in order; a bad one does not stop the rest.
    const bad = fileURLToPath(new URL('ragged-extra-field.csv', fixtures.dir));
    const batch = cli([`${GOOD}/pipes.csv`, bad, `${GOOD}/semicolon-crlf-bom.csv`, '--name', 'monthly']);
    expect(batch.stdout, batch.stdout).toMatch(/imported "monthly" version 1: .*\n[0-9a-f]{64}\nimported "monthly" version 2: .*\n[0-9a-f]{64}\n2 of 3 files imported\n$/);
    expect(batch.stderr).toContain('rejected ragged-extra-field.csv: Line 4');
    expect(batch.code).toBe(1);
  });

  it('exits 2 for usage mistakes', () => {
    expect(cli(['--name', 'x']).code).toBe(2);
    expect(cli([`${GOOD}/*.tsv`]).stderr).toMatch(/\*\.tsv matches no file/);
    expect(cli(['no/such/file.csv', '--name', 'x']).stderr).toMatch(/Cannot read no\/such\/file\.csv: ENOENT/);
    expect(cli([`${GOOD}/pipes.csv`, '--name', 'x', '--type', 'a']).code).toBe(2);
    expect(cli([`${GOOD}/pipes.csv`, '--name', 'x', '--delimiter', 'x']).code).toBe(2);
    expect(cli([dataDir, '--name', 'x']).stderr).toMatch(/is not a file/);
  });
});
