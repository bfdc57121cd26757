import ExcelJS from 'exceljs';
import { codeOf, TestServer } from './support/test-server';
import { countyId, loadVariantNotice, PolicyIds, ReportRef, SAVE, signedInUser } from './support/fixtures';

const KAIPING = countyId('440783');

const TASKS = `query ($periodId: ID, $quarter: String, $agencyId: ID) { reportTasks(periodId: $periodId, quarter: $quarter, agencyId: $agencyId) {
  policy { id docNumber } measure { seq } period { id label } state } }`;
const QUARTERS = `query ($agencyId: ID) { myReportingQuarters(agencyId: $agencyId) {
  quarter dueOn overdue open taskCount counts { notStarted draft submitted returned accepted }
  policies { policy { id docNumber } period { id label dueOn } dueOn extendedDueOn taskCount counts { notStarted draft } } } }`;

type Task = { policy: { id: string; docNumber: string }; measure: { seq: number }; period: { id: string; label: string }; state: string };
type Quarter = {
  quarter: string;
  dueOn: string;
  overdue: boolean;
  open: boolean;
  taskCount: number;
  counts: Record<'notStarted' | 'draft' | 'submitted' | 'returned' | 'accepted', number>;
  policies: {
    policy: { id: string; docNumber: string };
    period: { id: string; label: string; dueOn: string };
    dueOn: string;
    extendedDueOn: string | null;
    taskCount: number;
    counts: { notStarted: number; draft: number };
  }[];
};

/**
 * A unit's work across policies: two published notices (the second issued earlier, so it comes first)
 * and a draft with periods of the same quarters that must never show. Other test files' policies
 * share the database, so each check looks at this file's policies only.
 */
