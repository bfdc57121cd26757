import ExcelJS from 'exceljs';
import { randomInt, randomUUID } from 'node:crypto';
import { nameKeyOf } from '../src/units/agency-name';
import { signedInUser } from './support/fixtures';
import { codeOf, TestServer, uniqueName } from './support/test-server';
import { buildZip, repeatedDeflate, ROW, workbookParts } from './support/zip-builder';

const LOGIN = `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken user { mustChangePassword displayName phone } } }`;

interface Created {
  row: number;
  temporaryPassword: string;
  user: {
    id: string;
    username: string;
    role: string;
    displayName: string | null;
    phone: string | null;
    mustChangePassword: boolean;
    agency: { id: string; name: string } | null;
  };
}
type Refusal = { code: string; message: string; field?: string; errors?: { sheet: string; cell: string; message: string }[] };

describe('accounts created from an uploaded Excel sheet', () => {
  let server: TestServer;
  let admin: string;
  const tag = uniqueName('').replace(/[^0-9a-z]/gi, '');
  // Units of this file only, in traditional script as the notices write them; one inactive.
  const bureau = { id: randomUUID(), name: `測試資源局${tag}`, simplified: `测试资源局${tag}`, short: `資源${tag}` };
  const county = { id: randomUUID(), name: `測試縣${tag}`, simplified: `测试县${tag}`, short: `測縣${tag}` };
  const closed = { id: randomUUID(), name: `測試舊局${tag}`, simplified: `测试旧局${tag}`, short: `舊局${tag}` };

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await server.adminToken();
    for (const [u, kind, code, active] of [
      [bureau, 'DEPARTMENT', null, true],
      [county, 'COUNTY', `8${String(randomInt(0, 100_000)).padStart(5, '0')}`, true], // no real division code starts with 8
      [closed, 'DEPARTMENT', null, false],
    ] as const) {
      await server.dataSource.query(
        `INSERT INTO agency (id, name, name_simplified, short_name, kind, region_code, search_text, name_key, active) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [u.id, u.name, u.simplified, u.short, kind, code, `${u.name} ${u.simplified}`.toLowerCase(), nameKeyOf(u.name), active],
      );
    }
  });
  afterAll(async () => {
    const ids = [bureau.id, county.id, closed.id];
    await server.dataSource.query(`DELETE FROM app_user WHERE agency_id = ANY($1::uuid[])`, [ids]);
    await server.dataSource.query(`DELETE FROM agency WHERE id = ANY($1::uuid[])`, [ids]);
    await server.close();
  });

  const template = async (token = admin) =>
    fetch(`${server.url}/accounts/template.xlsx`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  /** The downloaded template with these rows filled in under the header. */
  async function filled(rows: (string | number)[][]): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await (await template()).arrayBuffer()) as ArrayBuffer);
    const sheet = book.getWorksheet('账号')!;
    rows.forEach((r, i) => r.forEach((v, c) => (sheet.getRow(i + 2).getCell(c + 1).value = v)));
    return Buffer.from(await book.xlsx.writeBuffer());
  }
  async function upload(content: Buffer, token: string | null = admin) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), '账号.xlsx');
    const res = await fetch(`${server.url}/accounts/import.xlsx`, {
      method: 'POST',
      body: form,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: res.status, body: (await res.json()) as { created?: Created[] } & Refusal };
  }
  const footprint = async () =>
    (
      await server.dataSource.query(
        `SELECT (SELECT count(*) FROM app_user)::int AS users, (SELECT count(*) FROM audit_record)::int AS audit`,
      )
    )[0] as { users: number; audit: number };

  it('gives a template with the columns and the active units to pick from', async () => {
    const res = await template();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    expect(book.getWorksheet('账号')!.getRow(1).values).toEqual([
      undefined,
      '姓名',
      '单位',
      '手机',
      '角色(默认填报员)',
      '用户名(可留空)',
      undefined,
      expect.stringContaining('说明'),
    ]);
    const units = book
      .getWorksheet('单位名单')!
      .getSheetValues()
      .map((r) => (r as unknown[] | undefined)?.[1]);
    expect(units).toEqual(expect.arrayContaining([bureau.simplified, county.simplified]));
    expect(units).not.toContain(closed.simplified);
  });

  it('creates every account of a good file, in either script and by short name, with temporary passwords to change, each audited without it', async () => {
    const given = uniqueName('bulk').toLowerCase();
    const leader = uniqueName('bulklead').toLowerCase();
    const { status, body } = await upload(
      await filled([
        ['张三', ` 测试 资源局${tag} `, '138 0013 8000', '', ''],
        ['李四', county.short, '0750-3201234', '填報員', given.toUpperCase()],
        ['王五', '', 13900139000, '领导', leader],
        ['赵六', county.name, '', '', ''],
      ]),
    );
    expect(status).toBe(201);
    const created = body.created!;
    expect(created.map((c) => [c.row, c.user.role, c.user.agency?.id ?? null, c.user.displayName, c.user.phone])).toEqual([
      [2, 'REPORTER', bureau.id, '张三', '13800138000'],
      [3, 'REPORTER', county.id, '李四', '0750-3201234'],
      [4, 'LEADER', null, '王五', '13900139000'],
      [5, 'REPORTER', county.id, '赵六', null],
    ]);
    expect(created[0].user.username).toBe(`u${bureau.id.replace(/-/g, '').slice(0, 6)}`);
    expect(created[1].user.username).toBe(given);
    expect(created[2].user.username).toBe(leader);
    expect(created[3].user.username).toMatch(/^r8\d{5}$/);
    for (const c of created) {
      expect(c.temporaryPassword).toMatch(/^[A-HJ-NP-Za-km-z2-9]{12}$/);
      const signedIn = await server.ok<{ login: { accessToken: string; user: { mustChangePassword: boolean; displayName: string } } }>(
        LOGIN,
        { u: c.user.username, p: c.temporaryPassword },
      );
      expect(signedIn.login.user).toMatchObject({ mustChangePassword: true, displayName: c.user.displayName });
    }
    const audit: { id: string; after: Record<string, unknown> }[] = await server.dataSource.query(
      `SELECT entity_id AS id, after FROM audit_record WHERE action = 'user.create' AND after->>'via' = 'excel' AND entity_id = ANY($1::text[])`,
      [created.map((c) => c.user.id)],
    );
    expect(audit).toHaveLength(4);
    expect(audit.find((a) => a.id === created[0].user.id)!.after).toMatchObject({
      username: created[0].user.username,
      displayName: '张三',
      phone: '13800138000',
      mustChangePassword: true,
    });
    const text = JSON.stringify(audit);
    for (const c of created) expect(text).not.toContain(c.temporaryPassword);

    // The same unit again: its scheme's name is taken, so -2.
    const again = await upload(await filled([['钱七', bureau.simplified, '', '', '']]));
    expect(again.body.created![0].user.username).toBe(`${created[0].user.username}-2`);
  });

  it('refuses a file with any wrong row, lists the cells, and stores nothing', async () => {
    const before = await footprint();
    const { status, body } = await upload(
      await filled([
        ['孙一', bureau.simplified, '13800138000', '', ''],
        ['孙二', `没有这个局${tag}`, '', '', ''],
        ['孙三', bureau.simplified, '1380013800', '', ''],
        ['孙四', bureau.simplified, '', '', 'admin'],
        ['孙五', closed.simplified, '', '', ''],
        ['', bureau.simplified, '', '管理员', ''],
        ['孙七', bureau.simplified, '', '领导', 'x'],
      ]),
    );
    expect(status).toBe(400);
    expect(body.code).toBe('BAD_USER_INPUT');
    expect(body.message).toMatch(/^Excel 文件有 \d+ 处错误,未创建任何账号/);
    const cells = body.errors!.map((e) => `${e.sheet}!${e.cell}`);
    expect(cells).toEqual(['账号!B3', '账号!C4', '账号!E5', '账号!B6', '账号!A7', '账号!B7', '账号!E7', '账号!B8', '账号!E8']);
    expect(body.errors!.find((e) => e.cell === 'B3')!.message).toContain('找不到单位');
    expect(body.errors!.find((e) => e.cell === 'E5')!.message).toContain('已存在');
    expect(body.errors!.find((e) => e.cell === 'B6')!.message).toContain('已停用');
    expect(await footprint()).toEqual(before);

    const twice = await upload(
      await filled([
        ['周一', bureau.simplified, '', '', 'same-name-twice'],
        ['周二', bureau.simplified, '', '', 'Same-Name-Twice'],
      ]),
    );
    expect(twice.body.errors).toEqual([{ sheet: '账号', cell: 'E3', message: expect.stringContaining('与第 2 行重复') }]);
    expect((await upload(await filled([]))).body.errors).toEqual([{ sheet: '账号', cell: 'A2', message: '表中没有要创建的账号' }]);
    expect(await footprint()).toEqual(before);
  });

  it('refuses a zip bomb named .xlsx at once, before reading it', async () => {
    const bomb = buildZip([
      ...workbookParts(),
      {
        name: 'xl/worksheets/sheet1.xml',
        deflated: repeatedDeflate(ROW, 30_000_000, '<worksheet><sheetData>', '</sheetData></worksheet>'),
      },
    ]);
    expect(bomb.length).toBeLessThan(400 * 1024);
    const before = await footprint();
    const started = Date.now();
    const { status, body } = await upload(bomb);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(body.message).toMatch(/^无法导入该文件：/);
    // Rows past the sheet's bound are refused too, even where the zip's sizes are honest.
    const tall = buildZip([
      ...workbookParts(),
      { name: 'xl/worksheets/sheet1.xml', data: `<worksheet><sheetData>${ROW.repeat(2000)}</sheetData></worksheet>` },
    ]);
    expect((await upload(tall)).body.message).toContain('工作表行数过多');
    expect((await upload(Buffer.from('not a workbook'))).body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(await footprint()).toEqual(before);
  });

  it('is for the office and the admin only; the office makes no administrator; a temporary password must be changed first', async () => {
    const file = await filled([['吴一', bureau.simplified, '', '', '']]);
    expect((await template('')).status).toBe(401);
    expect((await upload(file, null)).status).toBe(401);
    for (const role of ['LEADER', 'REPORTER']) {
      const token = await signedInUser(server, admin, role, role === 'REPORTER' ? bureau.id : undefined);
      expect((await template(token)).status).toBe(403);
      expect(await upload(file, token)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    }
    const office = await signedInUser(server, admin, 'OFFICE');
    expect((await template(office)).status).toBe(200);
    const asOffice = await upload(await filled([['吴二', '', '', '系统管理员', uniqueName('bulkadm')]]), office);
    expect(asOffice.body.errors).toEqual([{ sheet: '账号', cell: 'D2', message: '只有系统管理员可以创建管理员账号' }]);
    expect((await upload(file, office)).status).toBe(201);

    const newcomer = (await upload(await filled([['郑一', '', '', '领导小组办公室', uniqueName('bulkoff')]]))).body.created![0];
    const temporary = await server.login(newcomer.user.username, newcomer.temporaryPassword);
    expect(await upload(file, temporary)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN', reason: 'MUST_CHANGE_PASSWORD' } });
  });

  it('keeps a name and phone through createUser and updateUser, checked, and clears them with null', async () => {
    const username = uniqueName('contact');
    const made = await server.gql<{ createUser: { id: string; displayName: string; phone: string } }>(
      `mutation ($i: CreateUserInput!) { createUser(input: $i) { id displayName phone } }`,
      { i: { username, password: 'contact-pass-1', role: 'LEADER', displayName: ' 陈 一 ', phone: '(0750)3201234' } },
      admin,
    );
    expect(made.data!.createUser).toMatchObject({ displayName: '陈 一', phone: '0750-3201234' });
    const update = (input: Record<string, unknown>) =>
      server.gql<{ updateUser: { displayName: string | null; phone: string | null } }>(
        `mutation ($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { displayName phone } }`,
        { id: made.data!.createUser.id, i: input },
        admin,
      );
    const bad = await update({ phone: '12345' });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.field).toBe('phone');
    expect(codeOf(await update({ displayName: '名'.repeat(51) }))).toBe('BAD_USER_INPUT');
    expect((await update({ phone: '13800138000' })).data!.updateUser).toEqual({ displayName: '陈 一', phone: '13800138000' });
    expect((await update({ displayName: null, phone: '' })).data!.updateUser).toEqual({ displayName: null, phone: null });
    expect(
      codeOf(
        await server.gql(
          `mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`,
          { i: { username: uniqueName('c2'), password: 'contact-pass-1', role: 'LEADER', phone: '123' } },
          admin,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });
});
