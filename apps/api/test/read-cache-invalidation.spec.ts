import ExcelJS from 'exceljs';
import { countyId, departmentId, loadVariantNotice, PolicyIds, REVIEW, ReportRef, SAVE, signedInUser, SUBMIT } from './support/fixtures';
import { Answer, cardOf, cellOf, figures, overviewRead, progressRead, Read, Replicas, rowOf } from './support/read-cache-fixtures';

/**
 * Issue 15 ("Cached"): targetProgress and policyOverview are never stale, on any replica, after any
 * write that changes them. Every test warms both replicas' caches (two reads on A, one on B), writes
 * through the public API on one of them (alternately A and B), and reads on both again.
 *
 * The write paths that change what targetProgress(policyId, periodId?) or policyOverview(...) answer,
 * from schema.gql's Mutation type and the HTTP routes (grep @Post/@Put in apps/api/src):
 * - reports (this file): saveProgressReport (a draft: nothing changes), submitProgressReport
 *   (pending), reviewProgressReport ACCEPT / RETURN, the amend path (a RETURNED report saved and
 *   submitted again: there is no reopen of an ACCEPTED report), acceptProgressReports (batch), and
 *   POST /reports/import.xlsx (the Excel import: drafts, then submitted);
 * - read-cache-invalidation-setup.spec.ts: setQuota, setQuotas, setTargetValue, setTargetTrajectory,
 *   updateReportingPeriod, setPeriodExtension, removePeriodExtension, createAgency (a county: a new
 *   row), renameAgency, mergeAgencies, setAgencyActive, importNotice, addDraftTarget,
 *   updateDraftTarget, removeDraftTarget, publishPolicy (periods added), deleteDraftPolicy, the
 *   yearly roll (TargetYearsService.roll: the scheduler every replica runs; targets and periods added),
 *   and a signed-out token refused on the other replica at once.
 * Judged not to change either answer (neither reads what they write):
 * - accounts and sessions: login, logout, changePassword, resetPassword, createUser, updateUser,
 *   setUserActive, createUnitAccounts, POST /accounts/import.xlsx (users; sessions are checked per
 *   request, see the sign-out test), markNoticesRead (notices);
 * - supervision: openSupervisionReview, rateMeasure, addSupervisionItem, respondSupervisionItem,
 *   closeSupervisionItem, finalizeSupervisionReview (their own tables; the overview's ratings are
 *   computed from figures, not from the office's ratings);
 * - chasing and webhooks: runChaseNow (sends reminders, writes no report), setAgencyWebhook,
 *   removeAgencyWebhook; aliases: addAgencyAlias, removeAgencyAlias (used by the next import only);
 * - drafts' texts and units: updateDraftPolicy (doc number, title: neither answer shows them),
 *   updateDraftMeasure (a draft has no periods, so no overview shows a measure's title; targetProgress
 *   shows no measure), setDraftResponsibility, removeDraftResponsibility, mapDraftAgency (units of a
 *   draft: an overview needs a period, which only publishing makes);
 * - attachments (deleteReportAttachment, POST /attachments) and POST /notice-files/extract-text
 *   (reads a file, writes nothing).
 * There is no mutation that archives, unpublishes or deletes a published policy (deleteDraftPolicy
 * refuses one), nor one that reopens an accepted report.
 */

const TAISHAN = countyId('440781');
const HRSS = departmentId('市人力資源社會保障局');
const ACCEPT_MANY = `mutation ($r: [ReportVersionInput!]!) { acceptProgressReports(reports: $r) { id result code } }`;

