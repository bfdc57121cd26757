import { codeOf, TestServer } from './support/test-server';
import { countyId, departmentId, loadVariantNotice, PolicyIds, SAVE, signedInUser } from './support/fixtures';
import {
  createUnit,
  footprint,
  forgetCounties,
  makeResponsible,
  MERGE,
  retireNewUnits,
  SET_ACTIVE,
  unitIds,
  unitName,
} from './support/units-fixtures';

const HRSS = departmentId('市人力資源社會保障局');
const TAISHAN = countyId('440781');
const SET_QUOTA = `mutation ($t: ID!, $c: ID!, $v: Float!) { setQuota(targetId: $t, countyId: $c, value: $v) { quota } }`;
const COUNTY_LISTS = `query ($p: ID!, $t: ID!) {
  targetProgress(policyId: $p) { target { id } byCounty { county { id } quota achieved } }
  quotaTable(targetId: $t) { rows { county { id } quota } }
  policy(id: $p) { measures { targets { id quotas { county { id } quota } } } } }`;

type Lists = {
  targetProgress: { target: { id: string }; byCounty: { county: { id: string }; quota: number | null }[] }[];
  quotaTable: { rows: { county: { id: string }; quota: number | null }[] };
  policy: { measures: { targets: { id: string; quotas: { county: { id: string }; quota: number | null }[] }[] }[] };
};

