import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { TestServer } from './support/test-server';
import { countyId, departmentId, loadVariantNotice, PolicyIds, signedInUser } from './support/fixtures';
import { OPEN_REVIEW } from './support/supervision-fixtures';
import { SHEETS } from '../src/supervision/pack/review-pack.xlsx';
import { toSimplified } from '../src/common/chinese-script';

const HRSS = departmentId('市人力資源社會保障局');
const TAISHAN = countyId('440781');
const EXTEND = `mutation ($p: ID!, $a: ID!, $d: String!, $r: String!) { setPeriodExtension(periodId: $p, agencyId: $a, dueOn: $d, reason: $r) { dueOn } }`;
const TASKS = `query ($period: ID!, $agency: ID) { reportTasks(periodId: $period, agencyId: $agency) {
  measure { seq } state overdue dueOn extendedDueOn period { dueOn } } }`;

type Task = {
  measure: { seq: number };
  state: string;
  overdue: boolean;
  dueOn: string;
  extendedDueOn: string | null;
  period: { dueOn: string };
};

/** A date `days` from today in China. */
const chinaDate = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);
const cnDate = (iso: string) => iso.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日');

/** The text of every table of word/document.xml: tables → rows → cells. */
function tablesOf(xml: string): string[][][] {
  const text = (fragment: string) => [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return xml
    .split('<w:tbl>')
    .slice(1)
    .map((t) =>
      t
        .split('</w:tbl>')[0]
        .split('<w:tr>')
        .slice(1)
        .map((row) => row.split('<w:tc>').slice(1).map(text)),
    );
}

describe('edges: a unit’s extension (延期) on its task list and in the review pack', () => {
  let server: TestServer;
  let p: PolicyIds;
  let office: string, hrss: string, taishan: string;

  beforeAll(async () => {
    server = await TestServer.start();
    p = await loadVariantNotice(server.dataSource, 1201);
    const admin = await server.adminToken();
    [office, hrss, taishan] = await Promise.all([
      signedInUser(server, admin, 'OFFICE'),
      signedInUser(server, admin, 'REPORTER', HRSS),
      signedInUser(server, admin, 'REPORTER', TAISHAN),
    ]);
  });
  afterAll(async () => {
    // Chasing tests elsewhere look at recent due dates across the whole database: leave none behind.
    await server.dataSource.query(
      `DELETE FROM period_extension WHERE period_id IN (SELECT id FROM reporting_period WHERE policy_id = $1)`,
      [p.policyId],
    );
    await server.close();
  });

  it('reportTasks judges a unit by its own later date and says so (dueOn, extendedDueOn)', async () => {
    const q3 = p.period('2024Q3'); // due 2024-10-10, long past
    const tasks = async (token: string, agency?: string) =>
      (await server.ok<{ reportTasks: Task[] }>(TASKS, { period: q3, agency }, token)).reportTasks;

    let mine = await tasks(hrss);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((t) => t.overdue && t.dueOn === '2024-10-10' && t.extendedDueOn === null && t.period.dueOn === '2024-10-10')).toBe(
      true,
    );

    // An extension already passed: still overdue, by the unit's own date.
    await server.ok(EXTEND, { p: q3, a: HRSS, d: '2024-10-20', r: '机构改革' }, office);
    mine = await tasks(hrss);
    expect(
      mine.every((t) => t.overdue && t.dueOn === '2024-10-20' && t.extendedDueOn === '2024-10-20' && t.period.dueOn === '2024-10-10'),
    ).toBe(true);

    // An extension still ahead: not overdue; the office sees the same for the unit.
    const later = chinaDate(10);
    await server.ok(EXTEND, { p: q3, a: HRSS, d: later, r: '机构改革，人员调整' }, office);
    for (const list of [await tasks(hrss), await tasks(office, HRSS)]) {
      expect(list.map((t) => [t.overdue, t.dueOn, t.extendedDueOn])).toEqual(list.map(() => [false, later, later]));
    }
    // Another unit keeps the period's date.
    const county = await tasks(taishan);
    expect(county.every((t) => t.overdue && t.dueOn === '2024-10-10' && t.extendedDueOn === null)).toBe(true);
  });

  it('the pack names the extension where it writes the due date, and the unit’s missing lines say 尚未报送 until its own date', async () => {
    const q3 = p.period('2024Q3');
    const later = chinaDate(12);
    await server.ok(EXTEND, { p: q3, a: HRSS, d: later, r: '机构改革，人员调整' }, office);
    const [{ short_name }] = await server.dataSource.query(`SELECT short_name FROM agency WHERE id = $1`, [HRSS]);
    const hrssName = toSimplified(short_name);
    const reviewId = (await server.ok<{ openSupervisionReview: { id: string } }>(OPEN_REVIEW, { p: p.policyId, period: q3 }, office))
      .openSupervisionReview.id;
    const download = async (ext: string) => {
      const res = await fetch(`${server.url}/exports/supervision-reviews/${reviewId}.${ext}`, {
        headers: { authorization: `Bearer ${office}` },
      });
      expect(res.status).toBe(200);
      return res.arrayBuffer();
    };

    const xml = await (await JSZip.loadAsync(await download('docx'))).file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain(`本期报送截止日为2024年10月10日（${hrssName}经批准延期至${cnDate(later)}）。`);
    const reporting = tablesOf(xml).find((t) => t[0][0] === '单位' && t[0][1] === '应报')!;
    const hrssLine = reporting.find((r) => r[0] === hrssName)!;
    expect(hrssLine[5]).toContain(`延期至${cnDate(later)}`);
    expect(hrssLine[5]).toMatch(/全部\d+项均尚未报送/);
    const taishanLine = reporting.find((r) => r[0] === '台山市')!;
    expect(taishanLine[5]).toMatch(/全部\d+项均未报送/);
    expect(taishanLine[5]).not.toContain('延期');

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await download('xlsx'));
    const rows = (name: string) =>
      book
        .getWorksheet(name)!
        .getSheetValues()
        .slice(2)
        .map((r) => (r as unknown[]).slice(1));
    expect(rows(SHEETS.overview).find((r) => r[0] === '报送截止日')).toEqual(['报送截止日', `2024-10-10（${hrssName}延期至${later}）`]);
    expect(book.getWorksheet(SHEETS.reporting)!.getRow(1).getCell(8).value).toBe('延期至');
    expect(rows(SHEETS.reporting).find((r) => r[0] === hrssName)?.[7]).toBe(later);
    expect(rows(SHEETS.reporting).find((r) => r[0] === '台山市')?.[7]).toBe('');
  });
});
