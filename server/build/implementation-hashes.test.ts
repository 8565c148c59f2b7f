import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeImplementationHashes, GENERATED_FILE, renderModule, type ImplementationHashes } from './implementation-hashes';

const ROOT = process.cwd();
const HELPER = 'nodes/split/class-balance.ts';

function byNode(hashes: ImplementationHashes): Map<string, string> {
  return new Map(hashes.nodes.map((n) => [n.exportName, n.hash]));
}

// Each case runs esbuild over every node two or three times: seconds on a loaded machine, not a 5 s default.
describe('implementation hashes', { timeout: 60_000 }, () => {
  it('are fresh in the checked-in generated module (run node bin/node-hashes.mjs if not)', async () => {
    const hashes = await computeImplementationHashes(ROOT);
    expect(readFileSync(path.join(ROOT, GENERATED_FILE), 'utf8')).toBe(renderModule(hashes));
  });

  describe('in a copy of the sources', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'pw-hashes-'));
    for (const entry of ['nodes', 'engine', 'package.json', 'package-lock.json', 'tsconfig.json']) {
      cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
    }
    afterAll(() => rmSync(copy, { recursive: true, force: true }));
    const edit = (file: string, from: string, to: string) => {
      const text = readFileSync(path.join(copy, file), 'utf8');
      expect(text).toContain(from);
      writeFileSync(path.join(copy, file), text.replace(from, to));
    };

    it('change for exactly the nodes whose closure holds an edited helper line', async () => {
      const before = await computeImplementationHashes(copy);
      const importers = before.nodes.filter((n) => n.files.includes(HELPER)).map((n) => n.exportName).sort();
      // The helper is shared, but not by everything: both outcomes are checked.
      expect(importers).toEqual(['randomSplitNode', 'timeSplitNode']);

      edit(HELPER, "if (total === 0) return 'no rows';", "if (total === 0) return 'no rows at all';");
      const after = await computeImplementationHashes(copy);
      const [was, now] = [byNode(before), byNode(after)];
      const changed = [...now.keys()].filter((name) => now.get(name) !== was.get(name)).sort();
      expect(changed).toEqual(importers);
      expect(after.registryHash).not.toBe(before.registryHash);
    });

    it('ignore comments and layout, which the build strips', async () => {
      const before = byNode(await computeImplementationHashes(copy));
      edit('nodes/split/random-split.ts', '\n', '\n// A comment the build drops.\n\n');
      expect(byNode(await computeImplementationHashes(copy))).toEqual(before);
    });

    it('follow the locked version of a library the node imports', async () => {
      const before = await computeImplementationHashes(copy);
      const mlp = before.nodes.find((n) => n.exportName === 'mlpNode')!;
      expect(mlp.packages).toEqual(expect.arrayContaining([expect.stringMatching(/^@tensorflow\/tfjs@/), expect.stringMatching(/^@tensorflow\/tfjs-backend-wasm@/)]));
      const lock = JSON.parse(readFileSync(path.join(copy, 'package-lock.json'), 'utf8'));
      lock.packages['node_modules/@tensorflow/tfjs'].version = '9.9.9';
      writeFileSync(path.join(copy, 'package-lock.json'), JSON.stringify(lock));
      const [was, now] = [byNode(before), byNode(await computeImplementationHashes(copy))];
      const changed = [...now.keys()].filter((name) => now.get(name) !== was.get(name));
      const tfUsers = before.nodes.filter((n) => n.packages.some((p) => p.startsWith('@tensorflow/tfjs@'))).map((n) => n.exportName);
      expect(changed.sort()).toEqual(tfUsers.sort());
      expect(changed).toContain('mlpNode');
      expect(changed).not.toContain('filterRowsNode');
    });
  });
});
