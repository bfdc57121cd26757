import { VersionedCache } from './versioned-cache';

describe('VersionedCache', () => {
  const answer = (value: string, version: bigint) => () => Promise.resolve({ value, version });

  it('serves an entry to readers of its version or an older one, not a newer', async () => {
    const cache = new VersionedCache<string>(10);
    await cache.compute('k', 3n, answer('a', 3n));
    await expect(cache.peek('k', 3n)).resolves.toBe('a');
    await expect(cache.peek('k', 2n)).resolves.toBe('a');
    expect(cache.peek('k', 4n)).toBeUndefined();
  });

  it('tags an answer with the version its computation saw, when later than the one read before', async () => {
    const cache = new VersionedCache<string>(10);
    await cache.compute('k', 3n, answer('a', 5n));
    await expect(cache.peek('k', 5n)).resolves.toBe('a');
  });

  it('shares one computation between concurrent readers and forgets a failed one', async () => {
    const cache = new VersionedCache<string>(10);
    let runs = 0;
    let release!: () => void;
    const pending = cache.compute('k', 1n, async () => {
      runs++;
      await new Promise<void>((r) => (release = r));
      return { value: 'a', version: 1n };
    });
    const shared = cache.peek('k', 1n);
    release();
    await expect(Promise.all([pending, shared])).resolves.toEqual(['a', 'a']);
    expect(runs).toBe(1);
    await expect(cache.compute('bad', 1n, () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(cache.peek('bad', 1n)).toBeUndefined();
  });

  it('keeps its weight under the bound, least recently used out first', async () => {
    const cache = new VersionedCache<string>(3, (value) => value.length);
    await cache.compute('a', 1n, answer('x', 1n));
    await cache.compute('b', 1n, answer('y', 1n));
    await cache.peek('a', 1n); // a is now the most recently used
    await cache.compute('c', 1n, answer('zz', 1n));
    expect(cache.peek('b', 1n)).toBeUndefined();
    await expect(cache.peek('a', 1n)).resolves.toBe('x');
    await expect(cache.peek('c', 1n)).resolves.toBe('zz');
  });
});
