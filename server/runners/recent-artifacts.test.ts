import { describe, expect, it } from 'vitest';
import { RecentArtifacts } from './recent-artifacts';

const bytesOf = (n: number, fill: number) => new Uint8Array(n).fill(fill);

describe('RecentArtifacts', () => {
  it('loads an artifact once and hands each reader its own copy', async () => {
    const recent = new RecentArtifacts(100);
    let loads = 0;
    const load = async () => (loads++, bytesOf(10, 1));
    const first = await recent.read('a', load);
    first[0] = 99; // a reader that writes into its bytes changes nobody else's
    const second = await recent.read('a', load);
    const third = await recent.read('a', load);
    expect(loads).toBe(1);
    expect(second).toEqual(bytesOf(10, 1));
    second[1] = 42;
    expect(third).toEqual(bytesOf(10, 1));
    expect(await recent.read('a', load)).toEqual(bytesOf(10, 1));
  });

  it('drops the least recently used once over budget, and keeps nothing over its largest', async () => {
    const recent = new RecentArtifacts(30, 10);
    const loads: string[] = [];
    const load = (n: number) => async (id: string) => (loads.push(id), bytesOf(n, 0));
    await recent.read('a', load(10));
    await recent.read('b', load(10));
    await recent.read('a', load(10)); // a is now the most recent
    recent.keep('c', bytesOf(10, 0));
    recent.keep('d', bytesOf(10, 0)); // 40 > 30: b goes
    await recent.read('big', load(11)); // over 10: never kept
    await recent.read('a', load(10));
    await recent.read('b', load(10));
    await recent.read('big', load(11));
    expect(loads).toEqual(['a', 'b', 'big', 'b', 'big']);
  });

  it('keeps nothing when the load fails', async () => {
    const recent = new RecentArtifacts(100);
    await expect(recent.read('a', async () => Promise.reject(new Error('corrupt')))).rejects.toThrow('corrupt');
    expect(recent.size).toBe(0);
  });
});
