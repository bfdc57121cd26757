import { codeOf, TestServer } from './support/test-server';
import { countyId, COUNTY_CODES, departmentId, loadVariantNotice, PolicyIds, signedInUser } from './support/fixtures';
import { acceptReport } from './support/supervision-fixtures';

const SET_QUOTAS = `mutation ($t: ID!, $q: [QuotaInput!]!, $allow: Boolean) {
  setQuotas(targetId: $t, quotas: $q, allowShortfall: $allow) { sum shortfall target { id } byCounty { county { id } quota } } }`;
const TABLE = `query ($t: ID!) { quotaTable(targetId: $t) {
  target { id name year } previousTarget { id year } sum shortfall
  rows { county { id regionCode } quota previousQuota previousAchieved previousShare } } }`;
const OVERVIEW = `query ($p: ID!, $period: ID!, $c: ID) { policyOverview(policyId: $p, periodId: $period, countyId: $c) { targets { target { id } goal } } }`;
const PROGRESS = `query ($p: ID!) { targetProgress(policyId: $p) { target { id } byCounty { county { id } quota } } }`;

const COUNTIES = COUNTY_CODES.map(countyId);
const [PENGJIANG, , , TAISHAN, , , ENPING] = COUNTIES;
const HRSS = departmentId('市人力資源社會保障局');
/** 3000 見習崗位 split 500 per county but the last, which gets `last`. */
const split = (last: number) => COUNTIES.map((c, i) => ({ countyId: c, value: i === 6 ? last : 500 }));

