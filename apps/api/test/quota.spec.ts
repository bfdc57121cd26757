import { codeOf, TestServer, uniqueName } from './support/test-server';
import { seedIds } from '../src/policy/notice-seed';

const DOC = '江就辦〔2024〕1號';
const SET_QUOTA = `mutation SetQuota($targetId: ID!, $countyId: ID!, $value: Float!) {
  setQuota(targetId: $targetId, countyId: $countyId, value: $value) { county { id } quota } }`;
const INTERNSHIPS = seedIds.target(DOC, 7, '見習崗位', 2024);
const WELFARE = seedIds.target(DOC, 11, '公益性崗位', 2024);
const KAIPING = seedIds.agency({ agencyName: '開平市', kind: 'COUNTY', regionCode: '440783' });
const ENPING = seedIds.agency({ agencyName: '恩平市', kind: 'COUNTY', regionCode: '440785' });
const HRSS = seedIds.agency({ agencyName: '市人力資源社會保障局', kind: 'DEPARTMENT', regionCode: null });

describe('county quotas', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await server.adminToken();
  });
  afterAll(() => server.close());

  const quotaRow = async (targetId: string, countyId: string) =>
    (await server.dataSource.query(`SELECT quota FROM county_quota WHERE target_id = $1 AND county_id = $2`, [targetId, countyId]))[0]
      ?.quota;
  const audits = async (targetId: string, countyId: string) =>
    server.dataSource.query(
      `SELECT before, after, username, request_id FROM audit_record WHERE entity = 'county_quota' AND entity_id = $1 ORDER BY id`,
      [`${targetId}/${countyId}`],
    );

  it('lets the office split a target across counties; every change is audited with before and after', async () => {
    const officeName = uniqueName('office');
    await server.ok(
      `mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      { i: { username: officeName, password: 'office-pass-1', role: 'OFFICE' } },
      admin,
    );
    const office = await server.login(officeName, 'office-pass-1');
    const first = await server.ok<{ setQuota: { county: { id: string }; quota: number } }>(
      SET_QUOTA,
      { targetId: INTERNSHIPS, countyId: KAIPING, value: 420 },
      office,
    );
    expect(first.setQuota).toEqual({ county: { id: KAIPING }, quota: 420 });
    await server.ok(SET_QUOTA, { targetId: INTERNSHIPS, countyId: KAIPING, value: 450.5 }, office);
    expect(Number(await quotaRow(INTERNSHIPS, KAIPING))).toBe(450.5);
    const trail = await audits(INTERNSHIPS, KAIPING);
    expect(trail.at(-2).after).toEqual({ quota: 420 });
    expect(trail.at(-1)).toMatchObject({ before: { quota: 420 }, after: { quota: 450.5 } });
    expect(trail.at(-1).username).toBe(officeName);
    expect(trail.at(-1).request_id).toBeTruthy();

    const quotas = await server.ok<{
      policies: { measures: { seq: number; targets: { id: string; quotas: { county: { id: string }; quota: number | null }[] }[] }[] }[];
    }>(`{ policies { measures { seq targets { id quotas { county { id } quota } } } } }`);
    const target = quotas.policies.flatMap((p) => p.measures.flatMap((m) => m.targets)).find((t) => t.id === INTERNSHIPS)!;
    expect(target.quotas).toHaveLength(7);
    expect(target.quotas.find((q) => q.county.id === KAIPING)?.quota).toBe(450.5);
  });

  it('refuses bad quotas and stores nothing', async () => {
    const reporterName = uniqueName('rep');
    await server.ok(
      `mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      { i: { username: reporterName, password: 'reporter-pass-1', role: 'REPORTER', agencyId: HRSS } },
      admin,
    );
    const reporter = await server.login(reporterName, 'reporter-pass-1');
    const unknown = '00000000-0000-4000-8000-000000000000';
    const cases: [string, Record<string, unknown>, string | undefined, string][] = [
      ['no sign-in', { targetId: WELFARE, countyId: ENPING, value: 10 }, undefined, 'UNAUTHENTICATED'],
      ['reporter', { targetId: WELFARE, countyId: ENPING, value: 10 }, reporter, 'FORBIDDEN'],
      ['negative', { targetId: WELFARE, countyId: ENPING, value: -1 }, admin, 'BAD_USER_INPUT'],
      ['not a county', { targetId: WELFARE, countyId: HRSS, value: 10 }, admin, 'BAD_USER_INPUT'],
      ['unknown target', { targetId: unknown, countyId: ENPING, value: 10 }, admin, 'NOT_FOUND'],
      ['unknown county', { targetId: WELFARE, countyId: unknown, value: 10 }, admin, 'NOT_FOUND'],
      ['malformed id', { targetId: 'x', countyId: ENPING, value: 10 }, admin, 'NOT_FOUND'],
      ['not a number', { targetId: WELFARE, countyId: ENPING, value: 'ten' }, admin, 'BAD_USER_INPUT'],
      ['absurdly large', { targetId: WELFARE, countyId: ENPING, value: 1e15 }, admin, 'BAD_USER_INPUT'],
    ];
    for (const [label, variables, token, code] of cases) {
      expect({ label, code: codeOf(await server.gql(SET_QUOTA, variables, token)) }).toEqual({ label, code });
    }
    expect(await quotaRow(WELFARE, ENPING)).toBeUndefined();
    expect(await audits(WELFARE, ENPING)).toEqual([]);
  });
});
