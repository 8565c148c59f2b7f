// When the step pool's threads run the compiled step worker (bin/cli-build.mjs): only a build made
// from exactly the sources on disk now; otherwise the reason, which the thread logs as it falls
// back to tsx.
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshStepWorker, freshWorker } from '../../bin/cli-build.mjs';

let root: string;

function fakeBuild(): string {
  root = mkdtempSync(path.join(tmpdir(), 'pipeworks-step-build-'));
  mkdirSync(path.join(root, 'server'));
  writeFileSync(path.join(root, 'server/a.ts'), 'export const a = 1;\n');
  const dir = path.join(root, 'dist/cli/build-x');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'inputs.json'), JSON.stringify({ inputs: { 'server/a.ts': statSync(path.join(root, 'server/a.ts')).mtimeMs } }));
  writeFileSync(path.join(root, 'dist/cli/current'), 'build-x\n');
  return dir;
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('freshStepWorker', () => {
  it('names the compiled step worker of a build made from the sources on disk', () => {
    const dir = fakeBuild();
    expect(freshStepWorker(root)).toEqual({ file: path.join(dir, 'step-worker.mjs') });
  });

  it('refuses a build older than an edited source, naming the file', () => {
    fakeBuild();
    utimesSync(path.join(root, 'server/a.ts'), new Date(), new Date(Date.now() + 5000));
    expect(freshStepWorker(root)).toEqual({ reason: 'server/a.ts changed since the build in dist/cli' });
  });

  it('refuses a build whose source is gone, and says when there is no build', () => {
    fakeBuild();
    rmSync(path.join(root, 'server/a.ts'));
    expect(freshStepWorker(root)).toEqual({ reason: 'server/a.ts is gone since the build in dist/cli' });
    rmSync(path.join(root, 'dist/cli/current'));
    expect(freshStepWorker(root)).toEqual({ reason: 'there is no build in dist/cli' });
  });

  it("finds each pool's worker in the same build, and refuses a name that is not built", () => {
    const dir = fakeBuild();
    expect(freshWorker(root, 'ingest-worker')).toEqual({ file: path.join(dir, 'ingest-worker.mjs') });
    expect(() => freshWorker(root, 'ingest')).toThrow('No worker named "ingest" is built; known: step-worker, artifact-worker, ingest-worker, parquet-worker, speed-probe');
  });
});
