import { TestServer } from './support/test-server';

/** With NODE_ENV=production the schema is not published: no introspection, no "Did you mean" in any error. */
describe('GraphQL errors in production', () => {
  const nodeEnv = process.env.NODE_ENV;
  let server: TestServer;

  beforeAll(async () => {
    process.env.NODE_ENV = 'production'; // read when the GraphQL module is configured and when each error is formatted
    server = await TestServer.start();
  });
  afterAll(async () => {
    await server.close();
    process.env.NODE_ENV = nodeEnv;
  });

  it.each([
    ['an unknown field', '{ policie { id } }', {}],
    ['an unknown field of a type', '{ policies { titel } }', {}],
    ['an unknown argument', '{ policy(idd: "x") { id } }', {}],
    ['an unknown type of a variable', 'query ($s: ReportStatu) { policies { id } }', {}],
    ['an unknown enum value', 'query ($p: ID!) { progressReports(policyId: $p, status: SUBMITED) { id } }', { p: 'x' }],
    [
      'an unknown enum value in a variable',
      'query ($p: ID!, $s: ReportStatus) { progressReports(policyId: $p, status: $s) { id } }',
      { p: 'x', s: 'SUBMITED' },
    ],
  ])('answers %s without suggesting names, as a client error', async (_name, query, variables) => {
    const res = await server.gql(query, variables);
    expect(res.errors?.length).toBeGreaterThan(0);
    for (const error of res.errors ?? []) {
      expect(error.message).not.toMatch(/did you mean/i);
      expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    }
  });

  it('refuses introspection', async () => {
    const res = await server.gql('{ __schema { types { name } } }');
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('still applies the query limits', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `p${i}: policies { id }`).join(' ');
    const res = await server.gql(`{ ${aliases} }`);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'aliases' });
  });
});