describe('the read caches after every report write, on both replicas', () => {
  let r: Replicas;
  let p: PolicyIds;
  let office: string, leader: string, hrss: string;
  let interns: string, jobs: string, posts: string;
  let reads: Read[];

  beforeAll(async () => {
    r = await Replicas.start();
    p = await loadVariantNotice(r.a.dataSource, 1801);
    const admin = await r.a.adminToken();
    [office, leader, hrss] = await Promise.all([
      signedInUser(r.a, admin, 'OFFICE'),
      signedInUser(r.a, admin, 'LEADER'),
      signedInUser(r.a, admin, 'REPORTER', HRSS),
    ]);
    interns = p.target(7, '見習崗位');
    jobs = p.target(10, '工作崗位');
    posts = p.target(11, '公益性崗位');
    // Without and with a period; the overview city-wide and for one county.
    reads = [
      progressRead(p.policyId, null, leader),
      progressRead(p.policyId, p.period('2024Q3'), leader),
      overviewRead(p.policyId, p.period('2024Q3'), null, leader),
      overviewRead(p.policyId, p.period('2024Q3'), TAISHAN, leader),
    ];
  });
  afterAll(() => r?.close());

  const input = (seq: number, period: string, values: [string, number][]) => ({
    measureId: p.measure(seq),
    periodId: p.period(period),
    agencyId: HRSS,
    progress: '进展',
    values: values.map(([targetId, value]) => ({ targetId, countyId: TAISHAN, value })),
  });
  /** The interns target's figures as each read shows them: city-wide, Taishan's cell, the two cards. */
  const interned = ([all, q3, city, county]: Answer[]) => ({
    all: figures(rowOf(all, interns)),
    allTaishan: cellOf(all, interns, TAISHAN),
    q3: figures(rowOf(q3, interns)),
    q3Taishan: cellOf(q3, interns, TAISHAN),
    city: pick(cardOf(city, interns)),
    county: pick(cardOf(county, interns)),
  });
  const pick = ({ achieved, pending, percent }: { achieved: number; pending: number; percent: number | null }) => ({
    achieved,
    pending,
    percent,
  });
  const cell = (achieved: number, pending: number) => expect.objectContaining({ achieved, pending, quota: null });

  let report: ReportRef;

  it('0 (A) a saved draft changes nothing', async () => {
    const { before, after } = await r.around(reads, async () => {
      report = (await r.writer(0).ok<{ saveProgressReport: ReportRef }>(SAVE, { input: input(7, '2024Q3', [[interns, 100]]) }, hrss))
        .saveProgressReport;
    });
    expect(report.status).toBe('DRAFT');
    expect(after).toEqual(before);
    expect(interned(after).allTaishan).toEqual(cell(0, 0));
  });

  it('1 (B) a submitted report shows as pending', async () => {
    const { after } = await r.around(reads, async () => {
      report = (await r.writer(1).ok<{ submitProgressReport: ReportRef }>(SUBMIT, { id: report.id, version: report.version }, hrss))
        .submitProgressReport;
    });
    const v = interned(after);
    expect(v.all).toEqual({ achieved: 0, pending: 100, percent: 0 });
    expect(v.q3).toEqual({ achieved: 0, pending: 100, percent: 0 });
    expect([v.allTaishan, v.q3Taishan]).toEqual([cell(0, 100), cell(0, 100)]);
    expect(v.city).toMatchObject({ achieved: 0, pending: 100 });
    expect(v.county).toMatchObject({ achieved: 0, pending: 100 });
  });

  it('2 (A) a report returned is pending no more', async () => {
    const { after } = await r.around(reads, async () => {
      report = (
        await r
          .writer(2)
          .ok<{ reviewProgressReport: ReportRef }>(
            REVIEW,
            { id: report.id, version: report.version, decision: 'RETURN', comment: '请补充' },
            office,
          )
      ).reviewProgressReport;
    });
    expect(report.status).toBe('RETURNED');
    const v = interned(after);
    expect([v.all, v.q3]).toEqual([
      { achieved: 0, pending: 0, percent: 0 },
      { achieved: 0, pending: 0, percent: 0 },
    ]);
    expect([v.allTaishan, v.q3Taishan]).toEqual([cell(0, 0), cell(0, 0)]);
    expect([v.city.pending, v.county.pending]).toEqual([0, 0]);
  });

  it('3 (B) the returned report amended and submitted again is pending with its new figure', async () => {
    const { after } = await r.around(reads, async () => {
      const saved = (
        await r
          .writer(3)
          .ok<{ saveProgressReport: ReportRef }>(
            SAVE,
            { input: { id: report.id, version: report.version, values: [{ targetId: interns, countyId: TAISHAN, value: 120 }] } },
            hrss,
          )
      ).saveProgressReport;
      report = (await r.writer(3).ok<{ submitProgressReport: ReportRef }>(SUBMIT, { id: saved.id, version: saved.version }, hrss))
        .submitProgressReport;
    });
    const v = interned(after);
    expect([v.all.pending, v.q3.pending, v.allTaishan?.pending, v.q3Taishan?.pending, v.city.pending, v.county.pending]).toEqual([
      120, 120, 120, 120, 120, 120,
    ]);
  });

  it('4 (A) an accepted report counts as achieved', async () => {
    const { after } = await r.around(reads, async () => {
      await r.writer(4).ok(REVIEW, { id: report.id, version: report.version, decision: 'ACCEPT' }, office);
    });
    const v = interned(after);
    const target = rowOf(after[0], interns).target.targetValue;
    expect(v.all).toEqual({ achieved: 120, pending: 0, percent: v.all.percent });
    expect(v.all.percent).toBeCloseTo((120 / target) * 100, 1);
    expect(v.q3).toEqual(v.all);
    expect([v.allTaishan, v.q3Taishan]).toEqual([cell(120, 0), cell(120, 0)]);
    expect(v.city).toMatchObject({ achieved: 120, pending: 0, percent: v.all.percent });
    expect(v.county).toMatchObject({ achieved: 120, pending: 0, percent: null }); // Taishan has no quota
  });

  it('5 (B) a batch accept counts each report, in its own period', async () => {
    const submitted: ReportRef[] = [];
    for (const [seq, period, target, value] of [
      [7, '2024Q4', interns, 30],
      [10, '2024Q3', jobs, 50],
    ] as const) {
      const saved = (await r.a.ok<{ saveProgressReport: ReportRef }>(SAVE, { input: input(seq, period, [[target, value]]) }, hrss))
        .saveProgressReport;
      submitted.push(
        (await r.a.ok<{ submitProgressReport: ReportRef }>(SUBMIT, { id: saved.id, version: saved.version }, hrss)).submitProgressReport,
      );
    }
    const { before, after } = await r.around(reads, async () => {
      const outcome = await r
        .writer(5)
        .ok<{ acceptProgressReports: { result: string }[] }>(
          ACCEPT_MANY,
          { r: submitted.map(({ id, version }) => ({ id, version })) },
          office,
        );
      expect(outcome.acceptProgressReports.map((o) => o.result)).toEqual(['ACCEPTED', 'ACCEPTED']);
    });
    // Before: both pending (Q4's only without a period).
    expect([rowOf(before[0], interns).pending, rowOf(before[0], jobs).pending, rowOf(before[1], interns).pending]).toEqual([30, 50, 0]);
    expect([rowOf(after[0], interns).achieved, rowOf(after[0], interns).pending]).toEqual([150, 0]);
    expect([rowOf(after[1], interns).achieved, rowOf(after[1], interns).pending]).toEqual([120, 0]); // Q4 is after Q3
    for (const answer of after.slice(0, 2)) expect(cellOf(answer, jobs, TAISHAN)).toEqual(cell(50, 0));
    expect([cardOf(after[2], jobs).achieved, cardOf(after[3], jobs).achieved, cardOf(after[2], jobs).pending]).toEqual([50, 50, 0]);
  });

  let imported: ReportRef;

  it('6 (A) the Excel import saves drafts: nothing changes', async () => {
    const template = await fetch(`${r.a.url}/reports/template.xlsx?periodId=${p.period('2024Q3')}`, {
      headers: { authorization: `Bearer ${hrss}` },
    });
    expect(template.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await template.arrayBuffer());
    const rows = (name: string) => {
      const sheet = book.getWorksheet(name)!;
      return [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1));
    };
    // Measure 11 (公益性崗位): HRSS's, not reported yet for Q3.
    const text = rows('工作进展').find((row) => row.getCell(2).value === 11)!;
    text.getCell(4).value = '台山市新开发公益性岗位 7 个';
    text.getCell(7).value = '进展顺利';
    rows('指标数据')
      .find((row) => row.getCell(2).value === 11 && row.getCell(6).value === '440781')!
      .getCell(7).value = 7;

    const { before, after } = await r.around(reads, async () => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(await book.xlsx.writeBuffer())]), '填报表.xlsx');
      const res = await fetch(`${r.writer(6).url}/reports/import.xlsx`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${hrss}` },
      });
      const body = (await res.json()) as { saved: ReportRef[] };
      expect(res.status).toBe(201);
      expect(body.saved).toEqual([expect.objectContaining({ measureSeq: 11, status: 'DRAFT' })]);
      imported = body.saved[0];
    });
    expect(after).toEqual(before);
  });

  it('7 (B) the imported report submitted shows as pending', async () => {
    const { after } = await r.around(reads, async () => {
      await r.writer(7).ok(SUBMIT, { id: imported.id, version: imported.version }, hrss);
    });
    expect([rowOf(after[0], posts).pending, rowOf(after[1], posts).pending]).toEqual([7, 7]);
    expect([cellOf(after[0], posts, TAISHAN), cellOf(after[1], posts, TAISHAN)]).toEqual([cell(0, 7), cell(0, 7)]);
    expect([cardOf(after[2], posts).pending, cardOf(after[3], posts).pending]).toEqual([7, 7]);
  });
});
