import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JIANGMEN_COUNTIES } from '@luoshi/domain';
import { parseNotice } from '@luoshi/notice-parser';
import { noticesDir } from '../src/common/project-paths';
import { loadNotice, seedIds } from '../src/policy/notice-seed';
import { countyId, loadVariantNotice, PolicyIds, REVIEW, SAVE, signedInUser, SUBMIT } from './support/fixtures';
import { TestServer } from './support/test-server';
import {
  AGENCIES,
  createUnit,
  footprint,
  forgetCounties,
  makeResponsible,
  MERGE,
  PREVIEW,
  SET_ACTIVE,
  unitName,
  retireNewUnits,
  unitIds,
} from './support/units-fixtures';

/** report_total against sums over the figures, for one policy (as report-reconciliation.spec.ts holds them). */
const TOTALS_DIFF = `
  WITH sums AS (
    SELECT f.target_id, f.county_id, r.period_id, r.status, sum(f.value) AS total, count(*) AS figures
      FROM report_figure f JOIN progress_report r ON r.id = f.report_id JOIN measure m ON m.id = r.measure_id
     WHERE m.policy_id = $1 AND r.status IN ('SUBMITTED', 'ACCEPTED') GROUP BY 1, 2, 3, 4),
  totals AS (
    SELECT t.* FROM report_total t JOIN target g ON g.id = t.target_id JOIN measure m ON m.id = g.measure_id WHERE m.policy_id = $1 AND t.figures <> 0)
  SELECT * FROM sums s FULL JOIN totals t USING (target_id, county_id, period_id, status)
   WHERE s.total IS DISTINCT FROM t.total OR s.figures IS DISTINCT FROM t.figures`;

