// Property: pipeline.compile and pipeline.save take any document a client could send and answer
// with a plan, a saved version, or a 400 whose every issue names its node, edge or field. Never a
// 500. Documents are a working pipeline damaged by fast-check: values replaced, keys removed,
// nodes and edges added with odd ids, types and ports; and now and then no document at all.
import { TRPCError } from '@trpc/server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentIssuesError } from '../../../engine/errors';
import type { CompileIssue } from '../../../engine/plan';
import { createUser, type PublicUser } from '../../auth/users';
import { projects } from '../../db/schema';
import { openTestDb, type TestDb } from '../../db/test-db';
import { latestVersionNumber } from '../../pipelines/versions';
import { testContext } from '../test-context';
import { createCallerFactory } from '../trpc';
import { pipelineRouter } from './pipeline';

/** 10,000 by default (the battery in issue 14); PIPEWORKS_FUZZ_RUNS changes it. */
const RUNS = Number(process.env.PIPEWORKS_FUZZ_RUNS ?? 10_000);

const BASE = {
  schemaVersion: 1,
  id: 'fuzzed',
  name: 'Fuzzed',
  nodes: [
    { id: 'ingest', type: 'ingest/sample-dataset', version: 1, params: { dataset: 'breast-cancer' }, position: { x: 0, y: 0 } },
    { id: 'split', type: 'split/random', version: 1, params: { train: 0.75, validation: 0, test: 0.25, seed: 1, stratifyBy: 'diagnosis' }, position: { x: 200, y: 0 } },
    { id: 'train', type: 'train/logistic-regression', version: 1, params: { target: 'diagnosis' }, position: { x: 400, y: 0 } },
    { id: 'evaluate', type: 'evaluate/model', version: 1, params: {}, position: { x: 600, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'ingest', sourceHandle: 'table', target: 'split', targetHandle: 'table' },
    { id: 'e2', source: 'split', sourceHandle: 'train', target: 'train', targetHandle: 'train' },
    { id: 'e3', source: 'train', sourceHandle: 'model', target: 'evaluate', targetHandle: 'model' },
    { id: 'e4', source: 'split', sourceHandle: 'test', target: 'evaluate', targetHandle: 'table' },
  ],
  settings: { placement: 'server' },
};

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path into the base document, so damage can land anywhere in it. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [at, ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...at, k]))];
}
const PATHS = paths(BASE).filter((p) => p.length > 0);

const odd = fc.oneof(
  fc.constantFrom('', ' ', 'ingest', 'split', 'train', 'evaluate', 'e1', 'table', 'model', 'train/logistic-regression', 'split/random', 'nope/none', '__proto__', 'constructor', 'x'.repeat(70), '../../etc/passwd', '\u0000', 'é'),
  fc.string({ maxLength: 8 }),
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: odd },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1.5, 1e308, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53)) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, [], {}) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);
const node = fc.record({ id: odd, type: odd, version: value, params: fc.oneof(value, fc.dictionary(odd, value, { maxKeys: 3 })), position: fc.oneof(value, fc.constant({ x: 0, y: 0 })) }, { requiredKeys: [] });
const edge = fc.record({ id: odd, source: odd, sourceHandle: odd, target: odd, targetHandle: odd }, { requiredKeys: [] });

type Damage = { set: (string | number)[]; to: unknown } | { remove: (string | number)[] } | { addNode: unknown } | { addEdge: unknown };
const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ set: fc.constantFrom(...PATHS), to: value }),
  fc.record({ remove: fc.constantFrom(...PATHS) }),
  fc.record({ addNode: node }),
  fc.record({ addEdge: edge }),
);

function apply(damages: Damage[]): unknown {
  const doc = structuredClone(BASE) as unknown as { [k: string]: Json };
  for (const d of damages) {
    if ('addNode' in d && Array.isArray(doc.nodes)) (doc.nodes as unknown[]).push(d.addNode);
    if ('addEdge' in d && Array.isArray(doc.edges)) (doc.edges as unknown[]).push(d.addEdge);
    const target = 'set' in d ? d.set : 'remove' in d ? d.remove : null;
    if (!target) continue;
    let parent: unknown = doc;
    for (const k of target.slice(0, -1)) parent = parent !== null && typeof parent === 'object' ? (parent as Record<string | number, unknown>)[k] : undefined;
    if (parent === null || typeof parent !== 'object') continue;
    const last = target[target.length - 1];
    if ('set' in d) (parent as Record<string | number, unknown>)[last] = d.to;
    else if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else delete (parent as Record<string | number, unknown>)[last];
  }
  return doc;
}

const documents = fc.oneof({ weight: 9, arbitrary: fc.array(damage, { minLength: 1, maxLength: 4 }).map(apply) }, { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) });

/** An issue a person can act on: it says what is wrong and points at a node, an edge, a field, or the whole document. */
function unplaced(issues: CompileIssue[]): CompileIssue[] {
  // These two are about the document as a whole (not JSON, not an object, no nodes at all).
  const whole = (i: CompileIssue) => i.code === 'invalid_document' || i.code === 'empty_pipeline';
  return issues.filter((i) => !i.message || !(i.nodeId || i.edgeId || i.field || i.nodeIds?.length || whole(i)));
}

let t: TestDb;
let user: PublicUser;
beforeAll(async () => {
  t = openTestDb();
  user = await createUser(t.anyDb, { email: 's@example.com', name: 'Sci', role: 'scientist', password: 'long enough password' });
  t.db.insert(projects).values({ id: 'pr', name: 'P', createdAt: 0 }).run();
});
afterAll(() => t.cleanup());

describe('the PipelineDoc API under fuzzing', () => {
  it(`compiles and saves ${RUNS} damaged documents without a 500, every issue placed`, async () => {
    const caller = createCallerFactory(pipelineRouter)(testContext(t, user));
    await fc.assert(
      fc.asyncProperty(documents, async (doc) => {
        const compiled = await caller.compile({ doc });
        if (!compiled.ok) {
          expect(compiled.issues.length).toBeGreaterThan(0);
          expect(unplaced(compiled.issues)).toEqual([]);
        }
        try {
          // Based on the latest version of whatever id the document claims, as an editor's save is.
          const id = doc !== null && typeof doc === 'object' ? (doc as { id?: unknown }).id : undefined;
          const baseVersion = typeof id === 'string' ? await latestVersionNumber(t.anyDb, id) : 0;
          const saved = await caller.save({ projectId: 'pr', doc, baseVersion });
          expect(saved.version).toBeGreaterThan(0);
        } catch (error) {
          if (!(error instanceof TRPCError) || error.code !== 'BAD_REQUEST') throw error;
          const issues = error.cause instanceof DocumentIssuesError ? error.cause.issues : [];
          expect(issues.length).toBeGreaterThan(0);
          expect(unplaced(issues)).toEqual([]);
        }
      }),
      { numRuns: RUNS },
    );
  }, 1_800_000);
});
