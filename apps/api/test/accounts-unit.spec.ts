import { unitUsername } from '../src/auth/unit-accounts.service';
import { removeSmallPolicies, smallPolicy } from './support/accounts-fixtures';
import { codeOf, TestServer, uniqueName } from './support/test-server';

const CREATE_UNIT_ACCOUNTS = `mutation ($policyId: ID!) { createUnitAccounts(policyId: $policyId) {
  temporaryPassword user { id username role active mustChangePassword agency { id } } } }`;
const LOGIN = `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken user { mustChangePassword } } }`;

interface UnitAccount {
  temporaryPassword: string;
  user: { id: string; username: string; role: string; active: boolean; mustChangePassword: boolean; agency: { id: string } };
}

describe('accounts for a policy’s responsible units at once', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await server.adminToken();
  });
  afterAll(async () => {
    await removeSmallPolicies(server.dataSource);
    await server.close();
  });

  const create = async (policyId: string, token = admin) =>
    (await server.ok<{ createUnitAccounts: UnitAccount[] }>(CREATE_UNIT_ACCOUNTS, { policyId }, token)).createUnitAccounts;
  const userCount = async () => Number((await server.dataSource.query(`SELECT count(*) AS n FROM app_user`))[0].n);

  it('gives each responsible unit without an active reporter one, with a temporary password to change; calling again creates nothing', async () => {
    const p = await smallPolicy(server.dataSource, 2);
    const made = await create(p.policyId);
    expect(made.map((a) => a.user.agency.id).sort()).toEqual([...p.agencyIds].sort());
    const county = made.find((a) => a.user.agency.id === p.agencyIds[0])!;
    expect(county.user).toMatchObject({ username: `r${p.countyCode}`, role: 'REPORTER', active: true, mustChangePassword: true });
    for (const a of made) {
      expect(a.user.username).toMatch(/^(r\d{6}|u[0-9a-f]{6})$/);
      expect(a.temporaryPassword).toMatch(/^[A-HJ-NP-Za-km-z2-9]{12}$/);
    }
    const department = made.find((a) => a.user.agency.id === p.agencyIds[1])!;
    expect(department.user.username).toBe(`u${p.agencyIds[1].replace(/-/g, '').slice(0, 6)}`);

    const signedIn = await server.ok<{ login: { user: { mustChangePassword: boolean } } }>(LOGIN, {
      u: county.user.username,
      p: county.temporaryPassword,
    });
    expect(signedIn.login.user.mustChangePassword).toBe(true);

    const audit = await server.dataSource.query(
      `SELECT entity_id AS id, after FROM audit_record WHERE action = 'user.create' AND after->>'via' = 'createUnitAccounts' AND after->>'policyId' = $1`,
      [p.policyId],
    );
    expect(audit.map((r: { id: string }) => r.id).sort()).toEqual(made.map((a) => a.user.id).sort());
    const text = JSON.stringify(audit);
    for (const a of made) expect(text).not.toContain(a.temporaryPassword);

    const before = await userCount();
    expect(await create(p.policyId)).toEqual([]);
    expect(await userCount()).toBe(before);
  });

  it('leaves units with an active reporter alone, and gives a unit whose reporter was deactivated a new account under a free name', async () => {
    const p = await smallPolicy(server.dataSource, 1);
    const own = uniqueName('own');
    await server.ok(
      `mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      { i: { username: own, password: 'own-pass-1', role: 'REPORTER', agencyId: p.agencyIds[1] } },
      admin,
    );
    const made = await create(p.policyId);
    expect(made.map((a) => a.user.agency.id)).toEqual([p.agencyIds[0]]);

    await server.ok(`mutation ($id: ID!) { setUserActive(id: $id, active: false) { id } }`, { id: made[0].user.id }, admin);
    const again = await create(p.policyId);
    expect(again.map((a) => [a.user.agency.id, a.user.username])).toEqual([[p.agencyIds[0], `r${p.countyCode}-2`]]);
  });

  it('is for the office and the admin; an unknown policy is NOT_FOUND; a refusal stores nothing', async () => {
    const p = await smallPolicy(server.dataSource, 1);
    const office = uniqueName('uaoffice');
    const leader = uniqueName('ualeader');
    for (const [username, role] of [
      [office, 'OFFICE'],
      [leader, 'LEADER'],
    ]) {
      await server.ok(
        `mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`,
        { i: { username, password: 'unit-pass-1', role } },
        admin,
      );
    }
    const before = await userCount();
    expect(codeOf(await server.gql(CREATE_UNIT_ACCOUNTS, { policyId: p.policyId }, await server.login(leader, 'unit-pass-1')))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await server.gql(CREATE_UNIT_ACCOUNTS, { policyId: p.policyId }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await server.gql(CREATE_UNIT_ACCOUNTS, { policyId: '00000000-0000-4000-8000-000000000000' }, admin))).toBe('NOT_FOUND');
    expect(codeOf(await server.gql(CREATE_UNIT_ACCOUNTS, { policyId: 'nope' }, admin))).toBe('NOT_FOUND');
    expect(await userCount()).toBe(before);
    expect(await create(p.policyId, await server.login(office, 'unit-pass-1'))).toHaveLength(2);
  });

  it('makes each unit one account even when asked twice at once', async () => {
    const p = await smallPolicy(server.dataSource, 3);
    const [a, b] = await Promise.all([create(p.policyId), create(p.policyId)]);
    expect(a.length + b.length).toBe(4);
    const rows = await server.dataSource.query(`SELECT agency_id FROM app_user WHERE agency_id = ANY($1::uuid[])`, [p.agencyIds]);
    expect(rows).toHaveLength(4);
  });

  it('names counties by their division code and departments by a short stable id', () => {
    expect(unitUsername({ id: 'abcdef12-0000-4000-8000-000000000000', kind: 'COUNTY', regionCode: '440781' })).toBe('r440781');
    expect(unitUsername({ id: 'abcdef12-0000-4000-8000-000000000000', kind: 'DEPARTMENT', regionCode: null })).toBe('uabcdef');
  });
});
