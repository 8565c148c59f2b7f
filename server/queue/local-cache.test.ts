import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { artifactPath, writeArtifactBytes } from '../store/artifact-files';
import { LocalArtifactCache } from './local-cache';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const IDLE_MS = 40;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function cacheWithOne(): Promise<{ cache: LocalArtifactCache; file: string; fetches: () => number; acquire: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pipeworks-cache-'));
  dirs.push(dir);
  const source = mkdtempSync(path.join(tmpdir(), 'pipeworks-cache-src-'));
  dirs.push(source);
  const bytes = new TextEncoder().encode('an input table');
  const { id } = await writeArtifactBytes(source, bytes);
  const cache = new LocalArtifactCache(dir, IDLE_MS);
  let fetched = 0;
  const acquire = () =>
    cache.acquire(id, async () => {
      fetched++;
      return bytes;
    });
  return { cache, file: artifactPath(dir, id), fetches: () => fetched, acquire };
}

describe('LocalArtifactCache', () => {
  it('keeps inputs between steps that follow each other closely, fetching each once', async () => {
    const { cache, file, fetches, acquire } = await cacheWithOne();
    for (let i = 0; i < 5; i++) {
      await cache.enter();
      await acquire();
      cache.leave();
      await sleep(1);
    }
    expect(fetches()).toBe(1);
    expect(existsSync(file)).toBe(true);
    cache.dispose();
  });

  it('does not look for an input it already holds again until the store is emptied', async () => {
    const { cache, file, fetches, acquire } = await cacheWithOne();
    await cache.enter();
    await acquire();
    rmSync(file); // behind its back: only a look at the disk would notice
    await acquire();
    expect(fetches()).toBe(1);
    cache.leave();
    await sleep(IDLE_MS * 4); // emptied: held ids are forgotten with the files
    await cache.enter();
    await acquire();
    expect(fetches()).toBe(2);
    expect(existsSync(file)).toBe(true);
    cache.leave();
    cache.dispose();
  });

  it('empties the store once idle for a moment, and fetches again afterwards', async () => {
    const { cache, file, fetches, acquire } = await cacheWithOne();
    await cache.enter();
    await acquire();
    cache.leave();
    await sleep(IDLE_MS * 4);
    expect(existsSync(file)).toBe(false);
    await cache.enter();
    await acquire();
    expect(fetches()).toBe(2);
    expect(existsSync(file)).toBe(true);
    cache.leave();
    cache.dispose();
  });

  it('removes nothing while a step is running, however long it runs', async () => {
    const { cache, file, acquire } = await cacheWithOne();
    await cache.enter();
    await acquire();
    await cache.enter(); // a second step
    cache.leave(); // the first ends; the second still runs
    await sleep(IDLE_MS * 4);
    expect(existsSync(file)).toBe(true);
    cache.leave();
    cache.dispose();
  });
});
