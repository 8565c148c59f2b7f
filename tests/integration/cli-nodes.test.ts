// `pipeworks nodes`: the node types and their params from the command line, from the registry.
import { describe, expect, it } from 'vitest';
import { cliOn } from './helpers/cli';
import { newDataDir } from './helpers/server-process';

const cli = cliOn(newDataDir());

describe('pipeworks nodes', () => {
  it('lists every node type, in JSON too', () => {
    const text = cli(['nodes']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^train\/random-forest@1\s+Random forest/m);
    const list = JSON.parse(cli(['nodes', '--json']).stdout);
    expect(list.map((n: { type: string }) => n.type)).toEqual(expect.arrayContaining(['ingest/dataset', 'split/random', 'evaluate/model', 'train/random-forest']));
    expect(list.find((n: { type: string }) => n.type === 'split/random')).toMatchObject({ version: 1, inputs: ['table:table'], outputs: ['train:table', 'validation:table', 'test:table'] });
  });

  it('describes a type: ports, params with type, default, allowed values and description, and an example', () => {
    const res = cli(['nodes', 'describe', 'evaluate/model']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Inputs:  model (model), table (table)');
    expect(res.stdout).toContain('  threshold: number; default 0.5; >= 0; <= 1\n      Binary only: a row is predicted positive when P(positive) is at or above this');
    expect(res.stdout).toContain('gates[].op: enum; default ">="; one of ">=", ">", "<=", "<"');
    const json = JSON.parse(cli(['nodes', 'describe', 'split/random', '--json']).stdout);
    expect(json.example).toMatchObject({ type: 'split/random', version: 1, params: { train: 0.75, test: 0.25 } });
  });

  it('refuses an unknown type with a suggestion, exit 2', () => {
    const res = cli(['nodes', 'describe', 'evalute/model']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('There is no node type "evalute/model". Did you mean "evaluate/model"?');
  });
});
