// Pipelines between the studio and git: `export` writes one readable file per pipeline in a fixed
// key order, `import` saves files as new versions; a round trip gives the same bytes, and an edit
// to one param is a one-line diff.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliOn } from './helpers/cli';
import { newDataDir } from './helpers/server-process';

const studio = cliOn(newDataDir());
const other = cliOn(newDataDir());
const files = newDataDir();

const read = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));

describe('pipeworks export and import', () => {
  it('round-trips every pipeline to the same bytes through another studio', () => {
    expect(studio(['setup']).code).toBe(0);
    const first = path.join(files, 'first');
    expect(studio(['export', '--all', '--out', first]).code).toBe(0);
    expect(Object.keys(read(first))).toEqual(['breast-cancer-classifier.json', 'breast-cancer-explore.json', 'card-fraud.json']);

    const imported = other(['import', ...readdirSync(first).map((f) => path.join(first, f))]);
    expect(imported.code, imported.stderr).toBe(0);
    const second = path.join(files, 'second');
    expect(other(['export', '--all', '--out', second]).code).toBe(0);
    expect(read(second)).toEqual(read(first));
    // Importing the same file again adds no version.
    expect(other(['import', path.join(first, 'card-fraud.json')]).stdout).toContain('card-fraud v1 already holds it');
  });

  it('writes frame keys in schema order and params sorted, so a param edit is a one-line diff', () => {
    const text = studio(['export', 'breast-cancer-classifier']).stdout;
    const node = JSON.parse(text).nodes.find((n: { id: string }) => n.id === 'split');
    expect(Object.keys(JSON.parse(text))).toEqual(['schemaVersion', 'id', 'name', 'description', 'nodes', 'edges', 'settings']);
    expect(Object.keys(node.params)).toEqual([...Object.keys(node.params)].sort());

    const edited = text.replace('"seed": 0,', '"seed": 7,');
    const file = path.join(files, 'edited.json');
    writeFileSync(file, edited);
    const res = studio(['import', file]);
    expect(res.stdout).toContain('breast-cancer-classifier v2');
    const again = studio(['export', 'breast-cancer-classifier']).stdout;
    expect(again).toBe(edited);
    const changed = again.split('\n').filter((line, i) => line !== text.split('\n')[i]);
    expect(changed).toEqual(['        "seed": 7,']);
    expect(studio(['export', 'breast-cancer-classifier', '--version', '1']).stdout).toBe(text);
  });

  it('keeps the CI example file in the exported form: import then export with --schema gives its bytes', () => {
    expect(other(['import', 'docs/ci/churn.json']).code).toBe(0);
    expect(other(['export', 'churn', '--schema', '../pipeline.schema.json']).stdout).toBe(readFileSync('docs/ci/churn.json', 'utf8'));
  });

  it('refuses an unknown pipeline and an invalid file (exit 2), importing nothing', () => {
    const unknown = studio(['export', 'breast-cancer-clasifier']);
    expect(unknown.stderr).toContain('There is no pipeline "breast-cancer-clasifier". Did you mean "breast-cancer-classifier"?');
    expect(unknown.code).toBe(2);
    const bad = path.join(files, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, id: 'x', name: 'x', nodes: [{ id: 'a', type: 't', version: 1, lable: 'A' }], edges: [] }));
    const res = studio(['import', bad]);
    expect(res.stderr).toContain('lable is not a known field. Did you mean "label"?');
    expect(res.code).toBe(2);
  });
});