describe('edges: merged and inactive units in county lists, and no new reports for an inactive unit', () => {
  let server: TestServer;
  let p: PolicyIds;
  let admin: string, office: string;
  let unitsBefore: Set<string>;
  const counties: string[] = [];
  // Six-digit codes of this run, out of the Jiangmen range.
  const code = (n: number) => `97${String((process.pid * 7 + n) % 10000).padStart(4, '0')}`;

  beforeAll(async () => {
    server = await TestServer.start();
    unitsBefore = await unitIds(server.dataSource);
    admin = await server.adminToken();
    office = await signedInUser(server, admin, 'OFFICE');
    p = await loadVariantNotice(server.dataSource, 1202);
  });
  afterAll(async () => {
    // Counties added here would show in later files' county lists (7 in the Jiangmen notice).
    await forgetCounties(server.dataSource, counties);
    await retireNewUnits(server.dataSource, unitsBefore);
    await server.close();
  });

  it('drops a merged county from targetProgress, the quota table and Target.quotas; an inactive one stays where it has history', async () => {
    const target = p.target(7, '見習崗位');
    const [merged, stays, retiredWithQuota, retiredEmpty] = [
      await createUnit(server, office, { name: unitName('并入县'), kind: 'COUNTY', regionCode: code(1) }),
      await createUnit(server, office, { name: unitName('保留县'), kind: 'COUNTY', regionCode: code(2) }),
      await createUnit(server, office, { name: unitName('停用有数县'), kind: 'COUNTY', regionCode: code(3) }),
      await createUnit(server, office, { name: unitName('停用无数县'), kind: 'COUNTY', regionCode: code(4) }),
    ];
    counties.push(merged, stays, retiredWithQuota, retiredEmpty);
    await server.ok(SET_QUOTA, { t: target, c: merged, v: 40 }, office);
    await server.ok(SET_QUOTA, { t: target, c: retiredWithQuota, v: 25 }, office);
    await server.ok(MERGE, { fromId: merged, intoId: stays }, office);
    for (const id of [retiredWithQuota, retiredEmpty]) await server.ok(SET_ACTIVE, { id, active: false }, office);

    const lists = await server.ok<Lists>(COUNTY_LISTS, { p: p.policyId, t: target }, office);
    const progress = lists.targetProgress.find((t) => t.target.id === target)!.byCounty;
    const quotas = lists.policy.measures.flatMap((m) => m.targets).find((t) => t.id === target)!.quotas;
    for (const [name, rows] of [
      ['targetProgress', progress],
      ['quotaTable', lists.quotaTable.rows],
      ['Target.quotas', quotas],
    ] as const) {
      const quotaOf = new Map(rows.map((r) => [r.county.id, r.quota]));
      expect({ name, merged: quotaOf.has(merged), empty: quotaOf.has(retiredEmpty) }).toEqual({ name, merged: false, empty: false });
      // The merged county's quota went with it; the inactive county's history is still there.
      expect({ name, stays: quotaOf.get(stays), retired: quotaOf.get(retiredWithQuota), taishan: quotaOf.has(TAISHAN) }).toEqual({
        name,
        stays: 40,
        retired: 25,
        taishan: true,
      });
    }
    // Another target, where the inactive county has nothing: no zero row for it there.
    const other = lists.targetProgress.find((t) => t.target.id !== target)!.byCounty.map((r) => r.county.id);
    expect(other).not.toContain(retiredWithQuota);
    expect(other).toContain(stays);

    // Nothing new can be given to the merged county: a quota or a figure is refused, storing nothing.
    const hrss = await signedInUser(server, admin, 'REPORTER', HRSS);
    const before = await footprint(server.dataSource);
    const quota = await server.gql(SET_QUOTA, { t: target, c: merged, v: 10 }, office);
    expect(codeOf(quota)).toBe('BAD_USER_INPUT');
    expect(quota.errors?.[0].message).toContain('已并入');
    const figure = await server.gql(
      SAVE,
      {
        input: {
          measureId: p.measure(7),
          periodId: p.period('2024Q3'),
          agencyId: HRSS,
          progress: '进展',
          values: [{ targetId: target, countyId: merged, value: 3 }],
        },
      },
      hrss,
    );
    expect(codeOf(figure)).toBe('BAD_USER_INPUT');
    expect(figure.errors?.[0].message).toContain('已并入');
    expect(await footprint(server.dataSource)).toBe(before);
  });

  it('refuses a new report for an inactive unit (该单位已停用); its existing report stays readable', async () => {
    const unit = await createUnit(server, office, { name: unitName('停用局') });
    await makeResponsible(server.dataSource, p.measure(4), unit);
    const reporter = await signedInUser(server, admin, 'REPORTER', unit);
    const draft = (
      await server.ok<{ saveProgressReport: { id: string } }>(
        SAVE,
        { input: { measureId: p.measure(4), periodId: p.period('2024Q3'), agencyId: unit, progress: '三季度进展' } },
        reporter,
      )
    ).saveProgressReport;
    await server.ok(SET_ACTIVE, { id: unit, active: false }, office);

    const before = await footprint(server.dataSource);
    const refused = await server.gql(
      SAVE,
      { input: { measureId: p.measure(4), periodId: p.period('2024Q4'), agencyId: unit, progress: '四季度进展' } },
      office,
    );
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0].message).toContain('该单位已停用');
    expect(await footprint(server.dataSource)).toBe(before);

    const read = await server.ok<{ progressReport: { id: string; progress: string } }>(
      `query ($id: ID!) { progressReport(id: $id) { id progress } }`,
      { id: draft.id },
      office,
    );
    expect(read.progressReport).toEqual({ id: draft.id, progress: '三季度进展' });
    const tasks = await server.ok<{ reportTasks: { report: { id: string } | null }[] }>(
      `query ($period: ID!, $agency: ID) { reportTasks(periodId: $period, agencyId: $agency) { report { id } } }`,
      { period: p.period('2024Q3'), agency: unit },
      office,
    );
    expect(tasks.reportTasks.map((t) => t.report?.id)).toEqual([draft.id]);

    // Active again: new reports are accepted as before.
    await server.ok(SET_ACTIVE, { id: unit, active: true }, office);
    await server.ok(
      SAVE,
      { input: { measureId: p.measure(4), periodId: p.period('2024Q4'), agencyId: unit, progress: '四季度进展' } },
      office,
    );
  });
});
