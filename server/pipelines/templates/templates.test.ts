// Every template builds a document that parses, compiles on the server's path with no issue at all,
// reads left to right, and uses only what is bundled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../../engine/document';
import { SAMPLE_NAMES } from '../../../nodes/ingest/samples/manifest';
import { openTestDb, type TestDb } from '../../db/test-db';
import { compileDoc } from '../compile-doc';
import { TEMPLATE_IDS, TEMPLATES, templateInfos } from './catalogue';

let t: TestDb;
beforeAll(() => {
  t = openTestDb();
});
afterAll(() => t.cleanup());

describe.each(TEMPLATES)('template $id', (template) => {
  const doc = template.build('new-pipeline', 'New pipeline');

  it('takes the id and name it is given and is a valid document', () => {
    expect(doc).toMatchObject({ id: 'new-pipeline', name: 'New pipeline' });
    const parsed = parseDocument(JSON.parse(JSON.stringify(doc)));
    expect(parsed.ok && parsed.value).toEqual(doc);
  });

  it('compiles with no errors and no warnings', async () => {
    const compiled = await compileDoc(t.anyDb, doc);
    expect(compiled.ok ? compiled.value.plan.warnings : compiled.error).toEqual([]);
    if (compiled.ok) expect(compiled.value.plan.steps.map((s) => s.id).sort()).toEqual(doc.nodes.map((n) => n.id).sort());
  });

  it('flows left to right: every edge points to a node further right', () => {
    const x = new Map(doc.nodes.map((n) => [n.id, n.position.x]));
    for (const e of doc.edges) expect(x.get(e.target)!, e.id).toBeGreaterThan(x.get(e.source)!);
  });

  it('ingests bundled data and ends in an evaluation gated on its headline metric', () => {
    const ingest = doc.nodes.find((n) => n.type.startsWith('ingest/'))!;
    if (ingest.type === 'ingest/sample-dataset') expect(SAMPLE_NAMES).toContain(ingest.params.dataset);
    else expect(ingest.type).toBe('ingest/synthetic-fraud');
    expect(template.dataset.name).toBe(ingest.type === 'ingest/sample-dataset' ? ingest.params.dataset : ingest.type);
    const evaluate = doc.nodes.find((n) => n.type === 'evaluate/model')!;
    const gates = evaluate.params.gates as { metric: string; op: string }[];
    expect(gates[0]).toMatchObject({ metric: template.headlineMetric });
    // A classifier's decisions must also beat the no-skill baselines (flag nobody, flag everyone).
    expect(gates.slice(1)).toEqual(template.category === 'classification' ? [expect.objectContaining({ metric: 'baseline_saving_pct', op: '>=' })] : []);
  });
});

describe('the catalogue', () => {
  it('has unique ids and offers fraud, churn, price and demand in that order', () => {
    expect(TEMPLATE_IDS).toEqual(['fraud-detection', 'customer-churn', 'price-regression', 'demand-forecast']);
  });

  it('gives the gallery plain data without the builder', () => {
    const infos = templateInfos();
    expect(infos).toHaveLength(TEMPLATES.length);
    for (const info of infos) expect(Object.values(info).some((v) => typeof v === 'function')).toBe(false);
  });

  it('builds the fraud template as ingest → clean → split → train → evaluate, one node each', () => {
    const doc = TEMPLATES[0].build('fraud', 'Fraud');
    expect(doc.nodes.map((n) => n.type.split('/')[0])).toEqual(['ingest', 'clean', 'split', 'train', 'evaluate']);
    expect(doc.nodes[0].type).toBe('ingest/synthetic-fraud');
  });

  it('splits classification targets stratified, prices by random and demand by time', () => {
    const split = (id: string) => TEMPLATES.find((t) => t.id === id)!.build('x', 'x').nodes.find((n) => n.type.startsWith('split/'))!;
    expect(split('fraud-detection').params.stratifyBy).toBe('is_fraud');
    expect(split('customer-churn').params.stratifyBy).toBe('churned');
    expect(split('price-regression')).toMatchObject({ type: 'split/random', params: { seed: 0 } });
    expect(split('price-regression').params.stratifyBy).toBeUndefined();
    expect(split('demand-forecast').type).toBe('split/time');
  });
});
