import { QUERY_LIMITS } from '../src/common/query-limits';
import { TestServer } from './support/test-server';

/**
 * Requests that once stopped or killed the API (issue 9), and GraphQL-level bad input: each is
 * refused before anything runs, quickly, with a client error code, and runs no SQL.
 */
interface Answer {
  status: number;
  ms: number;
  statements: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** `policies { sections { measures { section { measures … { seq } } } } }`, `levels` objects deep (policies is the first). */
function nestedPolicies(levels: number): string {
  const chain = ['policies', 'sections', 'measures'];
  while (chain.length < levels) chain.push(chain.length % 2 === 1 ? 'section' : 'measures');
  return `{ ${chain.reduceRight((inner, field) => `${field} { ${inner} }`, 'seq')} }`;
}

describe('GraphQL query limits', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await TestServer.start({ countStatements: true });
  });
  afterAll(() => server.close());

  async function post(body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const started = Date.now();
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      ms: Date.now() - started,
      statements: Number(res.headers.get('x-sql-statements')),
      body: JSON.parse(text),
    };
  }

  /** Refused before it ran: the code, a Chinese message, no SQL, and fast (generous bound: a loaded 2-core machine). */
  function expectRefused(answer: Answer, limit: string) {
    const error = answer.body.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit });
    expect(error?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(answer.body.data).toBeUndefined();
    expect(answer.status).toBe(400);
    expect(answer.statements).toBe(0);
    expect(answer.ms).toBeLessThan(10_000); // unguarded: 72 s; a bound for a loaded CI machine
  }

  it('answers a policies query nested within the limits, and refuses the seven-level one by its cost', async () => {
    const allowed = await post({ query: nestedPolicies(5) });
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.statements).toBeGreaterThan(0);

    const sevenLevels = await post({ query: nestedPolicies(7) });
    expectRefused(sevenLevels, 'cost');
    expect(sevenLevels.body.errors?.[0].message).toContain('查询过于复杂');
    expect(sevenLevels.body.errors?.[0].extensions?.max).toBe(QUERY_LIMITS.maxCost);
  });

  it('refuses the fifteen-level nested policies query by its depth, and /health/live answers meanwhile', async () => {
    const [fifteen, live] = await Promise.all([post({ query: nestedPolicies(15) }), fetch(`${server.url}/health/live`)]);
    expectRefused(fifteen, 'depth');
    const depth = fifteen.body.errors?.find((e) => e.extensions?.limit === 'depth');
    expect(depth?.message).toBe(`查询嵌套过深：最多 ${QUERY_LIMITS.maxDepth} 层，此查询 ${15 + 1} 层`); // the 15 objects and their leaf
    expect(live.status).toBe(200);
  });

  it('refuses 40 aliases', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `p${i}: policies { id }`).join(' ');
    const answer = await post({ query: `{ ${aliases} }` });
    expectRefused(answer, 'aliases');
    expect(answer.body.errors?.[0].message).toBe(`查询使用的别名过多：最多 ${QUERY_LIMITS.maxAliases} 个，此查询 40 个`);
  });

  it('refuses many directives', async () => {
    const fields = Array.from({ length: 60 }, () => '__typename @include(if: true)').join(' ');
    expectRefused(await post({ query: `{ policies { id ${fields} } }` }), 'directives');
  });

  it('refuses a document of too many tokens, before it is even parsed in full', async () => {
    const answer = await post({ query: `{ policies { ${'id '.repeat(5000)} } }` });
    expectRefused(answer, 'tokens');
    expect(answer.body.errors?.[0].message).toBe(`查询过长：最多 ${QUERY_LIMITS.maxTokens} 个词法单元（token）`);
  });

  it('refuses a subscription with a client error, not an internal one', async () => {
    const answer = await post({ query: 'subscription { policies { id } }' });
    expectRefused(answer, 'operation');
    expect(answer.body.errors?.[0].message).toContain('不支持订阅');
  });

  it.each([
    ['an unknown hash', { persistedQuery: { version: 1, sha256Hash: 'nonsense' } }, undefined],
    ['a hash that does not match the query', { persistedQuery: { version: 1, sha256Hash: 'nonsense' } }, '{ policies { id } }'],
    ['another version', { persistedQuery: { version: 2, sha256Hash: 'nonsense' } }, undefined],
    ['a string', { persistedQuery: 'nonsense' }, undefined],
    ['an array', { persistedQuery: [1, 2] }, undefined],
    ['a hash that is an object', { persistedQuery: { version: 1, sha256Hash: { $gt: '' } } }, undefined],
    ['no version', { persistedQuery: { sha256Hash: 'ab' } }, '{ policies { id } }'],
  ])('answers a persisted query given as %s with PERSISTED_QUERY_NOT_SUPPORTED, running nothing', async (_name, extensions, query) => {
    const answer = await post({ query, extensions });
    expect(answer.status).toBeLessThan(500);
    expect(answer.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    expect(answer.body.errors?.[0].message).toContain('不支持持久化查询');
    expect(answer.statements).toBe(0);
  });

  it('refuses a batch of operations in one request (each would be measured alone)', async () => {
    const answer = await post([{ query: '{ policies { id } }' }, { query: '{ policies { id } }' }]);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
    expect(answer.statements).toBe(0);
  });

  it('answers a malformed extensions field as a bad request', async () => {
    const answer = await post({ query: '{ policies { id } }', extensions: 'persistedQuery' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
  });

  describe('GET /graphql', () => {
    const get = (query: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}/graphql?query=${encodeURIComponent(query)}`, { headers });

    it('is refused without a preflight header (Apollo’s CSRF prevention stays on)', async () => {
      const res = await get('{ policies { id } }');
      expect(res.status).toBe(400);
      expect(res.headers.get('x-sql-statements')).toBe('0');
    });

    it('with the header, answers a query within the limits and refuses one beyond them', async () => {
      const headers = { 'apollo-require-preflight': 'true' };
      const ok = await get('{ policies { id } }', headers);
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { data: { policies: unknown[] } }).data.policies.length).toBeGreaterThan(0);

      const deep = await get(nestedPolicies(15), headers);
      expect(deep.status).toBe(400);
      expect(deep.headers.get('x-sql-statements')).toBe('0');
      expect(((await deep.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('does not run a mutation', async () => {
      const res = await get('mutation { markNoticesRead }', { 'apollo-require-preflight': 'true' });
      expect(res.status).toBe(405);
      expect(res.headers.get('x-sql-statements')).toBe('0');
    });
  });
});