describe('a unit’s tasks by quarter across published policies', () => {
  let server: TestServer;
  let later: PolicyIds, earlier: PolicyIds, draft: PolicyIds;
  let office: string, kaiping: string;
  const mine = (tasks: Task[]) => tasks.filter((t) => [later.policyId, earlier.policyId, draft.policyId].includes(t.policy.id));

  beforeAll(async () => {
    server = await TestServer.start();
    later = await loadVariantNotice(server.dataSource, 1411);
    earlier = await loadVariantNotice(server.dataSource, 1412);
    draft = await loadVariantNotice(server.dataSource, 1413);
    await server.dataSource.query(`UPDATE policy SET issued_on = issued_on - 10 WHERE id = $1`, [earlier.policyId]);
    await server.dataSource.query(`UPDATE policy SET status = 'DRAFT' WHERE id = $1`, [draft.policyId]);
    const admin = await server.adminToken();
    [office, kaiping] = await Promise.all([signedInUser(server, admin, 'OFFICE'), signedInUser(server, admin, 'REPORTER', KAIPING)]);
  });
  afterAll(() => server.close());

  it('lists every published policy’s measures of the quarter, grouped by policy (issue date first), never a draft’s', async () => {
    const tasks = mine((await server.ok<{ reportTasks: Task[] }>(TASKS, { quarter: '2024q3' }, kaiping)).reportTasks);
    expect(tasks).toHaveLength(30);
    expect(tasks.slice(0, 15).every((t) => t.policy.id === earlier.policyId && t.period.id === earlier.period('2024Q3'))).toBe(true);
    expect(tasks.slice(15).every((t) => t.policy.id === later.policyId && t.period.id === later.period('2024Q3'))).toBe(true);
    expect(tasks.slice(0, 15).map((t) => t.measure.seq)).toEqual([...Array(15).keys()].map((i) => i + 1));
    // The same through the office, naming the unit; by period the old way still answers one policy.
    expect(mine((await server.ok<{ reportTasks: Task[] }>(TASKS, { quarter: '2024Q3', agencyId: KAIPING }, office)).reportTasks)).toEqual(
      tasks,
    );
    const byPeriod = (await server.ok<{ reportTasks: Task[] }>(TASKS, { periodId: later.period('2024Q3') }, kaiping)).reportTasks;
    expect(byPeriod.map((t) => t.policy.id)).toEqual(Array(15).fill(later.policyId));
  });

  it('wants exactly one of period and quarter, a quarter that looks like one, and a unit', async () => {
    expect(codeOf(await server.gql(TASKS, {}, kaiping))).toBe('BAD_USER_INPUT');
    expect(codeOf(await server.gql(TASKS, { quarter: '2024Q3', periodId: later.period('2024Q3') }, kaiping))).toBe('BAD_USER_INPUT');
    expect(codeOf(await server.gql(TASKS, { quarter: '2024-3' }, kaiping))).toBe('BAD_USER_INPUT');
    expect(codeOf(await server.gql(TASKS, { quarter: '2024Q3' }, office))).toBe('BAD_USER_INPUT');
    expect(codeOf(await server.gql(TASKS, { quarter: '2024Q3', agencyId: countyId('440781') }, kaiping))).toBe('FORBIDDEN');
    expect((await server.ok<{ reportTasks: Task[] }>(TASKS, { quarter: '1999Q1' }, kaiping)).reportTasks).toEqual([]);
  });

  it('gives the unit its quarters with each quarter’s policies, the open ones by due date first', async () => {
    const input = { measureId: later.measure(7), periodId: later.period('2024Q4'), agencyId: KAIPING, progress: '草稿' };
    await server.ok<{ saveProgressReport: ReportRef }>(SAVE, { input }, kaiping);
    // The earlier policy's 2024Q4 is extended for the unit: its part says so, the quarter keeps the earliest date.
    await server.dataSource.query(
      `INSERT INTO period_extension (period_id, agency_id, due_on, reason) VALUES ($1, $2, '2099-01-01', '测试延期')`,
      [earlier.period('2024Q4'), KAIPING],
    );
    const quarters = (await server.ok<{ myReportingQuarters: Quarter[] }>(QUARTERS, {}, kaiping)).myReportingQuarters;
    const q4 = quarters.find((q) => q.quarter === '2024Q4')!;
    const parts = q4.policies.filter((part) => [later.policyId, earlier.policyId, draft.policyId].includes(part.policy.id));
    expect(parts.map((part) => part.policy.id)).toEqual([earlier.policyId, later.policyId]);
    expect(parts[1]).toMatchObject({
      period: { id: later.period('2024Q4'), label: '2024Q4' },
      taskCount: 15,
      counts: { notStarted: 14, draft: 1 },
      extendedDueOn: null,
    });
    expect(parts[0]).toMatchObject({ dueOn: '2099-01-01', extendedDueOn: '2099-01-01' });
    // Another file's policy may have an earlier 2024Q4 date: the quarter's is the earliest of all its parts.
    expect(q4.dueOn <= parts[1].period.dueOn).toBe(true);
    expect(q4.dueOn).toBe(q4.policies.map((part) => part.dueOn).sort()[0]);
    expect(q4.taskCount).toBe(q4.policies.reduce((n, part) => n + part.taskCount, 0));
    expect(q4).toMatchObject({ open: true, overdue: true });
    // Open first, by due date; then the finished, latest first. No quarter that has not begun.
    const open = quarters.filter((q) => q.open);
    expect(quarters.slice(0, open.length)).toEqual(open);
    expect(open.map((q) => q.dueOn)).toEqual(open.map((q) => q.dueOn).sort());
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(quarters.every((q) => q.policies.every((part) => part.period.label <= `${today.slice(0, 4)}Q4`))).toBe(true);
    expect(
      mine((await server.ok<{ reportTasks: Task[] }>(TASKS, { quarter: '2024Q4' }, kaiping)).reportTasks).find(
        (t) => t.measure.seq === 7 && t.policy.id === later.policyId,
      )!.state,
    ).toBe('DRAFT');

    expect((await server.ok<{ myReportingQuarters: Quarter[] }>(QUARTERS, { agencyId: KAIPING }, office)).myReportingQuarters).toEqual(
      quarters,
    );
    expect(codeOf(await server.gql(QUARTERS, {}, office))).toBe('BAD_USER_INPUT');
    expect(codeOf(await server.gql(QUARTERS, { agencyId: countyId('440781') }, kaiping))).toBe('FORBIDDEN');
  });

  describe('the Excel template for a quarter', () => {
    const download = async (query: string, token = kaiping) => {
      const res = await fetch(`${server.url}/reports/template.xlsx?${query}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await res.arrayBuffer());
      return book;
    };
    const upload = async (book: ExcelJS.Workbook, query = '') => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(await book.xlsx.writeBuffer())]), '填报表.xlsx');
      const res = await fetch(`${server.url}/reports/import.xlsx${query}`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${kaiping}` },
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const rows = (sheet: ExcelJS.Worksheet) => [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1));
    /**
     * The test database is shared by every test file: other files' published policies are in this unit's quarter too.
     * Only this file's policies are kept in an uploaded book, so that what another file left behind cannot decide
     * this test.
     */
    const keepOnly = (book: ExcelJS.Workbook, docNumbers: string[]) => {
      for (const sheet of [book.getWorksheet('工作进展')!, book.getWorksheet('指标数据')!]) {
        for (let n = sheet.rowCount; n > 1; n--) {
          if (!docNumbers.includes(String(sheet.getRow(n).getCell(1).value))) sheet.spliceRows(n, 1);
        }
      }
      return book;
    };

    it('covers every published policy of the quarter and reads both back', async () => {
      const book = await download('quarter=2026Q1');
      const texts = book.getWorksheet('工作进展')!;
      const figures = book.getWorksheet('指标数据')!;
      const docs = rows(texts)
        .slice(1)
        .map((r) => r.getCell(1).value);
      expect(docs.filter((d) => d === earlier.docNumber)).toHaveLength(15);
      expect(docs.filter((d) => d === later.docNumber)).toHaveLength(15);
      expect(docs).not.toContain(draft.docNumber);
      expect(docs.indexOf(earlier.docNumber)).toBeLessThan(docs.indexOf(later.docNumber));
      expect(book.getWorksheet('填报说明')!.getRow(3).getCell(1).value).toContain(earlier.docNumber);

      const text = rows(texts).find((r) => r.getCell(1).value === earlier.docNumber && r.getCell(2).value === 7)!;
      text.getCell(4).value = '较早文件的措施七';
      const figure = rows(figures).find((r) => r.getCell(1).value === later.docNumber && r.getCell(2).value === 7)!;
      figure.getCell(7).value = 42;
      const result = await upload(keepOnly(book, [earlier.docNumber, later.docNumber]), `?quarter=2026Q1&agencyId=${KAIPING}`);
      expect({ status: result.status, errors: result.body.errors }).toMatchObject({ status: 201 });
      const saved = (result.body.saved as { docNumber: string; measureSeq: number; status: string }[])
        .filter((s) => s.docNumber === earlier.docNumber || s.docNumber === later.docNumber)
        .map((s) => [s.docNumber, s.measureSeq, s.status]);
      expect(saved).toEqual([
        [earlier.docNumber, 7, 'DRAFT'],
        [later.docNumber, 7, 'DRAFT'],
      ]);
      const [row] = await server.dataSource.query(
        `SELECT r.progress, f.value FROM progress_report r JOIN report_figure f ON f.report_id = r.id WHERE r.measure_id = $1 AND r.period_id = $2 AND r.agency_id = $3`,
        [later.measure(7), later.period('2026Q1'), KAIPING],
      );
      expect(Number(row.value)).toBe(42);

      const again = await download('quarter=2026Q1');
      expect(
        rows(again.getWorksheet('工作进展')!)
          .find((r) => r.getCell(1).value === earlier.docNumber && r.getCell(2).value === 7)!
          .getCell(4).value,
      ).toBe('较早文件的措施七');
      // Read back without naming the quarter too (the file says which it is).
      const back = await upload(keepOnly(again, [earlier.docNumber, later.docNumber]));
      expect({ status: back.status, errors: back.body.errors }).toMatchObject({ status: 201 });
    });

    it('refuses a file of another quarter, and a row of a measure not in it', async () => {
      const book = await download('quarter=2026Q2');
      expect(await upload(book, '?quarter=2026Q3')).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
      const texts = book.getWorksheet('工作进展')!;
      const row = rows(texts).find((r) => r.getCell(1).value === later.docNumber && r.getCell(2).value === 3)!;
      row.getCell(1).value = draft.docNumber;
      row.getCell(4).value = '草稿文件不能填报';
      keepOnly(book, [earlier.docNumber, later.docNumber, draft.docNumber]);
      const drafted = rows(texts).find((r) => r.getCell(1).value === draft.docNumber)!;
      const result = await upload(book, '?quarter=2026Q2');
      expect(result.status).toBe(400);
      expect((result.body.errors as { cell: string }[]).map((e) => e.cell)).toEqual([`B${drafted.number}`]);
    });

    it('still gives one period’s template', async () => {
      const book = await download(`periodId=${later.period('2025Q1')}`);
      const docs = new Set(
        rows(book.getWorksheet('工作进展')!)
          .slice(1)
          .map((r) => r.getCell(1).value),
      );
      expect([...docs]).toEqual([later.docNumber]);
      expect((await upload(book, `?periodId=${later.period('2025Q1')}`)).status).toBe(201);
    });
  });
});

