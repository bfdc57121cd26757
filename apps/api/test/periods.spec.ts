import { codeOf, TestServer, uniqueName } from './support/test-server';
import { seedIds } from '../src/policy/notice-seed';

const DOC = '江就辦〔2024〕1號';
// A period no other test asserts on, so that moving its due date cannot disturb them.
const PERIOD = seedIds.period(DOC, '2025Q3');
const UPDATE = `mutation ($id: ID!, $dueOn: String!) { updateReportingPeriod(id: $id, dueOn: $dueOn) { id label endsOn dueOn } }`;
const HRSS = seedIds.agency({ agencyName: '市人力資源社會保障局', kind: 'DEPARTMENT', regionCode: null });

describe('reporting periods: the office moves a due date', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await server.adminToken();
  });
  afterAll(() => server.close());

  const dueOn = async () => (await server.dataSource.query(`SELECT due_on FROM reporting_period WHERE id = $1`, [PERIOD]))[0].due_on;

  it('moves it, audited with before and after', async () => {
    const officeName = uniqueName('office');
    await server.ok(
      `mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      { i: { username: officeName, password: 'office-pass-1', role: 'OFFICE' } },
      admin,
    );
    const office = await server.login(officeName, 'office-pass-1');
    const before = await dueOn();
    const data = await server.ok<{ updateReportingPeriod: { label: string; dueOn: string } }>(
      UPDATE,
      { id: PERIOD, dueOn: '2025-10-20' },
      office,
    );
    expect(data.updateReportingPeriod).toMatchObject({ label: '2025Q3', dueOn: '2025-10-20' });
    const audit = await server.dataSource.query(
      `SELECT before, after, username FROM audit_record WHERE entity = 'reporting_period' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [PERIOD],
    );
    expect(audit[0]).toEqual({ before: { dueOn: before }, after: { dueOn: '2025-10-20' }, username: officeName });
  });

  it('refuses bad dates and the wrong people, storing nothing', async () => {
    const reporterName = uniqueName('rep');
    await server.ok(
      `mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      { i: { username: reporterName, password: 'reporter-pass-1', role: 'REPORTER', agencyId: HRSS } },
      admin,
    );
    const reporter = await server.login(reporterName, 'reporter-pass-1');
    const before = await dueOn();
    const cases: [string, Record<string, unknown>, string | undefined, string][] = [
      ['no sign-in', { id: PERIOD, dueOn: '2025-10-25' }, undefined, 'UNAUTHENTICATED'],
      ['reporter', { id: PERIOD, dueOn: '2025-10-25' }, reporter, 'FORBIDDEN'],
      ['before the period ends', { id: PERIOD, dueOn: '2025-09-01' }, admin, 'BAD_USER_INPUT'],
      ['not a date', { id: PERIOD, dueOn: '2025-02-30' }, admin, 'BAD_USER_INPUT'],
      ['not ISO', { id: PERIOD, dueOn: '20/10/2025' }, admin, 'BAD_USER_INPUT'],
      ['unknown period', { id: '00000000-0000-4000-8000-000000000000', dueOn: '2025-10-25' }, admin, 'NOT_FOUND'],
    ];
    for (const [label, variables, token, code] of cases) {
      expect({ label, code: codeOf(await server.gql(UPDATE, variables, token)) }).toEqual({ label, code });
    }
    expect(await dueOn()).toBe(before);
  });
});
