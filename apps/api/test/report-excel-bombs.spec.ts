import { TestServer } from './support/test-server';
import { countyId, loadVariantNotice, PolicyIds, signedInUser } from './support/fixtures';
import { buildZip, repeatedDeflate, ROW, ZipPart } from './support/zip-builder';
import { inflateEntry, readZipDirectory } from '../src/common/zip-reader';
import { MAX_TEMPLATE_ROWS } from '../src/reports/excel/report-workbook';

const KAIPING = countyId('440783');
const MANY_ROWS = 35_000_000; // ~210 MB of rows in ~300 KB

describe('Excel imports that would stall the server', () => {
  let server: TestServer;
  let p: PolicyIds;
  let kaiping: string;
  let template: ZipPart[];

  beforeAll(async () => {
    server = await TestServer.start();
    p = await loadVariantNotice(server.dataSource, 947);
    kaiping = await signedInUser(server, await server.adminToken(), 'REPORTER', KAIPING);
    const res = await fetch(`${server.url}/reports/template.xlsx?periodId=${p.period('2024Q3')}`, {
      headers: { authorization: `Bearer ${kaiping}` },
    });
    const file = Buffer.from(await res.arrayBuffer());
    template = await Promise.all(
      readZipDirectory(file, { maxEntries: 100, maxTotalBytes: 1e8, maxRatio: 1e4, ratioFloorBytes: 0 }).map(async (e) => ({
        name: e.name,
        data: await inflateEntry(file, e),
      })),
    );
  });
  afterAll(() => server.close());

  /** The downloaded template with one sheet's part replaced. */
  const templateWith = (sheet: Omit<ZipPart, 'name'>, name = 'xl/worksheets/sheet2.xml') => {
    expect(template.some((t) => t.name === name)).toBe(true);
    return buildZip(template.map((t) => (t.name === name ? { ...sheet, name } : t)));
  };
  const stored = async () => {
    const [row] = await server.dataSource.query(
      `SELECT (SELECT count(*) FROM progress_report)::int AS reports, (SELECT count(*) FROM report_figure)::int AS figures, (SELECT count(*) FROM audit_record)::int AS audit`,
    );
    return row as { reports: number; figures: number; audit: number };
  };

  /** Posts the file while /health/live is asked every 20 ms; how long each took. */
  async function importWhileWatched(content: Buffer) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), '填报表.xlsx');
    const health: number[] = [];
    let done = false;
    const watcher = (async () => {
      while (!done) {
        const t = Date.now();
        expect((await fetch(`${server.url}/health/live`)).status).toBe(200);
        health.push(Date.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const started = Date.now();
    const res = await fetch(`${server.url}/reports/import.xlsx`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${kaiping}` },
    });
    const body = (await res.json()) as { code: string; message: string; field?: string };
    const elapsed = Date.now() - started;
    done = true;
    await watcher;
    return { status: res.status, body, elapsed, slowestHealth: Math.max(...health) };
  }

  it('refuses a ~300 KB workbook that unpacks to hundreds of MB, at once, while the server keeps answering', async () => {
    const bomb = templateWith({ deflated: repeatedDeflate(ROW, MANY_ROWS, '<worksheet><sheetData>', '</sheetData></worksheet>') });
    expect(bomb.length).toBeLessThan(400 * 1024);
    const before = await stored();
    const result = await importWhileWatched(bomb);
    expect(result).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', field: 'file' } });
    expect(result.body.message).toMatch(/^无法导入该文件：解压后过大/);
    expect(result.elapsed).toBeLessThan(8000); // a bound, not the figure: unguarded it took ~22 s (the bench measures it: ~8 ms)
    expect(result.slowestHealth).toBeLessThan(4000);
    expect(await stored()).toEqual(before);
  });

  it('refuses a workbook whose directory lies about a sheet’s size, having inflated no more than it declared', async () => {
    const liar = templateWith({
      deflated: repeatedDeflate(ROW, MANY_ROWS, '<worksheet><sheetData>', '</sheetData></worksheet>'),
      declare: { size: 10_000 },
    });
    const before = await stored();
    const result = await importWhileWatched(liar);
    expect(result).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
    expect(result.body.message).toContain('“xl/worksheets/sheet2.xml”的实际大小与声明不符');
    expect(result.elapsed).toBeLessThan(8000); // a bound, not the figure: unguarded it took ~22 s (the bench measures it: ~8 ms)
    expect(result.slowestHealth).toBeLessThan(4000);
    expect(await stored()).toEqual(before);
  });

  it('refuses a sheet with more rows than any template has, and a file over 5 MB with the import’s own limit', async () => {
    const before = await stored();
    const long = await importWhileWatched(
      templateWith({ data: `<worksheet><sheetData>${ROW.repeat(MAX_TEMPLATE_ROWS + 1)}</sheetData></worksheet>` }),
    );
    expect(long).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
    expect(long.body.message).toContain(`工作表行数过多(超过 ${MAX_TEMPLATE_ROWS} 行`);

    const big = await importWhileWatched(Buffer.alloc(5 * 1024 * 1024 + 1, 1));
    expect(big).toMatchObject({ status: 413, body: { code: 'BAD_USER_INPUT', message: '导入的 Excel 文件不能超过 5 MB' } });
    expect(await stored()).toEqual(before);
  });
});