describe('a unit’s quarters and tasks cost the same statements whatever the number of policies', () => {
  let server: TestServer;
  let reporter: string;

  beforeAll(async () => {
    server = await TestServer.start({ countStatements: true });
    await loadVariantNotice(server.dataSource, 1414);
    const admin = await server.adminToken();
    reporter = await signedInUser(server, admin, 'REPORTER', countyId('440785'));
  });
  afterAll(() => server.close());

  const TASKS_FULL = `query ($q: String) { reportTasks(quarter: $q) { policy { id docNumber title issuedOn } measure { seq targets { name } }
    period { label } state report { id values { value } } previousReport { id } } }`;
  const measure = async () => ({
    tasks: await server.statements(TASKS_FULL, { q: '2024Q4' }, reporter),
    quarters: await server.statements(QUARTERS, {}, reporter),
  });

  it('reads as many statements with 3 policies as with 1', async () => {
    const one = await measure();
    await loadVariantNotice(server.dataSource, 1415);
    await loadVariantNotice(server.dataSource, 1416);
    const more = await server.ok<{ myReportingQuarters: Quarter[] }>(QUARTERS, {}, reporter);
    expect(more.myReportingQuarters.find((q) => q.quarter === '2024Q4')!.policies.length).toBeGreaterThanOrEqual(3);
    expect(await measure()).toEqual(one);
    expect(one.tasks).toBeLessThanOrEqual(12);
    expect(one.quarters).toBeLessThanOrEqual(4);
  });
});
