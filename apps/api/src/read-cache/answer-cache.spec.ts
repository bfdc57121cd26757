import { AnswerCache, CachedAnswer, requestKey } from './answer-cache';

const answer = (bytes: number, version = 1n): CachedAnswer => ({
  body: Buffer.alloc(bytes, 'x'),
  scopes: ['p', 'all'],
  version,
  validUntil: null,
});

describe('answer cache', () => {
  it('keys a request by its text, operation name and variables, and serves nothing it cannot key', () => {
    const key = requestKey({ query: '{ a }', variables: { x: 1 } });
    expect(key).toBe(requestKey({ query: '{ a }', variables: { x: 1 } }));
    expect(key).not.toBe(requestKey({ query: '{ a }', variables: { x: 2 } }));
    expect(key).not.toBe(requestKey({ query: '{ a }', variables: { x: 1 }, operationName: 'A' }));
    for (const body of [
      null,
      [],
      'text',
      { variables: {} },
      { query: 1 },
      { query: '{ a }', extensions: {} },
      { query: '{ a }', operationName: 2 },
    ])
      expect(requestKey(body)).toBeNull();
  });

  it('keeps answers per kind of viewer and never replaces a newer one with an older', () => {
    const cache = new AnswerCache(1000);
    cache.store('k', 'LEADER', answer(10, 2n));
    cache.store('k', 'anonymous', answer(10, 2n));
    cache.store('k', 'LEADER', answer(20, 1n));
    expect(cache.answersTo('k')?.get('LEADER')?.version).toBe(2n);
    expect(cache.answersTo('k')?.get('anonymous')).toBeDefined();
  });

  it('stays within its bytes, least recently used request out first, and keeps no answer of over an eighth of them', () => {
    const cache = new AnswerCache(1000);
    cache.store('a', 'LEADER', answer(100));
    cache.store('b', 'LEADER', answer(100));
    cache.store('huge', 'LEADER', answer(200));
    expect(cache.answersTo('huge')).toBeUndefined();
    cache.answersTo('a');
    for (let i = 0; i < 8; i++) cache.store(`c${i}`, 'LEADER', answer(100));
    expect(cache.answersTo('b')).toBeUndefined();
    expect(cache.answersTo('a')).toBeDefined();
  });
});
