import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { TestServer } from './support/test-server';
import { countyId, loadVariantNotice, PolicyIds, signedInUser } from './support/fixtures';
import { acceptReport, ADD_ITEM, backdateItems, FINALIZE, OPEN_REVIEW, RATE } from './support/supervision-fixtures';
import { SHEETS } from '../src/supervision/pack/review-pack.xlsx';

const TAISHAN = countyId('440781');
const ENPING = countyId('440785');
const SET_QUOTA = `mutation ($t: ID!, $c: ID!, $v: Float!) { setQuota(targetId: $t, countyId: $c, value: $v) { quota } }`;
const REASON = '恩平市公益性岗位开发进度明显滞后，办公室调整为黄色';
const REQUEST = '请恩平市于11月底前报送公益性岗位开发计划';

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

describe('the review pack (督查通报) as .docx and .xlsx', () => {
  let server: TestServer;
  let p: PolicyIds;
  let office: string, leader: string, enping: string;
  let reviewId: string;

  const download = (path: string, token?: string) =>
    fetch(`${server.url}/exports/supervision-reviews/${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    server = await TestServer.start();
    p = await loadVariantNotice(server.dataSource, 320);
    const admin = await server.adminToken();
    let taishan: string;
    [office, leader, enping, taishan] = await Promise.all([
      signedInUser(server, admin, 'OFFICE'),
      signedInUser(server, admin, 'LEADER'),
      signedInUser(server, admin, 'REPORTER', ENPING),
      signedInUser(server, admin, 'REPORTER', TAISHAN),
    ]);
    const welfare = p.target(11, '公益性崗位');
    // Quotas for two counties only: they are ranked by completion against quota, the rest by share.
    await server.ok(SET_QUOTA, { t: welfare, c: ENPING, v: 350 }, office);
    await server.ok(SET_QUOTA, { t: welfare, c: TAISHAN, v: 50 }, office);
    await acceptReport(
      server,
      p,
      { reporter: enping, office },
      { agencyId: ENPING, seq: 11, period: '2024Q3', values: [[welfare, ENPING, 280]] },
    );
    await acceptReport(
      server,
      p,
      { reporter: taishan, office },
      { agencyId: TAISHAN, seq: 11, period: '2024Q3', values: [[welfare, TAISHAN, 60]] },
    );
    reviewId = (
      await server.ok<{ openSupervisionReview: { id: string } }>(OPEN_REVIEW, { p: p.policyId, period: p.period('2024Q3') }, office)
    ).openSupervisionReview.id;
    await server.ok(RATE, { r: reviewId, m: p.measure(11), rating: 'YELLOW', reason: REASON }, office);
    await server.ok(
      ADD_ITEM,
      { input: { reviewId, measureId: p.measure(11), agencyId: ENPING, request: REQUEST, dueOn: '2099-11-30' } },
      office,
    );
    await backdateItems(server, reviewId, '2024-11-30');
  });
  afterAll(() => server.close());

  it('refuses without a token, a unit before the pack is final, and an unknown review', async () => {
    const anonymous = await download(`${reviewId}.docx`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const early = await download(`${reviewId}.docx`, enping);
    expect(early.status).toBe(403);
    expect(await early.json()).toMatchObject({ code: 'FORBIDDEN' });
    for (const path of [
      '00000000-0000-4000-8000-000000000000.docx',
      '00000000-0000-4000-8000-000000000000.xlsx',
      'not-an-id.xlsx',
      `${reviewId}.pdf`,
    ]) {
      const res = await download(path, office);
      expect({ path, status: res.status, body: await res.json() }).toMatchObject({ path, status: 404, body: { code: 'NOT_FOUND' } });
    }
  });

  it('writes a Word 督查通报 with the figures, the override, the item and the ranking, in Chinese fonts', async () => {
    const res = await download(`${reviewId}.docx`, leader);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('督查通报-2024Q3.docx')}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    // PACK_SAMPLE=/tmp/pack-sample.docx keeps the file, to open it in Word or WPS and look.
    if (process.env.PACK_SAMPLE) writeFileSync(process.env.PACK_SAMPLE, bytes);
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

    expect(text).toContain('江门市就业工作领导小组办公室');
    expect(text).toContain('督 查 通 报');
    expect(text).toContain('江就办〔2024〕320号'); // simplified, as the whole pack is
    expect(text).toContain('2024年第三季度');
    expect(text).toContain('公益性岗位（措施11）：全年目标400个，截至2024年9月30日完成340个，完成率85.0%');
    expect(text).toContain(`调整理由：${REASON}`);
    expect(text).toContain(REQUEST);

    const tables = tablesOf(xml);
    const welfare = tables.find(
      (t) => t[0].join('|') === '县（市、区）|分解任务（个）|完成（个）|完成率' && t.some((r) => r[0] === '恩平市' && r[1] === '350'),
    )!;
    expect(welfare.find((r) => r[0] === '恩平市')).toEqual(['恩平市', '350', '280', '80.0%']);
    expect(welfare.find((r) => r[0] === '台山市')).toEqual(['台山市', '50', '60', '120.0%']);
    expect(welfare.find((r) => r[0] === '开平市')).toEqual(['开平市', '未分解', '0', '—']);

    const measures = tables.find((t) => t[0][0] === '序号' && t[0][1] === '措施')!;
    expect(measures).toHaveLength(16);
    const m11 = measures.find((r) => r[0] === '11')!;
    expect(m11.slice(0, 5)).toEqual(['11', '加强困难群体就业帮扶', expect.any(String), '绿', '黄']);
    expect(m11[5]).toContain(REASON);

    const ranking = tables.find((t) => t[0][0] === '名次')!;
    expect(ranking.slice(1).map((r) => r[1])).toHaveLength(7);
    expect(ranking[1]).toEqual(['1', '台山市', '60', '50', '120.0%', '对照分解任务']);
    expect(ranking[2]).toEqual(['2', '恩平市', '280', '350', '80.0%', '对照分解任务']);

    const reporting = tables.find((t) => t[0][0] === '单位' && t[0][1] === '应报')!;
    expect(reporting.find((r) => r[0] === '恩平市')?.[5]).toContain('逾期报送：措施11'); // accepted now, long after 2024-10-10

    const items = tables.find((t) => t[0][3] === '督办要求')!;
    expect(items[1]).toEqual(['1', '恩平市', '11. 加强困难群体就业帮扶', REQUEST, '2024-11-30', '逾期未答复', '']);
    expect(xml).toContain('<w:tblHeader/>');

    // Word and WPS choose a Chinese font by eastAsia: every run and the document defaults name one.
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:eastAsia="黑体"');
    const runs = xml.match(/<w:r>/g)?.length ?? 0;
    expect(xml.match(/<w:rFonts [^>]*w:eastAsia="/g)?.length).toBeGreaterThanOrEqual(runs);
    expect(styles).toMatch(/<w:docDefaults>.*<w:rFonts [^>]*w:eastAsia="宋体"/s);
    expect(styles).toContain('w:eastAsia="zh-CN"');
  });

  it('writes the same tables to Excel, one sheet each, with figures as numbers', async () => {
    const res = await download(`${reviewId}.xlsx`, office);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('督查通报-2024Q3.xlsx')}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(Object.values(SHEETS));
    const rows = (name: string) =>
      book
        .getWorksheet(name)!
        .getSheetValues()
        .slice(2)
        .map((r) => (r as unknown[]).slice(1));

    const targets = book.getWorksheet(SHEETS.targets)!;
    expect(targets.getRow(1).font?.bold).toBe(true);
    expect(targets.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(rows(SHEETS.targets).find((r) => r[1] === '公益性岗位')).toEqual([
      11,
      '公益性岗位',
      '个',
      '不少于',
      400,
      340,
      0.85,
      expect.any(Number),
      '绿',
    ]);

    expect(rows(SHEETS.counties).find((r) => r[0] === '公益性岗位' && r[1] === '恩平市')).toEqual(['公益性岗位', '恩平市', 350, 280, 0.8]);
    const m11 = rows(SHEETS.measures).find((r) => r[0] === 11)!;
    expect(m11.slice(0, 7)).toEqual([11, '加强困难群体就业帮扶', expect.any(String), '绿', '黄', '是', REASON]);
    expect(rows(SHEETS.ranking).slice(0, 2)).toEqual([
      [1, '台山市', 60, 50, 1.2, '对照分解任务'],
      [2, '恩平市', 280, 350, 0.8, '对照分解任务'],
    ]);
    expect(rows(SHEETS.ranking)).toHaveLength(7);
    expect(
      rows(SHEETS.reporting)
        .find((r) => r[0] === '恩平市')
        ?.slice(3, 6),
    ).toEqual([1, expect.any(Number), '11']);
    expect(rows(SHEETS.items)).toEqual([[1, '恩平市', 11, '加强困难群体就业帮扶', REQUEST, '2024-11-30', '逾期未答复', '']]);
  });

  it('lets a unit download the pack once the review is final', async () => {
    await server.ok(FINALIZE, { id: reviewId }, office);
    const res = await download(`${reviewId}.xlsx`, enping);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.getWorksheet(SHEETS.overview)!.getRow(6).getCell(2).value).toBe('已定稿');
    expect((await download(`${reviewId}.docx`, enping)).status).toBe(200);
  });
});
