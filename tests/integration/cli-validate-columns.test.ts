// `pipeworks validate` checks column params against the columns of the datasets in the store,
// flowing along the edges as the canvas does, and reports each wrong one with the columns there are.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../server/db/test-db';
import { seedSampleProject } from '../../server/pipelines/seed';
import { TEMPLATES } from '../../server/pipelines/templates/catalogue';
import { validateDocument } from '../../server/pipelines/validate-doc';
import { cliOn } from './helpers/cli';
import { newDataDir } from './helpers/server-process';

const dataDir = newDataDir();
const cli = cliOn(dataDir);
const PIPELINE = 'docs/ci/churn.json';

function variant(name: string, edit: (doc: any) => void): string {
  const doc = JSON.parse(readFileSync(PIPELINE, 'utf8'));
  edit(doc);
  const file = path.join(dataDir, name);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}
const node = (doc: any, id: string) => doc.nodes.find((n: { id: string }) => n.id === id);

describe('pipeworks validate with an ingested dataset', () => {
  beforeAll(() => {
    expect(cli(['ingest', 'docs/ci/customers.csv', '--name', 'customers']).code).toBe(0);
  });

  it('passes the pipeline whose columns exist', () => {
    const res = cli(['validate', PIPELINE]);
    expect(res.stdout).toContain('valid: 4 steps');
    expect(res.code).toBe(0);
  });

  it('reports a wrong target column with the columns that are available, and exits 2', () => {
    const res = cli(['validate', variant('target.json', (d) => (node(d, 'model').params.target = 'churnd'))]);
    expect(res.stdout).toContain(
      'error: [unknown_column] (node model, field params.target) Node "Churn model" (Logistic regression): params.target names column "churnd", ' +
        'which its train input does not have. Did you mean "churned"? Available columns: customer_id, age, monthly_spend, tenure_months, plan, churned',
    );
    expect(res.code).toBe(2);
  });

  it('reports every wrong column, through the split, in JSON', () => {
    const file = variant('many.json', (d) => {
      node(d, 'split').params.stratifyBy = 'churn_flag';
      node(d, 'model').params.features = ['age', 'spend'];
    });
    const res = cli(['validate', file, '--json']);
    expect(res.code).toBe(2);
    const out = JSON.parse(res.stdout);
    expect(out.valid).toBe(false);
    const wrong = out.issues.filter((i: { code: string }) => i.code === 'unknown_column');
    expect(wrong.map((i: { nodeId: string; field: string }) => `${i.nodeId} ${i.field}`)).toEqual(['split params.stratifyBy', 'model params.features.1']);
  });
});

describe('column checks on the shipped pipelines', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = openTestDb();
    await seedSampleProject(t.anyDb);
  });
  afterAll(() => t.cleanup());

  // The check must not refuse what runs: every sample and template validates without a column issue.
  it.each([
    ...['breast-cancer-classifier', 'breast-cancer-explore', 'card-fraud'].map((s) => [s, JSON.parse(readFileSync(`server/pipelines/samples/${s}.json`, 'utf8'))]),
    ...TEMPLATES.map((tpl) => [tpl.id, tpl.build(tpl.id, tpl.title)]),
  ])('%s', async (_name, doc) => {
    const result = await validateDocument(t.anyDb, doc);
    expect(result.issues.filter((i) => i.code === 'unknown_column')).toEqual([]);
  });
});
