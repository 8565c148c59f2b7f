import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PipelineDoc } from '../../engine/document';
import { linearDoc } from '../../engine/test-doc';
import { createUser, type PublicUser } from '../auth/users';
import { projects } from '../db/schema';
import { openTestDb, type TestDb } from '../db/test-db';
import { SaveConflictError } from './save-conflict';
import { getVersion, restoreVersion, saveVersion } from './versions';

let t: TestDb;
let ana: PublicUser;
let sam: PublicUser;
beforeEach(async () => {
  t = openTestDb();
  t.db.insert(projects).values({ id: 'pr', name: 'P', createdAt: 0 }).run();
  ana = await createUser(t.anyDb, { email: 'ana@example.com', name: 'Ana Analyst', role: 'analyst', password: 'long enough password' });
  sam = await createUser(t.anyDb, { email: 'sam@example.com', name: 'Sam Scientist', role: 'scientist', password: 'long enough password' });
});
afterEach(() => t.cleanup());

const withParam = (doc: PipelineDoc, nodeId: string, param: string, value: unknown): PipelineDoc => ({
  ...doc,
  nodes: doc.nodes.map((n) => (n.id === nodeId ? { ...n, params: { ...n.params, [param]: value } } : n)),
});
const paramOf = (doc: unknown, nodeId: string, param: string) => (doc as PipelineDoc).nodes.find((n) => n.id === nodeId)?.params[param];

describe('saveVersion with a base version', () => {
  it('merges a save from an older base with the one made meanwhile, naming both authors', () => {
    const base = linearDoc();
    saveVersion(t.db, 'pr', base, ana.id, { baseVersion: 0 });
    saveVersion(t.db, 'pr', withParam(base, 'load', 'dataset', 'wine'), ana.id, { baseVersion: 1 });
    const merged = saveVersion(t.db, 'pr', withParam(base, 'scale', 'factor', 3), sam.id, { baseVersion: 1, message: 'Changed factor' });
    expect(merged).toMatchObject({ version: 3, created: true, merged: { versions: [{ version: 2, author: 'Ana Analyst', authorId: ana.id }] } });
    const stored = getVersion(t.db, base.id)!;
    expect(paramOf(stored.doc, 'load', 'dataset')).toBe('wine');
    expect(paramOf(stored.doc, 'scale', 'factor')).toBe(3);
    expect(stored).toMatchObject({ authorId: sam.id, mergedAuthorIds: [ana.id], baseVersion: 1, message: 'Changed factor (merged with v2 by Ana Analyst)' });
  });

  it('refuses a clash with who saved which version and when, and overwrites nothing', () => {
    const base = linearDoc();
    saveVersion(t.db, 'pr', base, ana.id, { baseVersion: 0 });
    saveVersion(t.db, 'pr', withParam(base, 'scale', 'factor', 5), ana.id, { baseVersion: 1 });
    let thrown: unknown;
    try {
      saveVersion(t.db, 'pr', withParam(base, 'scale', 'factor', 7), sam.id, { baseVersion: 1 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SaveConflictError);
    const conflict = (thrown as SaveConflictError).conflict;
    expect(conflict).toMatchObject({ baseVersion: 1, since: [{ version: 2, author: 'Ana Analyst' }], conflicts: [{ kind: 'param', nodeId: 'scale', param: 'factor', theirs: 5, ours: 7 }] });
    expect((thrown as Error).message).toMatch(/Ana Analyst saved v2 at \d{4}-\d\d-\d\d \d\d:\d\d UTC.*param "factor" of node "scale"/);
    expect(getVersion(t.db, base.id)).toMatchObject({ version: 2 });
    expect(paramOf(getVersion(t.db, base.id)!.doc, 'scale', 'factor')).toBe(5);
  });

  it('refuses a base the pipeline does not have, and a "new" pipeline whose id exists', () => {
    const base = linearDoc();
    expect(() => saveVersion(t.db, 'pr', base, ana.id, { baseVersion: 3 })).toThrow(/no versions yet/);
    saveVersion(t.db, 'pr', base, ana.id, { baseVersion: 0 });
    expect(() => saveVersion(t.db, 'pr', withParam(base, 'scale', 'factor', 1), ana.id, { baseVersion: 0 })).toThrow(/is at v1/);
    expect(() => saveVersion(t.db, 'pr', withParam(base, 'scale', 'factor', 1), ana.id, { baseVersion: 2 })).toThrow(/not v2/);
  });

  it('stores nothing new when a stale save changes nothing the latest lacks', () => {
    const base = linearDoc();
    saveVersion(t.db, 'pr', base, ana.id, { baseVersion: 0 });
    saveVersion(t.db, 'pr', withParam(base, 'scale', 'factor', 5), ana.id, { baseVersion: 1 });
    expect(saveVersion(t.db, 'pr', base, sam.id, { baseVersion: 1 })).toMatchObject({ version: 2, created: false });
  });
});

describe('restoreVersion', () => {
  it('creates a new version from an old one, based on the latest', () => {
    const base = linearDoc();
    saveVersion(t.db, 'pr', base, ana.id, { baseVersion: 0 });
    saveVersion(t.db, 'pr', withParam(base, 'scale', 'factor', 5), ana.id, { baseVersion: 1 });
    const restored = restoreVersion(t.db, base.id, 1, sam.id, 2);
    expect(restored).toMatchObject({ version: 3, created: true });
    expect(getVersion(t.db, base.id)).toMatchObject({ message: 'Restored v1', authorId: sam.id, baseVersion: 2 });
    expect(paramOf(getVersion(t.db, base.id)!.doc, 'scale', 'factor')).toBe(2);
    expect(() => restoreVersion(t.db, base.id, 9, sam.id, 3)).toThrow(/no version 9/);
  });
});

describe('code in versions', () => {
  it('stores each version\'s code, language included, and gives it back as it was saved', () => {
    const base = linearDoc();
    const withCode = (code: string, language: string): PipelineDoc => ({
      ...base,
      nodes: [...base.nodes, { id: 'code', type: 'code/transform', version: 1, params: { code, language }, position: { x: 0, y: 0 } }],
    });
    saveVersion(t.db, 'pr', withCode('(cols) => cols', 'javascript'), sam.id, { baseVersion: 0 });
    saveVersion(t.db, 'pr', withCode('(cols: Record<string, Float64Array>) => ({ ...cols })', 'typescript'), sam.id, { baseVersion: 1 });
    expect(paramOf(getVersion(t.db, base.id, 1)!.doc, 'code', 'code')).toBe('(cols) => cols');
    expect(paramOf(getVersion(t.db, base.id, 2)!.doc, 'code', 'code')).toBe('(cols: Record<string, Float64Array>) => ({ ...cols })');
    expect(paramOf(getVersion(t.db, base.id, 2)!.doc, 'code', 'language')).toBe('typescript');
  });
});
