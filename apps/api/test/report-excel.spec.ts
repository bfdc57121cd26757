import ExcelJS from 'exceljs';
import { TestServer } from './support/test-server';
import { countyId, departmentId, loadVariantNotice, PolicyIds, signedInUser } from './support/fixtures';

const KAIPING = countyId('440783');
const HRSS = departmentId('市人力資源社會保障局');

describe('the Excel template, both ways', () => {
  let server: TestServer;
  let p: PolicyIds;
  let kaiping: string, hrss: string;

  beforeAll(async () => {
    server = await TestServer.start();
    p = await loadVariantNotice(server.dataSource, 306);
    const admin = await server.adminToken();
    [kaiping, hrss] = await Promise.all([signedInUser(server, admin, 'REPORTER', KAIPING), signedInUser(server, admin, 'REPORTER', HRSS)]);
  });
  afterAll(() => server.close());

  const download = async (token: string, period = '2024Q3') => {
    const res = await fetch(`${server.url}/reports/template.xlsx?periodId=${p.period(period)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    return book;
  };
  const upload = async (book: ExcelJS.Workbook, token: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await book.xlsx.writeBuffer())]), '填报表.xlsx');
    const res = await fetch(`${server.url}/reports/import.xlsx`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const reportCount = async () =>
    Number(
      (
        await server.dataSource.query(
          `SELECT count(*) AS n FROM progress_report r JOIN measure m ON m.id = r.measure_id WHERE m.policy_id = $1`,
          [p.policyId],
        )
      )[0].n,
    );

  it('gives a county its 15 measures and its own county’s figures only, and reads them back as drafts', async () => {
    const book = await download(kaiping);
    const texts = book.getWorksheet('工作进展')!;
    const figures = book.getWorksheet('指标数据')!;
    expect(texts.rowCount).toBe(16);
    expect(figures.rowCount).toBe(5); // four targets x one county
    expect((figures.getRow(2).values as unknown[]).slice(1, 7)).toEqual([p.docNumber, 3, '創業擔保貸款公示時間', '天', '開平市', '440783']);
    expect(figures.getRow(2).getCell(7).value).toBeNull();

    texts.getRow(8).getCell(4).value = '开平市新募集见习岗位 85 个'; // measure 7
    texts.getRow(8).getCell(7).value = '进展顺利';
    const row7 = [...Array(figures.rowCount).keys()].map((i) => figures.getRow(i + 1)).find((r) => r.getCell(2).value === 7)!;
    row7.getCell(7).value = 85;
    const result = await upload(book, kaiping);
    expect(result.status).toBe(201);
    expect(result.body.saved).toEqual([{ docNumber: p.docNumber, measureSeq: 7, id: expect.any(String), version: 1, status: 'DRAFT' }]);

    const again = await download(kaiping);
    expect(again.getWorksheet('工作进展')!.getRow(8).getCell(4).value).toBe('开平市新募集见习岗位 85 个');
    const figure = [...Array(5).keys()].map((i) => again.getWorksheet('指标数据')!.getRow(i + 1)).find((r) => r.getCell(2).value === 7)!;
    expect(figure.getCell(7).value).toBe(85);

    // Uploading the same file again updates the draft (version 2), it does not make a second report.
    expect((await upload(again, kaiping)).body.saved).toEqual([
      { docNumber: p.docNumber, measureSeq: 7, id: expect.any(String), version: 2, status: 'DRAFT' },
    ]);
  });

  it('gives a department every county for its measures', async () => {
    const figures = (await download(hrss)).getWorksheet('指标数据')!;
    expect(figures.rowCount).toBe(1 + 4 * 7);
  });

  it('refuses a wrong file with the exact cells, storing nothing', async () => {
    const book = await download(kaiping, '2024Q4');
    const texts = book.getWorksheet('工作进展')!;
    const figures = book.getWorksheet('指标数据')!;
    texts.getRow(3).getCell(4).value = '有内容';
    texts.getRow(3).getCell(7).value = '很好';
    texts.getRow(4).getCell(2).value = 99;
    texts.getRow(4).getCell(4).value = '不存在的措施';
    figures.getRow(2).getCell(7).value = -3;
    figures.getRow(3).getCell(7).value = '很多';
    figures.getRow(4).getCell(6).value = '440703';
    figures.getRow(4).getCell(7).value = 5;
    const before = await reportCount();
    const result = await upload(book, kaiping);
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('BAD_USER_INPUT');
    expect((result.body.errors as { sheet: string; cell: string }[]).map((e) => `${e.sheet}!${e.cell}`)).toEqual([
      '工作进展!G3',
      '工作进展!B4',
      '指标数据!G2',
      '指标数据!G3',
      '指标数据!A4',
    ]);
    expect(await reportCount()).toBe(before);
  });

  it('refuses a file that is not its template', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Sheet1').addRow(['hello']);
    const result = await upload(book, kaiping);
    expect(result).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
  });
});
