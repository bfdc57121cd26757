import { seedIds } from '../src/policy/notice-seed';
import { codeOf, GqlResponse, TestServer, uniqueName } from './support/test-server';

const CREATE_USER = `mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`;
const LOGIN = `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken user { id mustChangePassword } } }`;
const CHANGE = `mutation ChangePassword($currentPassword: String!, $newPassword: String!) { changePassword(currentPassword: $currentPassword, newPassword: $newPassword) }`;
const RESET = `mutation ($id: ID!) { resetPassword(id: $id) { temporaryPassword } }`;
const PASSWORD = 'change-pass-1';
const TAISHAN = seedIds.agency({ agencyName: '台山市', kind: 'COUNTY', regionCode: '440781' });
const PERIOD = seedIds.period('江就辦〔2024〕1號', '2024Q3');

let addressCounter = 0;
/** An address no other test uses (2001:db8::/32 is for documentation), so the sign-in backoff counts only this test's attempts. */
const uniqueAddress = () =>
  `2001:db8:${(process.pid % 0xffff).toString(16)}:${(Date.now() % 0xffff).toString(16)}::a${(addressCounter++).toString(16)}`;

describe('changing one’s password, and the temporary password gate', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    process.env.TRUST_PROXY = 'loopback'; // X-Forwarded-For names the client's address (see sessions.spec.ts)
    try {
      server = await TestServer.start();
    } finally {
      delete process.env.TRUST_PROXY;
    }
    admin = await server.adminToken();
  });
  afterAll(() => server.close());

  async function gqlFrom<T = Record<string, unknown>>(
    from: string,
    query: string,
    variables: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResponse<T>> {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResponse<T>;
  }
  async function newUser(role = 'LEADER', agencyId?: string): Promise<{ id: string; username: string; token: string }> {
    const username = uniqueName(`pw${role.toLowerCase()}`);
    const made = await server.ok<{ createUser: { id: string } }>(
      CREATE_USER,
      { i: { username, password: PASSWORD, role, agencyId } },
      admin,
    );
    return { id: made.createUser.id, username, token: await server.login(username, PASSWORD) };
  }
  const meOf = async (token: string) => {
    const res = await server.gql<{ me: { id: string } | null }>(`{ me { id } }`, {}, token);
    return res.errors ? codeOf(res) : res.data?.me?.id;
  };
  const hashOf = async (id: string) =>
    (await server.dataSource.query(`SELECT password_hash AS h FROM app_user WHERE id = $1`, [id]))[0].h as string;
  const actions = async (id: string) =>
    (await server.dataSource.query(`SELECT action FROM audit_record WHERE entity = 'user' AND entity_id = $1 ORDER BY id`, [id])).map(
      (r: { action: string }) => r.action,
    );

  it('changes the password with the current one, ends every session (this one too) and is audited; the new one signs in', async () => {
    const user = await newUser();
    const other = await server.login(user.username, PASSWORD);
    const from = uniqueAddress();
    expect((await gqlFrom(from, CHANGE, { currentPassword: PASSWORD, newPassword: 'Brand-new-pass-2' }, user.token)).data).toEqual({
      changePassword: true,
    });
    expect([await meOf(user.token), await meOf(other)]).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(codeOf(await server.gql(LOGIN, { u: user.username, p: PASSWORD }))).toBe('UNAUTHENTICATED');
    expect(await meOf(await server.login(user.username, 'Brand-new-pass-2'))).toBe(user.id);
    expect(await actions(user.id)).toEqual(['user.create', 'user.password_change']);
    const [record] = await server.dataSource.query(
      `SELECT user_id AS "userId", after FROM audit_record WHERE action = 'user.password_change' AND entity_id = $1`,
      [user.id],
    );
    expect(record).toEqual({ userId: user.id, after: { mustChangePassword: false, sessionsEnded: 2, address: from } });
    expect(JSON.stringify(record)).not.toContain('Brand-new');
  });

  it('refuses a wrong current password (BAD_USER_INPUT on currentPassword, audited) and a new one that breaks the rules; nothing changes', async () => {
    const user = await newUser();
    const hash = await hashOf(user.id);
    const wrong = await gqlFrom(uniqueAddress(), CHANGE, { currentPassword: 'not-mine-1', newPassword: 'Brand-new-pass-2' }, user.token);
    expect([codeOf(wrong), wrong.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'currentPassword']);
    for (const [newPassword, rule] of [
      ['short1!', 'MIN_LENGTH'],
      ['qwerty123', 'NOT_COMMON'],
      [`${user.username}-X1`, 'NOT_USERNAME'],
      ['onlylowercase', 'CLASSES'],
    ]) {
      const res = await gqlFrom(uniqueAddress(), CHANGE, { currentPassword: PASSWORD, newPassword }, user.token);
      expect([newPassword, codeOf(res), res.errors?.[0]?.extensions?.field]).toEqual([newPassword, 'BAD_USER_INPUT', 'newPassword']);
      expect(res.errors![0].extensions!.rules).toContain(rule);
    }
    const same = await gqlFrom(uniqueAddress(), CHANGE, { currentPassword: PASSWORD, newPassword: PASSWORD }, user.token);
    expect([codeOf(same), same.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'newPassword']);
    expect(await hashOf(user.id)).toBe(hash);
    expect(await meOf(user.token)).toBe(user.id);
    expect(await actions(user.id)).toEqual(['user.create', 'PASSWORD_CHANGE_FAILED']);
    expect(codeOf(await server.gql(CHANGE, { currentPassword: PASSWORD, newPassword: 'Brand-new-pass-2' }))).toBe('UNAUTHENTICATED');
  });

  it('counts wrong current passwords toward the sign-in backoff of that username', async () => {
    const user = await newUser();
    const from = uniqueAddress();
    // Twelve at once: five free failures, then a wait of a second or more between checks, so most are refused unchecked.
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        gqlFrom(from, CHANGE, { currentPassword: `wrong-${i}-x`, newPassword: 'Brand-new-pass-2' }, user.token),
      ),
    );
    expect(answers.every((r) => codeOf(r) === 'BAD_USER_INPUT' && r.errors![0].extensions!.field === 'currentPassword')).toBe(true);
    const throttled = answers.filter((r) => r.errors![0].extensions!.reason === 'TOO_MANY_ATTEMPTS');
    expect(throttled.length).toBeGreaterThanOrEqual(2);
    expect(throttled[0].errors![0].extensions!.retryAfterSeconds).toEqual(expect.any(Number));
    // The same count holds sign-in: the username is waiting out its backoff.
    const signIn = await gqlFrom(from, LOGIN, { u: user.username, p: PASSWORD });
    expect(signIn.errors?.[0]?.extensions?.reason).toBe('TOO_MANY_ATTEMPTS');
    expect(await meOf(user.token)).toBe(user.id); // the session itself goes on
  });

  it('with a temporary password: reading, changePassword and logout only; every other mutation and upload is FORBIDDEN (MUST_CHANGE_PASSWORD)', async () => {
    const reporter = await newUser('REPORTER', TAISHAN);
    const temporary = (await server.ok<{ resetPassword: { temporaryPassword: string } }>(RESET, { id: reporter.id }, admin)).resetPassword
      .temporaryPassword;
    const signedIn = await server.ok<{ login: { accessToken: string; user: { mustChangePassword: boolean } } }>(LOGIN, {
      u: reporter.username,
      p: temporary,
    });
    expect(signedIn.login.user.mustChangePassword).toBe(true);
    const token = signedIn.login.accessToken;

    expect(
      (await server.ok<{ me: { mustChangePassword: boolean } }>(`{ me { mustChangePassword } }`, {}, token)).me.mustChangePassword,
    ).toBe(true);
    const save = await server.gql(
      `mutation ($i: SaveProgressReportInput!) { saveProgressReport(input: $i) { id } }`,
      { i: { measureId: seedIds.measure('江就辦〔2024〕1號', 1), periodId: PERIOD, progress: 'x' } },
      token,
    );
    expect([codeOf(save), save.errors?.[0]?.extensions?.reason]).toEqual(['FORBIDDEN', 'MUST_CHANGE_PASSWORD']);
    const markRead = await server.gql(`mutation { markNoticesRead }`, {}, token);
    expect(markRead.errors?.[0]?.extensions?.reason).toBe('MUST_CHANGE_PASSWORD');

    const upload = await fetch(`${server.url}/reports/import.xlsx`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(upload.status).toBe(403);
    expect(await upload.json()).toMatchObject({ code: 'FORBIDDEN', reason: 'MUST_CHANGE_PASSWORD' });
    const download = await fetch(`${server.url}/reports/template.xlsx?periodId=${PERIOD}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(download.status).toBe(200);

    expect(await server.ok(CHANGE, { currentPassword: temporary, newPassword: 'My-own-pass-9' }, token)).toEqual({ changePassword: true });
    const again = await server.ok<{ login: { accessToken: string; user: { mustChangePassword: boolean } } }>(LOGIN, {
      u: reporter.username,
      p: 'My-own-pass-9',
    });
    expect(again.login.user.mustChangePassword).toBe(false);
    const saved = await server.gql(`mutation { logout }`, {}, again.login.accessToken);
    expect(saved.data).toEqual({ logout: true });
  });

  it('lets a user with a temporary password sign out', async () => {
    const user = await newUser();
    const temporary = (await server.ok<{ resetPassword: { temporaryPassword: string } }>(RESET, { id: user.id }, admin)).resetPassword
      .temporaryPassword;
    const token = await server.login(user.username, temporary);
    expect(
      codeOf(
        await server.gql(
          `mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`,
          { i: { username: uniqueName('x'), password: PASSWORD, role: 'LEADER' } },
          token,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect((await server.gql(`mutation { logout }`, {}, token)).data).toEqual({ logout: true });
    expect(await meOf(token)).toBe('UNAUTHENTICATED');
  });
});
