import { removeSmallPolicies, smallPolicy } from './support/accounts-fixtures';
import { codeOf, GqlResponse, TestServer, uniqueName } from './support/test-server';

const CREATE_USER = `mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`;
const LOGIN = `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken user { id mustChangePassword lastSignInAt } } }`;
const USERS = `query ($search: String, $role: Role, $agencyId: ID, $active: Boolean) {
  users(search: $search, role: $role, agencyId: $agencyId, active: $active) { id username role active mustChangePassword lastSignInAt createdAt agency { id } } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id role agency { id } } }`;
const SET_ACTIVE = `mutation ($id: ID!, $active: Boolean!) { setUserActive(id: $id, active: $active) { id active } }`;
const RESET = `mutation ($id: ID!) { resetPassword(id: $id) { temporaryPassword user { id mustChangePassword } } }`;
const PASSWORD = 'account-pass-1';

interface Listed {
  id: string;
  username: string;
  role: string;
  active: boolean;
  mustChangePassword: boolean;
  lastSignInAt: string | null;
  createdAt: string;
  agency: { id: string } | null;
}

describe('accounts: list, role and unit, deactivation, password reset', () => {
  let server: TestServer;
  let admin: string;
  let adminId: string;
  let office: string;
  let officeId: string;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await server.adminToken();
    adminId = (await server.ok<{ me: { id: string } }>(`{ me { id } }`, {}, admin)).me.id;
    ({ id: officeId, token: office } = await newUser('OFFICE'));
  });
  afterAll(async () => {
    await removeSmallPolicies(server.dataSource);
    await server.close();
  });

  async function newUser(role: string, agencyId?: string): Promise<{ id: string; username: string; token: string }> {
    const username = uniqueName(`acc${role.toLowerCase()}`);
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
  const row = async (id: string) =>
    (
      await server.dataSource.query(
        `SELECT role, agency_id AS "agencyId", active, must_change_password AS "must", password_hash AS hash FROM app_user WHERE id = $1`,
        [id],
      )
    )[0];
  const audit = (id: string) =>
    server.dataSource.query(
      `SELECT action, username, before, after FROM audit_record WHERE entity = 'user' AND entity_id = $1 ORDER BY id`,
      [id],
    );
  const refusal = (res: GqlResponse<unknown>) => [codeOf(res), res.errors?.[0]?.extensions?.field];

  it('lists accounts with their state and last sign-in, filtered by search (username or unit), role, unit and active; office and admin only', async () => {
    const p = await smallPolicy(server.dataSource, 1);
    const reporter = await newUser('REPORTER', p.agencyIds[1]);
    const list = async (vars: Record<string, unknown>, token = office) => (await server.ok<{ users: Listed[] }>(USERS, vars, token)).users;

    const all = await list({});
    const mine = all.find((u) => u.id === reporter.id)!;
    expect(mine).toMatchObject({
      username: reporter.username,
      role: 'REPORTER',
      active: true,
      mustChangePassword: false,
      agency: { id: p.agencyIds[1] },
    });
    expect(new Date(mine.lastSignInAt!).getTime()).toBeGreaterThan(Date.now() - 10 * 60_000);
    expect(new Date(mine.createdAt).getTime()).toBeLessThanOrEqual(new Date(mine.lastSignInAt!).getTime());

    const unitName = (await server.dataSource.query(`SELECT name FROM agency WHERE id = $1`, [p.agencyIds[1]]))[0].name as string;
    expect((await list({ search: unitName })).map((u) => u.id)).toEqual([reporter.id]);
    expect((await list({ search: reporter.username.toUpperCase() })).map((u) => u.id)).toEqual([reporter.id]);
    expect((await list({ search: '%' })).length).toBe(0); // LIKE's wildcards are searched as characters
    expect((await list({ agencyId: p.agencyIds[1] })).map((u) => u.id)).toEqual([reporter.id]);
    expect((await list({ role: 'OFFICE' })).every((u) => u.role === 'OFFICE')).toBe(true);
    expect((await list({ role: 'REPORTER', agencyId: p.agencyIds[1], active: false })).length).toBe(0);

    await server.ok(SET_ACTIVE, { id: reporter.id, active: false }, office);
    expect((await list({ active: false })).map((u) => u.id)).toContain(reporter.id);
    expect((await list({ active: true })).map((u) => u.id)).not.toContain(reporter.id);
    // The contract's query, without arguments
    expect(
      (
        await server.ok<{ users: Listed[] }>(
          `query Users { users { id username role active mustChangePassword agency { id name } } }`,
          {},
          admin,
        )
      ).users.length,
    ).toBe(all.length);

    const leader = await newUser('LEADER');
    for (const token of [leader.token, reporter.token])
      expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(codeOf(await server.gql(USERS, {}, token)));
    expect(codeOf(await server.gql(USERS, {}, leader.token))).toBe('FORBIDDEN');
  });

  it('changes role and unit: a reporter needs a unit, others none; the change ends the user’s sessions and is audited', async () => {
    const p = await smallPolicy(server.dataSource, 1);
    const leader = await newUser('LEADER');

    expect(refusal(await server.gql(UPDATE, { id: leader.id, input: { role: 'REPORTER' } }, office))).toEqual([
      'BAD_USER_INPUT',
      'agencyId',
    ]);
    expect(refusal(await server.gql(UPDATE, { id: leader.id, input: { agencyId: p.agencyIds[0] } }, office))).toEqual([
      'BAD_USER_INPUT',
      'agencyId',
    ]);
    expect(
      refusal(
        await server.gql(UPDATE, { id: leader.id, input: { role: 'REPORTER', agencyId: '00000000-0000-4000-8000-000000000000' } }, office),
      ),
    ).toEqual(['NOT_FOUND', 'agencyId']);
    expect(await row(leader.id)).toMatchObject({ role: 'LEADER', agencyId: null });
    expect(await meOf(leader.token)).toBe(leader.id); // refusals end nothing

    const made = await server.ok<{ updateUser: unknown }>(
      UPDATE,
      { id: leader.id, input: { role: 'REPORTER', agencyId: p.agencyIds[0] } },
      office,
    );
    expect(made.updateUser).toEqual({ id: leader.id, role: 'REPORTER', agency: { id: p.agencyIds[0] } });
    expect(await meOf(leader.token)).toBe('UNAUTHENTICATED');
    const token = await server.login(leader.username, PASSWORD);

    // Another unit only; then back to LEADER, which drops the unit.
    expect(
      (await server.ok<{ updateUser: unknown }>(UPDATE, { id: leader.id, input: { agencyId: p.agencyIds[1] } }, office)).updateUser,
    ).toMatchObject({ agency: { id: p.agencyIds[1] } });
    expect(await meOf(token)).toBe('UNAUTHENTICATED');
    expect((await server.ok<{ updateUser: unknown }>(UPDATE, { id: leader.id, input: { role: 'LEADER' } }, office)).updateUser).toEqual({
      id: leader.id,
      role: 'LEADER',
      agency: null,
    });

    const records = await audit(leader.id);
    expect(records.map((r: { action: string }) => r.action)).toEqual(['user.create', 'user.update', 'user.update', 'user.update']);
    expect(records[1]).toMatchObject({
      before: { role: 'LEADER', agencyId: null },
      after: { role: 'REPORTER', agencyId: p.agencyIds[0], sessionsEnded: 1 },
    });
    expect(JSON.stringify(records)).not.toMatch(/password_hash|argon2/);
  });

  it('lets only an ADMIN touch or make an ADMIN, and nobody change their own role', async () => {
    const leader = await newUser('LEADER');
    const otherAdmin = await newUser('ADMIN');
    const before = await audit(leader.id);
    expect(codeOf(await server.gql(UPDATE, { id: leader.id, input: { role: 'ADMIN' } }, office))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(UPDATE, { id: otherAdmin.id, input: { role: 'LEADER' } }, office))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(UPDATE, { id: officeId, input: { role: 'LEADER' } }, office))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(UPDATE, { id: adminId, input: { role: 'OFFICE' } }, admin))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(UPDATE, { id: leader.id, input: { role: 'OFFICE' } }, leader.token))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: { role: 'OFFICE' } }, office))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await server.gql(UPDATE, { id: 'not-an-id', input: { role: 'OFFICE' } }, office))).toBe('NOT_FOUND');
    expect(await audit(leader.id)).toEqual(before);
    expect(await row(otherAdmin.id)).toMatchObject({ role: 'ADMIN' });

    expect((await server.ok<{ updateUser: unknown }>(UPDATE, { id: leader.id, input: { role: 'ADMIN' } }, admin)).updateUser).toMatchObject(
      { role: 'ADMIN' },
    );
    expect(
      (await server.ok<{ updateUser: unknown }>(UPDATE, { id: otherAdmin.id, input: { role: 'OFFICE' } }, admin)).updateUser,
    ).toMatchObject({ role: 'OFFICE' });
  });

  it('deactivates at once (sessions end, sign-in refused like a wrong password, audited with the reason) and reactivates', async () => {
    const leader = await newUser('LEADER');
    const second = await server.login(leader.username, PASSWORD);
    expect((await server.ok<{ setUserActive: unknown }>(SET_ACTIVE, { id: leader.id, active: false }, office)).setUserActive).toEqual({
      id: leader.id,
      active: false,
    });
    expect([await meOf(leader.token), await meOf(second)]).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);

    const refused = await server.gql(LOGIN, { u: leader.username, p: PASSWORD });
    const wrong = await server.gql(LOGIN, { u: leader.username, p: 'wrong-pass-1' });
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors![0].message).toBe(wrong.errors![0].message);
    const failures = await server.dataSource.query(
      `SELECT after->>'reason' AS reason FROM audit_record WHERE action = 'SIGN_IN_FAILED' AND entity_id = $1 ORDER BY id`,
      [leader.username],
    );
    expect(failures.map((f: { reason: string }) => f.reason)).toEqual(['DEACTIVATED', 'WRONG_PASSWORD']);

    expect((await server.ok<{ setUserActive: unknown }>(SET_ACTIVE, { id: leader.id, active: true }, office)).setUserActive).toEqual({
      id: leader.id,
      active: true,
    });
    expect(await meOf(await server.login(leader.username, PASSWORD))).toBe(leader.id);
    expect((await audit(leader.id)).map((r: { action: string }) => r.action)).toEqual([
      'user.create',
      'user.deactivate',
      'user.reactivate',
    ]);
    expect((await audit(leader.id))[1]).toMatchObject({ after: { active: false, sessionsEnded: 2 } });
  });

  it('refuses deactivating oneself, an office touching an ADMIN, and other roles; a refusal stores nothing', async () => {
    const otherAdmin = await newUser('ADMIN');
    const leader = await newUser('LEADER');
    expect(codeOf(await server.gql(SET_ACTIVE, { id: officeId, active: false }, office))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(SET_ACTIVE, { id: adminId, active: false }, admin))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(SET_ACTIVE, { id: otherAdmin.id, active: false }, office))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(SET_ACTIVE, { id: otherAdmin.id, active: false }, leader.token))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(SET_ACTIVE, { id: '00000000-0000-4000-8000-000000000000', active: false }, office))).toBe('NOT_FOUND');
    expect(await meOf(otherAdmin.token)).toBe(otherAdmin.id);
    expect((await audit(otherAdmin.id)).length).toBe(1);
    expect((await server.ok<{ setUserActive: unknown }>(SET_ACTIVE, { id: otherAdmin.id, active: false }, admin)).setUserActive).toEqual({
      id: otherAdmin.id,
      active: false,
    });
  });

  it('resets a password: a readable temporary one shown once, never stored or audited in clear; sessions end; it must be changed', async () => {
    const leader = await newUser('LEADER');
    // A backoff the owner ran into is forgotten by the reset.
    for (let i = 0; i < 6; i++) await server.gql(LOGIN, { u: leader.username, p: `wrong-${i}-Pass` });
    const reset = await server.ok<{ resetPassword: { temporaryPassword: string; user: { id: string; mustChangePassword: boolean } } }>(
      RESET,
      { id: leader.id },
      office,
    );
    const temporary = reset.resetPassword.temporaryPassword;
    expect(temporary).toMatch(/^[A-HJ-NP-Za-km-z2-9]{12}$/);
    expect(reset.resetPassword.user).toEqual({ id: leader.id, mustChangePassword: true });
    expect(await meOf(leader.token)).toBe('UNAUTHENTICATED');
    expect(codeOf(await server.gql(LOGIN, { u: leader.username, p: PASSWORD }))).toBe('UNAUTHENTICATED');

    const signedIn = await server.ok<{ login: { user: { mustChangePassword: boolean } } }>(LOGIN, { u: leader.username, p: temporary });
    expect(signedIn.login.user.mustChangePassword).toBe(true);
    const stored = await row(leader.id);
    expect(stored.must).toBe(true);
    expect(stored.hash).not.toContain(temporary);
    const everything = JSON.stringify(
      await server.dataSource.query(`SELECT * FROM audit_record WHERE request_id IS NOT NULL ORDER BY id DESC LIMIT 50`),
    );
    expect(everything).not.toContain(temporary);
    expect((await audit(leader.id)).map((r: { action: string }) => r.action)).toEqual(['user.create', 'user.password_reset']);
  });

  it('refuses resetting one’s own password, an office resetting an ADMIN’s, and other roles', async () => {
    const otherAdmin = await newUser('ADMIN');
    const leader = await newUser('LEADER');
    const hash = (await row(otherAdmin.id)).hash;
    expect(codeOf(await server.gql(RESET, { id: otherAdmin.id }, office))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(RESET, { id: officeId }, office))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(RESET, { id: otherAdmin.id }, leader.token))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(RESET, { id: 'x' }, office))).toBe('NOT_FOUND');
    expect((await row(otherAdmin.id)).hash).toBe(hash);
    expect(await meOf(otherAdmin.token)).toBe(otherAdmin.id);
    expect(
      (await server.ok<{ resetPassword: { temporaryPassword: string } }>(RESET, { id: otherAdmin.id }, admin)).resetPassword
        .temporaryPassword,
    ).toHaveLength(12);
  });

  it('applies the password rules to createUser, naming the rules broken; nothing is stored', async () => {
    const count = async () => Number((await server.dataSource.query(`SELECT count(*) AS n FROM app_user`))[0].n);
    const before = await count();
    const username = uniqueName('rules');
    for (const [password, rule] of [
      ['P@ssw0rd', 'NOT_COMMON'],
      ['12345678', 'CLASSES'],
      ['abcdefgh1', 'CLASSES'],
      [`X-${username}-1`, 'NOT_USERNAME'],
    ]) {
      const res = await server.gql(CREATE_USER, { i: { username, password, role: 'LEADER' } }, admin);
      expect({ password, code: codeOf(res), field: res.errors?.[0]?.extensions?.field }).toEqual({
        password,
        code: 'BAD_USER_INPUT',
        field: 'password',
      });
      expect(res.errors![0].extensions!.rules).toContain(rule);
      expect(res.errors![0].message).toMatch(/^密码不符合要求/);
    }
    expect(await count()).toBe(before);
    await server.ok(CREATE_USER, { i: { username, password: 'password-123', role: 'LEADER' } }, admin);
  });
});
