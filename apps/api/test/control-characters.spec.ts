import { countyId, loadVariantNotice, PolicyIds, SAVE, signedInUser } from './support/fixtures';
import { codeOf, TestServer } from './support/test-server';

const TAISHAN = countyId('440781');

/** PostgreSQL refuses NUL in text (that used to be a 500); other control characters are never typed by a person. */
describe('control characters in input', () => {
  let server: TestServer;
  let p: PolicyIds;
  let taishan: string;

  beforeAll(async () => {
    server = await TestServer.start();
    p = await loadVariantNotice(server.dataSource, 333);
    const admin = await server.adminToken();
    taishan = await signedInUser(server, admin, 'REPORTER', TAISHAN);
  });
  afterAll(() => server.close());

  const footprint = async () =>
    (
      await server.dataSource.query(
        `SELECT (SELECT count(*) FROM progress_report) AS reports, (SELECT count(*) FROM audit_record) AS audits, (SELECT count(*) FROM report_figure) AS figures`,
      )
    )[0];

  it.each([
    ['NUL in a text', { progress: '进展\u0000' }, 'progress'],
    ['a bell in a text', { problems: 'a\u0007b' }, 'problems'],
    ['ESC in a text', { nextSteps: '\u001b[31m' }, 'nextSteps'],
    ['DEL', { progress: 'x\u007f' }, 'progress'],
    ['a C1 control', { progress: 'x\u0085' }, 'progress'],
    ['NUL in an id', { measureId: 'a\u0000' }, 'measureId'],
  ])('refuses %s as BAD_USER_INPUT naming the field, storing nothing', async (_name, fields, field) => {
    const before = await footprint();
    const input = { measureId: p.measure(7), periodId: p.period('2024Q3'), agencyId: TAISHAN, ...fields };
    const res = await server.gql(SAVE, { input }, taishan);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.field).toBe(field);
    expect(res.errors![0].message).toContain('控制字符');
    expect(await footprint()).toEqual(before);
  });

  it('names the item of a list, refuses it in a plain argument and in an inline literal too', async () => {
    const values = [
      { targetId: p.target(7, '見習崗位'), countyId: TAISHAN, value: 1 },
      { targetId: p.target(7, '見習崗位'), countyId: 'x\u0000', value: 1 },
    ];
    const res = await server.gql(
      SAVE,
      { input: { measureId: p.measure(7), periodId: p.period('2024Q3'), agencyId: TAISHAN, values } },
      taishan,
    );
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'countyId', index: 1 });
    const login = await server.gql(`mutation ($u: String!) { login(username: $u, password: "x") { accessToken } }`, { u: 'admin\u0000' });
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(login.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'username' });
    const literal = await server.gql(`{ supervisionReviews(policyId: "a\\u0000b") { id } }`, {}, taishan);
    expect(literal.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'policyId' });
  });

  it('keeps tabs and line breaks, which people do type', async () => {
    const res = await server.gql(
      SAVE,
      { input: { measureId: p.measure(7), periodId: p.period('2024Q3'), agencyId: TAISHAN, progress: '一、\t完成\r\n二、继续' } },
      taishan,
    );
    expect(res.errors).toBeUndefined();
  });

  it('refuses a control character in a download’s query string too', async () => {
    const res = await fetch(`${server.url}/reports/template.xlsx?periodId=a%00b`, { headers: { authorization: `Bearer ${taishan}` } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('BAD_USER_INPUT');
  });
});

describe('a list of many wrong values', () => {
  it('is BAD_USER_INPUT throughout, including graphql-js’s own “too many errors”', async () => {
    const server = await TestServer.start();
    try {
      const admin = await server.adminToken();
      const res = await server.gql(
        `mutation ($t: ID!, $s: [Float!]) { setTargetTrajectory(targetId: $t, shares: $s) { __typename } }`,
        { t: 'x', s: Array.from({ length: 3000 }, () => 'x') },
        admin,
      );
      expect(res.errors!.length).toBeGreaterThan(50);
      expect(new Set(res.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['BAD_USER_INPUT']));
    } finally {
      await server.close();
    }
  });
});
