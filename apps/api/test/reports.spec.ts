import { codeOf, TestServer } from './support/test-server';
import {
  countyId,
  departmentId,
  loadVariantNotice,
  PolicyIds,
  REVIEW,
  ReportRef,
  SAVE,
  signedInUser,
  SUBMIT,
  VARIANT_M10,
  TARGET_PROGRESS,
} from './support/fixtures';

const TAISHAN = countyId('440781');
const KAIPING = countyId('440783');
const HRSS = departmentId('市人力資源社會保障局');
const WOMEN = departmentId('市婦聯');

describe('progress reports: the lifecycle and its rules', () => {
  let server: TestServer;
  let p: PolicyIds;
  let admin: string, office: string, leader: string, taishan: string, kaiping: string, hrss: string, women: string;

  beforeAll(async () => {
    server = await TestServer.start();
    p = await loadVariantNotice(server.dataSource, 301);
    admin = await server.adminToken();
    [office, leader, taishan, kaiping, hrss, women] = await Promise.all([
      signedInUser(server, admin, 'OFFICE'),
      signedInUser(server, admin, 'LEADER'),
      signedInUser(server, admin, 'REPORTER', TAISHAN),
      signedInUser(server, admin, 'REPORTER', KAIPING),
      signedInUser(server, admin, 'REPORTER', HRSS),
      signedInUser(server, admin, 'REPORTER', WOMEN),
    ]);
  });
  afterAll(() => server.close());

  const internships = () => p.target(7, '見習崗位');
  const save = async (input: Record<string, unknown>, token: string) =>
    (await server.ok<{ saveProgressReport: ReportRef }>(SAVE, { input }, token)).saveProgressReport;
  const counts = async () => {
    const [row] = await server.dataSource.query(
      `SELECT (SELECT count(*) FROM progress_report) AS reports, (SELECT count(*) FROM report_figure) AS figures,
              (SELECT count(*) FROM audit_record) AS audits, (SELECT coalesce(sum(total), 0) FROM report_total) AS totals`,
    );
    return row;
  };
  const progressOf = async (targetId: string, periodLabel: string) => {
    const data = await server.ok<{
      targetProgress: {
        target: { id: string };
        achieved: number;
        pending: number;
        byCounty: { county: { id: string }; achieved: number; pending: number }[];
      }[];
    }>(TARGET_PROGRESS, { policyId: p.policyId, periodId: p.period(periodLabel) });
    return data.targetProgress.find((t) => t.target.id === targetId)!;
  };

  it('goes DRAFT -> SUBMITTED -> RETURNED -> SUBMITTED -> ACCEPTED, one version a step, and the figure counts once accepted', async () => {
    const base = { measureId: p.measure(7), periodId: p.period('2024Q3'), agencyId: TAISHAN };
    const draft = await save(
      { ...base, progress: '开发见习岗位 120 个', values: [{ targetId: internships(), countyId: TAISHAN, value: 120 }] },
      taishan,
    );
    expect(draft).toMatchObject({ status: 'DRAFT', version: 1 });

    const edited = await save(
      { id: draft.id, version: 1, progress: '开发见习岗位 150 个', values: [{ targetId: internships(), countyId: TAISHAN, value: 150 }] },
      taishan,
    );
    expect(edited).toMatchObject({ status: 'DRAFT', version: 2 });

    const submitted = (await server.ok<{ submitProgressReport: ReportRef }>(SUBMIT, { id: draft.id, version: 2 }, taishan))
      .submitProgressReport;
    expect(submitted).toMatchObject({ status: 'SUBMITTED', version: 3 });
    expect((await progressOf(internships(), '2024Q3')).byCounty.find((c) => c.county.id === TAISHAN)).toMatchObject({
      achieved: 0,
      pending: 150,
    });

    expect(codeOf(await server.gql(REVIEW, { id: draft.id, version: 3, decision: 'RETURN' }, office))).toBe('BAD_USER_INPUT');
    const returned = (
      await server.ok<{ reviewProgressReport: ReportRef }>(
        REVIEW,
        { id: draft.id, version: 3, decision: 'RETURN', comment: '请补充岗位来源' },
        office,
      )
    ).reviewProgressReport;
    expect(returned).toMatchObject({ status: 'RETURNED', version: 4 });
    const seen = await server.ok<{ progressReport: { reviewComment: string; status: string } }>(
      `query ($id: ID!) { progressReport(id: $id) { status reviewComment } }`,
      { id: draft.id },
      taishan,
    );
    expect(seen.progressReport).toEqual({ status: 'RETURNED', reviewComment: '请补充岗位来源' });
    expect((await progressOf(internships(), '2024Q3')).byCounty.find((c) => c.county.id === TAISHAN)).toMatchObject({
      achieved: 0,
      pending: 0,
    });

    const fixed = await save({ id: draft.id, version: 4, progress: '开发见习岗位 150 个,来源:重点企业 90 个,机关事业单位 60 个' }, taishan);
    const resubmitted = (await server.ok<{ submitProgressReport: ReportRef }>(SUBMIT, { id: draft.id, version: fixed.version }, taishan))
      .submitProgressReport;
    expect(resubmitted).toMatchObject({ status: 'SUBMITTED', version: 6 });
    const accepted = (
      await server.ok<{ reviewProgressReport: ReportRef }>(REVIEW, { id: draft.id, version: 6, decision: 'ACCEPT' }, office)
    ).reviewProgressReport;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', version: 7 });

    const progress = await progressOf(internships(), '2024Q3');
    expect(progress.byCounty.find((c) => c.county.id === TAISHAN)).toMatchObject({ achieved: 150, pending: 0 });
    expect(codeOf(await server.gql(SAVE, { input: { id: draft.id, version: 7, progress: 'x' } }, taishan))).toBe('CONFLICT');

    const history = await server.ok<{
      progressReport: { history: { action: string; username: string; changedFields: string[]; comment: string | null }[] };
    }>(`query ($id: ID!) { progressReport(id: $id) { history { action username changedFields comment } } }`, { id: draft.id }, office);
    expect(history.progressReport.history.map((h) => h.action)).toEqual([
      'report.create',
      'report.update',
      'report.submit',
      'report.return',
      'report.update',
      'report.submit',
      'report.accept',
    ]);
    expect(history.progressReport.history[1].changedFields).toEqual(['progress', 'values']);
    expect(history.progressReport.history[3].comment).toBe('请补充岗位来源');
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const r = await save({ measureId: p.measure(7), periodId: p.period('2024Q4'), agencyId: TAISHAN, progress: 'A' }, taishan);
    await save({ id: r.id, version: 1, progress: 'B' }, taishan);
    const before = await counts();
    const stale = await server.gql(SAVE, { input: { id: r.id, version: 1, progress: 'C' } }, taishan);
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions?.currentVersion).toBe(2);
    expect(codeOf(await server.gql(SUBMIT, { id: r.id, version: 1 }, taishan))).toBe('CONFLICT');
    expect(await counts()).toEqual(before);
    const row = await server.dataSource.query(`SELECT progress, version FROM progress_report WHERE id = $1`, [r.id]);
    expect(row[0]).toEqual({ progress: 'B', version: 2 });
  });

  it('refuses what a unit may not do, with FORBIDDEN or BAD_USER_INPUT, storing nothing', async () => {
    const own = { measureId: p.measure(7), periodId: p.period('2025Q1'), agencyId: TAISHAN };
    const figure = (countyId: string, value: number, targetId = internships()) => [{ targetId, countyId, value }];
    const unknown = '00000000-0000-4000-8000-000000000000';
    const before = await counts();
    const cases: [string, Record<string, unknown>, string | undefined, string][] = [
      ['no sign-in', own, undefined, 'UNAUTHENTICATED'],
      ['leader writing', own, leader, 'FORBIDDEN'],
      ['another unit’s report', own, kaiping, 'FORBIDDEN'],
      ['a measure the unit is not responsible for', { ...own, measureId: p.measure(7), agencyId: WOMEN }, women, 'FORBIDDEN'],
      ['a county giving another county’s figure', { ...own, values: figure(KAIPING, 5) }, taishan, 'FORBIDDEN'],
      ['a negative figure', { ...own, values: figure(TAISHAN, -1) }, taishan, 'BAD_USER_INPUT'],
      [
        'an infinite figure',
        { ...own, values: [{ targetId: internships(), countyId: TAISHAN, value: 'Infinity' }] },
        taishan,
        'BAD_USER_INPUT',
      ],
      ['a target of another measure', { ...own, values: figure(TAISHAN, 5, p.target(10, VARIANT_M10)) }, taishan, 'BAD_USER_INPUT'],
      ['a figure for a department', { ...own, agencyId: HRSS, values: figure(HRSS, 5) }, hrss, 'BAD_USER_INPUT'],
      ['the same figure twice', { ...own, values: [...figure(TAISHAN, 1), ...figure(TAISHAN, 2)] }, taishan, 'BAD_USER_INPUT'],
      ['no measure', { periodId: own.periodId, agencyId: TAISHAN }, taishan, 'BAD_USER_INPUT'],
      ['an unknown period', { ...own, periodId: unknown }, taishan, 'NOT_FOUND'],
      ['an unknown measure', { ...own, measureId: unknown }, taishan, 'NOT_FOUND'],
      ['an unknown field', { ...own, secret: 1 }, taishan, 'BAD_USER_INPUT'],
      ['an update without version', { id: unknown, progress: 'x' }, taishan, 'BAD_USER_INPUT'],
      ['an unknown report', { id: unknown, version: 1, progress: 'x' }, taishan, 'NOT_FOUND'],
    ];
    for (const [label, input, token, code] of cases) {
      expect({ label, code: codeOf(await server.gql(SAVE, { input }, token)) }).toEqual({ label, code });
    }
    expect(await counts()).toEqual(before);
  });

  it('lets a department report figures for any county, and only the office review', async () => {
    const r = await save(
      {
        measureId: p.measure(7),
        periodId: p.period('2025Q1'),
        agencyId: HRSS,
        progress: '全市统筹',
        values: [{ targetId: internships(), countyId: KAIPING, value: 30 }],
      },
      hrss,
    );
    const submitted = (await server.ok<{ submitProgressReport: ReportRef }>(SUBMIT, { id: r.id, version: r.version }, hrss))
      .submitProgressReport;
    for (const token of [hrss, leader]) {
      expect(codeOf(await server.gql(REVIEW, { id: r.id, version: submitted.version, decision: 'ACCEPT' }, token))).toBe('FORBIDDEN');
    }
    expect(codeOf(await server.gql(`query ($id: ID!) { progressReport(id: $id) { id } }`, { id: r.id }, taishan))).toBe('FORBIDDEN');
    expect(
      (await server.ok<{ progressReport: { id: string } }>(`query ($id: ID!) { progressReport(id: $id) { id } }`, { id: r.id }, leader))
        .progressReport.id,
    ).toBe(r.id);
    expect(codeOf(await server.gql(SAVE, { input: { measureId: p.measure(7), periodId: p.period('2025Q1'), agencyId: HRSS } }, hrss))).toBe(
      'CONFLICT',
    );
    expect(codeOf(await server.gql(SUBMIT, { id: r.id, version: submitted.version }, hrss))).toBe('CONFLICT');
  });

  it('says which field and which figure is wrong', async () => {
    const res = await server.gql(
      SAVE,
      {
        input: {
          measureId: p.measure(7),
          periodId: p.period('2025Q3'),
          agencyId: TAISHAN,
          values: [
            { targetId: internships(), countyId: TAISHAN, value: 1 },
            { targetId: internships(), countyId: TAISHAN, value: -5 },
          ],
        },
      },
      taishan,
    );
    expect(res.errors?.[0]).toMatchObject({ message: '数据不能为负数', extensions: { code: 'BAD_USER_INPUT', field: 'values', index: 1 } });
  });

  it('needs words before a report is submitted', async () => {
    const r = await save({ measureId: p.measure(7), periodId: p.period('2025Q2'), agencyId: TAISHAN }, taishan);
    expect(codeOf(await server.gql(SUBMIT, { id: r.id, version: r.version }, taishan))).toBe('BAD_USER_INPUT');
  });
});
