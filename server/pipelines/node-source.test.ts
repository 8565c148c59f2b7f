import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeImplementationHashes } from '../build/implementation-hashes';
import { computeNodeSources, writeNodeSources } from '../build/node-sources';
import { nodeSource } from './node-source';

const repo = path.resolve(__dirname, '../..');
let root: string;

beforeAll(async () => {
  // The sources file is a build output: written here into a scratch root, from this tree's sources.
  root = await mkdtemp(path.join(tmpdir(), 'node-sources-'));
  await writeNodeSources(root, await computeNodeSources(repo, await computeImplementationHashes(repo)));
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

describe('nodeSource', () => {
  it('gives a built-in node\'s module first, then its own helpers, with their text as in the tree', async () => {
    const { files } = await nodeSource('clean/filter-rows', 1, root);
    expect(files[0].path).toBe('nodes/clean/filter-rows.node.ts');
    expect(files[0].text).toContain("type: 'clean/filter-rows'");
    expect(files[1].path.startsWith('nodes/clean/')).toBe(true);
    expect(files.map((f) => f.path)).toContain('nodes/clean/filter-condition.ts');
    expect(files.every((f) => f.text.length > 0)).toBe(true);
  });

  it('refuses an unknown type and a build without sources, saying what to do', async () => {
    await expect(nodeSource('clean/no-such', 1, root)).rejects.toThrow(/No node type clean\/no-such@1/);
    await expect(nodeSource('clean/filter-rows', 1, path.join(root, 'missing'))).rejects.toThrow(/npm run node-hashes/);
  });
});
