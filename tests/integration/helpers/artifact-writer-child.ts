// A process that stores artifacts through the real store code and kills itself with SIGKILL at a
// chosen point of its last write: part-way through writing, before the fsync, before the rename,
// or after the rename but before the directory fsync. Bundled to CommonJS by torn-writes.test.ts,
// where imports from node:fs/promises are read at call time, so patching them here takes effect.
import { writeSync } from 'node:fs';
import fsp from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { writeArtifactBytes, writeArtifactStream } from '../../../server/store/artifact-files';

type Crash = 'write' | 'sync' | 'rename' | 'dirsync';
const root = process.env.PW_ROOT!;
const crash = process.env.PW_CRASH as Crash;
const before = Number(process.env.PW_WRITES ?? 0);

const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

async function main() {
  let armed = false;
  const probe = await fsp.open(`${root}/.probe-${process.pid}`, 'w');
  type Method = (this: unknown, ...args: unknown[]) => Promise<unknown>;
  const handle = Object.getPrototypeOf(probe) as { writeFile: Method; write: Method; sync: Method };
  await probe.close();
  await fsp.rm(`${root}/.probe-${process.pid}`);
  const { writeFile, write, sync } = handle;
  const rename = fsp.rename;
  handle.writeFile = async function (this: unknown, ...args: unknown[]) {
    const data = args[0] as Uint8Array;
    if (armed && crash === 'write') {
      await write.call(this, data.subarray(0, Math.max(1, data.length >> 1)));
      die();
    }
    return writeFile.call(this, ...args);
  };
  handle.write = async function (this: unknown, ...args: unknown[]) {
    const result = await write.call(this, ...args);
    if (armed && crash === 'write') die();
    return result;
  };
  handle.sync = async function (this: unknown) {
    if (armed && crash === 'sync') die();
    return sync.call(this);
  };
  (fsp as { rename: typeof rename }).rename = async (from, to) => {
    if (armed && crash === 'rename') die();
    await rename(from, to);
    if (armed && crash === 'dirsync') die();
  };

  for (let i = 0; i <= before; i++) {
    armed = i === before;
    const bytes = randomBytes(1 + Math.floor(Math.random() * 200_000));
    const stored =
      i % 2 === 0
        ? await writeArtifactBytes(root, bytes)
        : await writeArtifactStream(root, (async function* () {
            for (let at = 0; at < bytes.length; at += 16_384) yield bytes.subarray(at, at + 16_384);
          })());
    writeSync(1, `${stored.id}\n`);
  }
}

main().catch((error) => {
  writeSync(2, `${(error as Error).stack}\n`);
  process.exit(3);
});