describe('merging units (mergeAgencies)', () => {
  let server: TestServer;
  let admin: string;
  let office: string;
  let p: PolicyIds;
  const counties: string[] = [];
  let unitsBefore: Set<string>;

  beforeAll(async () => {
    server = await TestServer.start();
    unitsBefore = await unitIds(server.dataSource);
    admin = await server.adminToken();
    office = await signedInUser(server, admin, 'OFFICE');
    p = await loadVariantNotice(server.dataSource, 614);
  });
  afterAll(async () => {
    await forgetCounties(server.dataSource, counties);
    await retireNewUnits(server.dataSource, unitsBefore);
    await server.close();
  });

  const report = async (
    token: string,
    agencyId: string,
    seq: number,
    values: { targetId: string; countyId: string; value: number }[] = [],
    accept = false,
  ) => {
    const saved = (
      await server.ok<{ saveProgressReport: { id: string; version: number } }>(
        SAVE,
        { input: { measureId: p.measure(seq), periodId: p.period('2024Q3'), agencyId, progress: '进展', values } },
        token,
      )
    ).saveProgressReport;
    if (!accept) return saved.id;
    const sub = (await server.ok<{ submitProgressReport: { version: number } }>(SUBMIT, { id: saved.id, version: saved.version }, token))
      .submitProgressReport;
    await server.ok(REVIEW, { id: saved.id, version: sub.version, decision: 'ACCEPT' }, office);
    return saved.id;
  };

  it('moves responsibilities, reports, items, accounts and the robot to the unit that stays, audited, in one go', async () => {
    const from = await createUnit(server, office);
    const into = await createUnit(server, office);
    await makeResponsible(server.dataSource, p.measure(4), from, 'LEAD', 0);
    await makeResponsible(server.dataSource, p.measure(4), into, 'CO', 5);
    await makeResponsible(server.dataSource, p.measure(5), from);
    const reporter = await signedInUser(server, admin, 'REPORTER', from);
    const reportId = await report(reporter, from, 5, [], true);
    await server.dataSource.query(
      `INSERT INTO agency_webhook (agency_id, kind, url) VALUES ($1, 'WECOM', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-key')`,
      [from],
    );

    const preview = (await server.ok<{ agencyMergePreview: Record<string, unknown> }>(PREVIEW, { fromId: from, intoId: into }, office))
      .agencyMergePreview;
    expect(preview).toMatchObject({
      responsibilities: 2,
      sharedResponsibilities: 1,
      reports: 1,
      accounts: 1,
      webhook: true,
      figures: 0,
      conflicts: [],
    });

    expect((await server.ok<{ mergeAgencies: { id: string } }>(MERGE, { fromId: from, intoId: into }, office)).mergeAgencies.id).toBe(into);
    const resp = await server.dataSource.query(
      `SELECT measure_id, role, position FROM responsibility WHERE agency_id = ANY($1) ORDER BY position`,
      [[from, into]],
    );
    expect(resp).toEqual([
      { measure_id: p.measure(4), role: 'LEAD', position: 0 },
      { measure_id: p.measure(5), role: 'CO', position: 90 },
    ]);
    expect((await server.dataSource.query(`SELECT agency_id FROM progress_report WHERE id = $1`, [reportId]))[0].agency_id).toBe(into);
    expect(await server.dataSource.query(`SELECT count(*)::int AS n FROM app_user WHERE agency_id = $1`, [into])).toEqual([{ n: 1 }]);
    expect(await server.dataSource.query(`SELECT agency_id FROM agency_webhook WHERE agency_id = ANY($1)`, [[from, into]])).toEqual([
      { agency_id: into },
    ]);
    const all = (
      await server.ok<{ agencies: { id: string; active: boolean; mergedInto: { id: string } | null }[] }>(AGENCIES, { all: true })
    ).agencies;
    expect(all.find((a) => a.id === from)).toMatchObject({ active: false, mergedInto: { id: into } });
    expect((await server.ok<{ agencies: { id: string }[] }>(AGENCIES, {})).agencies.map((a) => a.id)).not.toContain(from);
    const [audit] = await server.dataSource.query(
      `SELECT before, after FROM audit_record WHERE action = 'agency.merge' AND entity_id = $1`,
      [from],
    );
    expect(audit.after.moved).toMatchObject({ reports: [reportId], responsibilities: 2, webhook: 'moved' });
    expect(JSON.stringify(audit)).not.toContain('secret-key');

    // A merged unit is not brought back, nor merged again, nor merged into.
    const other = await createUnit(server, office);
    for (const [query, vars] of [
      [SET_ACTIVE, { id: from, active: true }],
      [MERGE, { fromId: from, intoId: other }],
      [MERGE, { fromId: other, intoId: from }],
    ] as const) {
      const before = await footprint(server.dataSource);
      expect((await server.gql(query, vars, office)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(await footprint(server.dataSource)).toBe(before);
    }
  });

  it('is refused, storing nothing, where both units reported on the same measure and period; the preview lists it', async () => {
    const from = await createUnit(server, office);
    const into = await createUnit(server, office);
    for (const u of [from, into]) {
      await makeResponsible(server.dataSource, p.measure(6), u);
      await report(await signedInUser(server, admin, 'REPORTER', u), u, 6);
    }
    const conflict = { kind: 'REPORT', docNumber: p.docNumber, periodLabel: '2024Q3', measureSeq: 6 };
    expect(
      (await server.ok<{ agencyMergePreview: { conflicts: unknown[] } }>(PREVIEW, { fromId: from, intoId: into }, office))
        .agencyMergePreview.conflicts,
    ).toEqual([expect.objectContaining(conflict)]);
    const before = await footprint(server.dataSource);
    const error = (await server.gql(MERGE, { fromId: from, intoId: into }, office)).errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'CONFLICT', conflicts: [expect.objectContaining(conflict)] });
    expect(await footprint(server.dataSource)).toBe(before);
  });

  it('refuses a county into a department, a department into a county, a unit into itself, and other roles', async () => {
    const dept = await createUnit(server, office);
    const reporter = await signedInUser(server, admin, 'REPORTER', dept);
    const cases: [Record<string, string>, string, string | undefined][] = [
      [{ fromId: countyId('440781'), intoId: dept }, 'BAD_USER_INPUT', office],
      [{ fromId: dept, intoId: countyId('440781') }, 'BAD_USER_INPUT', office],
      [{ fromId: dept, intoId: dept }, 'BAD_USER_INPUT', office],
      [{ fromId: dept, intoId: '00000000-0000-0000-0000-000000000000' }, 'NOT_FOUND', office],
      [{ fromId: dept, intoId: countyId('440781') }, 'FORBIDDEN', reporter],
    ];
    for (const [vars, code, token] of cases) {
      const before = await footprint(server.dataSource);
      expect((await server.gql(MERGE, vars, token)).errors?.[0]?.extensions?.code).toBe(code);
      expect(await footprint(server.dataSource)).toBe(before);
    }
  });

  it('two counties: figures and quotas move, and report_total still equals the figures', async () => {
    const code = (n: number) => `98${String((process.pid * 3 + n) % 10000).padStart(4, '0')}`;
    const from = await createUnit(server, office, { name: unitName('甲县'), kind: 'COUNTY', regionCode: code(1) });
    const into = await createUnit(server, office, { name: unitName('乙县'), kind: 'COUNTY', regionCode: code(2) });
    counties.push(from, into);
    const target = p.target(7, '見習崗位');
    const hr = seedIds.agency({ agencyName: '市人力資源社會保障局', kind: 'DEPARTMENT', regionCode: null });
    const hrReporter = await signedInUser(server, admin, 'REPORTER', hr);
    await report(
      hrReporter,
      hr,
      7,
      [
        { targetId: target, countyId: from, value: 30 },
        { targetId: target, countyId: countyId('440781'), value: 5 },
      ],
      true,
    );
    for (const u of [from, into]) await makeResponsible(server.dataSource, p.measure(7), u);
    await report(await signedInUser(server, admin, 'REPORTER', from), from, 7, [{ targetId: target, countyId: from, value: 12 }], true);
    for (const [county, value] of [
      [from, 100],
      [into, 50],
    ] as const) {
      await server.ok(
        `mutation ($t: ID!, $c: ID!, $v: Float!) { setQuota(targetId: $t, countyId: $c, value: $v) { quota } }`,
        { t: target, c: county, v: value },
        office,
      );
    }
    expect(await server.dataSource.query(TOTALS_DIFF, [p.policyId])).toEqual([]);
    const preview = (await server.ok<{ agencyMergePreview: Record<string, unknown> }>(PREVIEW, { fromId: from, intoId: into }, office))
      .agencyMergePreview;
    expect(preview).toMatchObject({ figures: 2, quotas: 1, reports: 1, conflicts: [] });

    await server.ok(MERGE, { fromId: from, intoId: into }, office);
    expect(await server.dataSource.query(TOTALS_DIFF, [p.policyId])).toEqual([]);
    const [sum] = await server.dataSource.query(
      `SELECT sum(total)::float AS total FROM report_total WHERE target_id = $1 AND county_id = $2 AND status = 'ACCEPTED'`,
      [target, into],
    );
    expect(sum.total).toBe(42);
    expect(
      await server.dataSource.query(`SELECT quota::float FROM county_quota WHERE target_id = $1 AND county_id = ANY($2)`, [
        target,
        [from, into],
      ]),
    ).toEqual([{ quota: 150 }]);
  });

  it('a notice loaded later maps the merged unit’s name to the unit it went into', async () => {
    const fromName = unitName('并入测试局');
    const from = await createUnit(server, office, { name: fromName });
    const into = await createUnit(server, office);
    await server.ok(MERGE, { fromId: from, intoId: into }, office);
    const text = readFileSync(join(noticesDir(), 'jiangmen-2024-1.txt'), 'utf8')
      .replace('江就辦〔2024〕1 號', '江就辦〔2024〕615 號')
      .replaceAll('市稅務局', fromName);
    const notice = parseNotice(text, { counties: JIANGMEN_COUNTIES.map((c) => ({ name: c.name, regionCode: c.regionCode })) });
    expect(notice.sections.flatMap((s) => s.measures.flatMap((m) => m.responsibilities)).some((r) => r.agencyName === fromName)).toBe(true);
    await server.dataSource.transaction((m) => loadNotice(m, notice));
    const responsible: { agency_id: string }[] = await server.dataSource.query(
      `SELECT DISTINCT r.agency_id FROM responsibility r JOIN measure m ON m.id = r.measure_id WHERE m.policy_id = $1 AND r.agency_id = ANY($2)`,
      [seedIds.policy(notice.docNumber ?? ''), [from, into]],
    );
    expect(responsible).toEqual([{ agency_id: into }]);
    expect(
      await server.dataSource.query(`SELECT count(*)::int AS n FROM agency WHERE name_key = (SELECT name_key FROM agency WHERE id = $1)`, [
        from,
      ]),
    ).toEqual([{ n: 1 }]);
  });
});
