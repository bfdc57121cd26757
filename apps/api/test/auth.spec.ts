import { codeOf, TestServer, uniqueName, ADMIN_PASSWORD } from './support/test-server';
import { seedIds } from '../src/policy/notice-seed';

const CREATE_USER = `mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id username role agency { id name } } }`;
const LOGIN = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) { accessToken user { id username role agency { id name } } } }`;
const HRSS = seedIds.agency({ agencyName: '市人力資源社會保障局', kind: 'DEPARTMENT', regionCode: null });
const TAISHAN = seedIds.agency({ agencyName: '台山市', kind: 'COUNTY', regionCode: '440781' });

describe('sign-in and users', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await server.adminToken();
  });
  afterAll(() => server.close());

  const auditCount = async (entityId: string) =>
    Number(
      (await server.dataSource.query(`SELECT count(*) AS n FROM audit_record WHERE entity = 'user' AND entity_id = $1`, [entityId]))[0].n,
    );
  const userCount = async () => Number((await server.dataSource.query(`SELECT count(*) AS n FROM app_user`))[0].n);

  it('signs the bootstrap admin in with ADMIN_PASSWORD and returns a bearer token', async () => {
    const data = await server.ok<{ login: { accessToken: string; user: { username: string; role: string; agency: null } } }>(LOGIN, {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    expect(data.login.user).toMatchObject({ username: 'admin', role: 'ADMIN', agency: null });
    expect(data.login.accessToken.split('.')).toHaveLength(3);
    const me = await server.ok<{ me: { username: string } }>(`{ me { username } }`, {}, data.login.accessToken);
    expect(me.me.username).toBe('admin');
  });

  it('refuses a wrong password or an unknown user alike, with UNAUTHENTICATED', async () => {
    const wrong = await server.gql(LOGIN, { username: 'admin', password: 'not-the-password' });
    const unknown = await server.gql(LOGIN, { username: uniqueName('nobody'), password: 'whatever1' });
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
  });

  it('refuses a forged or garbled token instead of treating it as anonymous', async () => {
    const [h, p] = admin.split('.');
    for (const token of [`${h}.${p}.forged`, 'garbage']) {
      expect(codeOf(await server.gql(`{ me { id } }`, {}, token))).toBe('UNAUTHENTICATED');
    }
  });

  it('lets the admin create a reporter of an agency, who then signs in (audited)', async () => {
    const username = uniqueName('reporter');
    const data = await server.ok<{ createUser: { id: string; role: string; agency: { id: string; name: string } } }>(
      CREATE_USER,
      { input: { username, password: 'reporter-pass-1', role: 'REPORTER', agencyId: TAISHAN } },
      admin,
    );
    expect(data.createUser).toMatchObject({ role: 'REPORTER', agency: { id: TAISHAN, name: '台山市' } });
    expect(await auditCount(data.createUser.id)).toBe(1);
    const signedIn = await server.ok<{ login: { user: { agency: { name: string } } } }>(LOGIN, { username, password: 'reporter-pass-1' });
    expect(signedIn.login.user.agency.name).toBe('台山市');
  });

  it('refuses what is not allowed, storing nothing', async () => {
    const reporterName = uniqueName('rep');
    await server.ok(
      CREATE_USER,
      { input: { username: reporterName, password: 'reporter-pass-1', role: 'REPORTER', agencyId: HRSS } },
      admin,
    );
    const reporter = await server.login(reporterName, 'reporter-pass-1');
    const officeName = uniqueName('office');
    await server.ok(CREATE_USER, { input: { username: officeName, password: 'office-pass-1', role: 'OFFICE' } }, admin);
    const office = await server.login(officeName, 'office-pass-1');
    const before = await userCount();

    const cases: [string, Record<string, unknown>, string | undefined, string][] = [
      ['no sign-in', { username: uniqueName('x'), password: 'password-1', role: 'LEADER' }, undefined, 'UNAUTHENTICATED'],
      ['reporter creating an admin', { username: uniqueName('x'), password: 'password-1', role: 'ADMIN' }, reporter, 'FORBIDDEN'],
      [
        'reporter creating a reporter',
        { username: uniqueName('x'), password: 'password-1', role: 'REPORTER', agencyId: HRSS },
        reporter,
        'FORBIDDEN',
      ],
      ['office creating an admin', { username: uniqueName('x'), password: 'password-1', role: 'ADMIN' }, office, 'FORBIDDEN'],
      ['reporter without agency', { username: uniqueName('x'), password: 'password-1', role: 'REPORTER' }, admin, 'BAD_USER_INPUT'],
      [
        'leader with an agency',
        { username: uniqueName('x'), password: 'password-1', role: 'LEADER', agencyId: HRSS },
        admin,
        'BAD_USER_INPUT',
      ],
      [
        'unknown agency',
        { username: uniqueName('x'), password: 'password-1', role: 'REPORTER', agencyId: '00000000-0000-4000-8000-000000000000' },
        admin,
        'NOT_FOUND',
      ],
      ['short password', { username: uniqueName('x'), password: 'short', role: 'LEADER' }, admin, 'BAD_USER_INPUT'],
      ['bad username', { username: 'a b;drop', password: 'password-1', role: 'LEADER' }, admin, 'BAD_USER_INPUT'],
      ['unknown field', { username: uniqueName('x'), password: 'password-1', role: 'LEADER', isRoot: true }, admin, 'BAD_USER_INPUT'],
      ['unknown role', { username: uniqueName('x'), password: 'password-1', role: 'ROOT' }, admin, 'BAD_USER_INPUT'],
      ['taken username', { username: reporterName.toUpperCase(), password: 'password-1', role: 'LEADER' }, admin, 'CONFLICT'],
    ];
    for (const [label, input, token, code] of cases) {
      const res = await server.gql(CREATE_USER, { input }, token);
      expect({ label, code: codeOf(res) }).toEqual({ label, code });
      expect(res.errors?.[0].message).toBeTruthy();
    }
    expect(await userCount()).toBe(before);
  });

  it('lets the office create a reporter, but not list users without the right role', async () => {
    const officeName = uniqueName('office');
    await server.ok(CREATE_USER, { input: { username: officeName, password: 'office-pass-1', role: 'OFFICE' } }, admin);
    const office = await server.login(officeName, 'office-pass-1');
    const made = await server.gql(
      CREATE_USER,
      { input: { username: uniqueName('rep'), password: 'password-1', role: 'REPORTER', agencyId: HRSS } },
      office,
    );
    expect(made.errors).toBeUndefined();
    const leaderName = uniqueName('leader');
    await server.ok(CREATE_USER, { input: { username: leaderName, password: 'leader-pass-1', role: 'LEADER' } }, admin);
    const leader = await server.login(leaderName, 'leader-pass-1');
    expect(codeOf(await server.gql(`{ users { id } }`, {}, leader))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(`{ users { id } }`))).toBe('UNAUTHENTICATED');
  });

  it('keeps no stack traces or SQL in error responses', async () => {
    const res = await server.gql(CREATE_USER, { input: { username: uniqueName('x'), password: 'password-1', role: 'REPORTER' } }, admin);
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|at .*\.ts:\d+|SELECT|INSERT/);
  });
});