describe('setQuotas: a target’s split across the counties, in one go', () => {
  let server: TestServer;
  let p: PolicyIds;
  let admin: string, office: string, reporter: string;

  const counts = async (targetId: string) =>
    (
      await server.dataSource.query(
        `SELECT (SELECT count(*) FROM county_quota WHERE target_id = $1)::int AS rows,
              (SELECT count(*) FROM audit_record WHERE entity = 'county_quota' AND (entity_id = $1::text OR entity_id LIKE $1::text || '/%'))::int AS audits`,
        [targetId],
      )
    )[0] as { rows: number; audits: number };

  beforeAll(async () => {
    server = await TestServer.start();
    p = await loadVariantNotice(server.dataSource, 1262);
    admin = await server.adminToken();
    [office, reporter] = await Promise.all([signedInUser(server, admin, 'OFFICE'), signedInUser(server, admin, 'REPORTER', HRSS)]);
  });
  afterAll(() => server.close());

  it('saves the whole set, audited as one change, and the dashboard shows the new quotas at once', async () => {
    const interns = p.target(7, '見習崗位');
    // The overview is cached: read it first, so a stale cache would show here.
    const before = await server.ok<{ policyOverview: { targets: { target: { id: string }; goal: number | null }[] } }>(
      OVERVIEW,
      { p: p.policyId, period: p.period('2024Q3'), c: TAISHAN },
      office,
    );
    expect(before.policyOverview.targets.find((t) => t.target.id === interns)!.goal).toBeNull();

    const saved = (
      await server.ok<{ setQuotas: { sum: number; shortfall: number; byCounty: { county: { id: string }; quota: number | null }[] } }>(
        SET_QUOTAS,
        { t: interns, q: COUNTIES.map((c, i) => ({ countyId: c, value: i === 0 ? 1000 : i === 6 ? 0 : 400 })) },
        office,
      )
    ).setQuotas;
    expect(saved).toMatchObject({ sum: 3000, shortfall: 0 });
    expect(saved.byCounty.map((c) => c.county.id)).toEqual(COUNTIES);
    expect(saved.byCounty.find((c) => c.county.id === PENGJIANG)!.quota).toBe(1000);

    const after = await server.ok<{ policyOverview: { targets: { target: { id: string }; goal: number | null }[] } }>(
      OVERVIEW,
      { p: p.policyId, period: p.period('2024Q3'), c: TAISHAN },
      office,
    );
    expect(after.policyOverview.targets.find((t) => t.target.id === interns)!.goal).toBe(400);
    const progress = await server.ok<{
      targetProgress: { target: { id: string }; byCounty: { county: { id: string }; quota: number | null }[] }[];
    }>(PROGRESS, { p: p.policyId }, office);
    expect(progress.targetProgress.find((t) => t.target.id === interns)!.byCounty.find((c) => c.county.id === PENGJIANG)!.quota).toBe(1000);

    // A second save replaces the set: a county left out has no quota afterwards; one audit record holds before and after.
    await server.ok(SET_QUOTAS, { t: interns, q: split(500).slice(1), allow: true }, office);
    const trail = await server.dataSource.query(
      `SELECT action, before, after FROM audit_record WHERE entity = 'county_quota' AND entity_id = $1 ORDER BY id`,
      [interns],
    );
    expect(trail).toHaveLength(2);
    expect(trail[1].action).toBe('quota.setAll');
    expect(trail[1].before).toMatchObject({ sum: 3000, targetValue: 3000 });
    expect(trail[1].before.quotas).toContainEqual({ countyId: PENGJIANG, county: '蓬江區', quota: 1000 });
    expect(trail[1].after).toMatchObject({ sum: 3000, shortfall: 0, allowShortfall: true });
    expect(trail[1].after.quotas).toHaveLength(6);
    expect(await counts(interns)).toEqual({ rows: 6, audits: 2 });
    const table = (
      await server.ok<{ quotaTable: { sum: number; shortfall: number; rows: { county: { id: string }; quota: number | null }[] } }>(
        TABLE,
        { t: interns },
        office,
      )
    ).quotaTable;
    expect(table).toMatchObject({ sum: 3000, shortfall: 0 });
    expect(table.rows.find((r) => r.county.id === PENGJIANG)!.quota).toBeNull();
  });

  it('refuses a set short of the city’s target unless confirmed, naming the shortfall, and stores nothing', async () => {
    const welfare = p.target(11, '公益性崗位'); // 400
    const short = [
      { countyId: TAISHAN, value: 150.5 },
      { countyId: ENPING, value: 100 },
    ];
    const refused = await server.gql(SET_QUOTAS, { t: welfare, q: short }, office);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', shortfall: 149.5, sum: 250.5 });
    expect(refused.errors?.[0]?.message).toContain('149.5');
    expect(await counts(welfare)).toEqual({ rows: 0, audits: 0 });
    expect(codeOf(await server.gql(SET_QUOTAS, { t: welfare, q: short, allow: false }, office))).toBe('BAD_USER_INPUT');
    expect(await counts(welfare)).toEqual({ rows: 0, audits: 0 });

    const confirmed = (
      await server.ok<{ setQuotas: { sum: number; shortfall: number } }>(SET_QUOTAS, { t: welfare, q: short, allow: true }, office)
    ).setQuotas;
    expect(confirmed).toEqual({ sum: 250.5, shortfall: 149.5, target: { id: welfare }, byCounty: expect.any(Array) });
    expect(await counts(welfare)).toEqual({ rows: 2, audits: 1 });
  });

  it('allows a sum above the target and reports it', async () => {
    const jobs = p.target(10, '工作崗位');
    const [{ v }] = await server.dataSource.query(`SELECT target_value::float AS v FROM target WHERE id = $1`, [jobs]);
    const over = (
      await server.ok<{ setQuotas: { sum: number; shortfall: number } }>(
        SET_QUOTAS,
        { t: jobs, q: COUNTIES.map((c) => ({ countyId: c, value: v / 5 })) },
        admin,
      )
    ).setQuotas;
    expect(over).toMatchObject({ sum: (v / 5) * 7, shortfall: 0 });
    expect(over.sum).toBeGreaterThan(v);
  });

  it('refuses ceilings, repeated or unknown counties, bad values and the wrong people, storing nothing', async () => {
    const atMost = (
      await server.dataSource.query(
        `SELECT t.id FROM target t JOIN measure m ON m.id = t.measure_id WHERE m.policy_id = $1 AND t.direction = 'AT_MOST' LIMIT 1`,
        [p.policyId],
      )
    )[0]?.id as string;
    expect(atMost).toBeTruthy();
    const interns7 = p.target(7, '見習崗位');
    const unknown = '00000000-0000-4000-8000-000000000000';
    const cases: [string, Record<string, unknown>, string | undefined, string][] = [
      ['no sign-in', { t: interns7, q: split(500) }, undefined, 'UNAUTHENTICATED'],
      ['reporter', { t: interns7, q: split(500) }, reporter, 'FORBIDDEN'],
      ['a ceiling (AT_MOST)', { t: atMost, q: [{ countyId: TAISHAN, value: 3 }], allow: true }, office, 'BAD_USER_INPUT'],
      ['a county twice', { t: interns7, q: [...split(500), { countyId: TAISHAN, value: 1 }] }, office, 'BAD_USER_INPUT'],
      ['not a county', { t: interns7, q: [...split(500).slice(1), { countyId: HRSS, value: 500 }], allow: true }, office, 'BAD_USER_INPUT'],
      ['unknown county', { t: interns7, q: [...split(500).slice(1), { countyId: unknown, value: 500 }], allow: true }, office, 'NOT_FOUND'],
      ['unknown target', { t: unknown, q: split(500) }, office, 'NOT_FOUND'],
      ['negative', { t: interns7, q: [...split(500).slice(1), { countyId: PENGJIANG, value: -1 }], allow: true }, office, 'BAD_USER_INPUT'],
      [
        'not a number',
        { t: interns7, q: [...split(500).slice(1), { countyId: PENGJIANG, value: 'many' }], allow: true },
        office,
        'BAD_USER_INPUT',
      ],
      ['absurdly large', { t: interns7, q: [...split(500).slice(1), { countyId: PENGJIANG, value: 1e15 }] }, office, 'BAD_USER_INPUT'],
    ];
    const before = await counts(interns7);
    const beforeAtMost = await counts(atMost);
    for (const [label, variables, token, code] of cases) {
      expect({ label, code: codeOf(await server.gql(SET_QUOTAS, variables, token)) }).toEqual({ label, code });
    }
    expect(await counts(interns7)).toEqual(before);
    expect(await counts(atMost)).toEqual(beforeAtMost);
  });

  it('offers last year’s split and last year’s achievement shares as a starting point', async () => {
    // Last year's notice: a copy whose 見習崗位 counts in 2023, with a quarter of 2023 reported.
    const last = await loadVariantNotice(server.dataSource, 1263);
    const lastInterns = last.target(7, '見習崗位');
    await server.dataSource.query(`UPDATE target SET year = 2023 WHERE id = $1`, [lastInterns]);
    const periodId = '6f2b1f4e-1263-4c3a-9a3e-000000002023';
    await server.dataSource.query(
      `INSERT INTO reporting_period (id, policy_id, label, starts_on, ends_on, due_on) VALUES ($1, $2, '2023Q4', '2023-10-01', '2023-12-31', '2024-01-10')`,
      [periodId, last.policyId],
    );
    await server.ok(
      SET_QUOTAS,
      {
        t: lastInterns,
        q: [
          { countyId: TAISHAN, value: 2000 },
          { countyId: ENPING, value: 1000 },
        ],
      },
      office,
    );
    await acceptReport(
      server,
      { ...last, period: () => periodId },
      { reporter, office },
      {
        agencyId: HRSS,
        seq: 7,
        period: '2023Q4',
        values: [
          [lastInterns, TAISHAN, 300],
          [lastInterns, ENPING, 100],
        ],
      },
    );

    const thisYear = await loadVariantNotice(server.dataSource, 1264);
    const table = (await server.ok<{ quotaTable: any }>(TABLE, { t: thisYear.target(7, '見習崗位') }, office)).quotaTable; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(table.target.year).toBe(2024);
    expect(table.previousTarget).toEqual({ id: lastInterns, year: 2023 });
    expect(table.rows).toHaveLength(7);
    const row = (c: string) => table.rows.find((r: { county: { id: string } }) => r.county.id === c);
    expect(row(TAISHAN)).toMatchObject({ quota: null, previousQuota: 2000, previousAchieved: 300, previousShare: 0.75 });
    expect(row(ENPING)).toMatchObject({ previousQuota: 1000, previousAchieved: 100, previousShare: 0.25 });
    expect(row(PENGJIANG)).toMatchObject({ previousQuota: null, previousAchieved: 0, previousShare: 0 });

    // Without a target of last year: nothing to start from.
    const none = (await server.ok<{ quotaTable: any }>(TABLE, { t: p.target(11, '公益性崗位') }, office)).quotaTable; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(none.previousTarget).toBeNull();
    expect(
      none.rows.every(
        (r: { previousQuota: number | null; previousShare: number | null; previousAchieved: number | null }) =>
          r.previousQuota === null && r.previousShare === null && r.previousAchieved === null,
      ),
    ).toBe(true);
    expect(codeOf(await server.gql(TABLE, { t: lastInterns }, reporter))).toBe('FORBIDDEN');
  });
});
