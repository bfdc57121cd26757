import { signedInUser } from './support/fixtures';
import { IMPORT, simplifiedNotice } from './support/notice-fixtures';
import { codeOf, TestServer } from './support/test-server';

/**
 * A text no notice could be (a 140,000-character line, a parse past its time limit) is refused with
 * BAD_USER_INPUT, never INTERNAL_SERVER_ERROR, and nothing is stored. The parse runs in a worker
 * thread (notice-parse-worker.ts), so the server keeps answering meanwhile.
 */
describe('importNotice refuses texts that would hang or crash the parse', () => {
  let server: TestServer;
  let office: string;
  // Each text carries a marker of its own, so that the test counts only its own rows.
  const stored = async (marker: string) =>
    (await server.dataSource.query(`SELECT count(*)::int AS n FROM policy WHERE source_text LIKE $1`, [`%${marker}%`]))[0].n as number;

  beforeAll(async () => {
    server = await TestServer.start();
    office = await signedInUser(server, await server.adminToken(), 'OFFICE');
  });
  afterAll(() => server.close());
  afterEach(() => {
    delete process.env.NOTICE_PARSE_TIME_LIMIT_MS;
  });

  it('refuses a line too long for a notice, naming the line', async () => {
    const marker = 'guard-long-line';
    const text = `${marker}\n一、总则\n（一）${' 不 少 于 '.repeat(20000)}`;
    const refused = await server.gql(IMPORT, { text }, office);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions).toMatchObject({ field: 'text', line: 3 });
    expect(refused.errors![0].message).toMatch(/第3行过长/);
    expect(await stored(marker)).toBe(0);
  });

  it('refuses a malformed number with its line (once a RangeError, INTERNAL)', async () => {
    const refused = await server.gql(IMPORT, { text: '一、总则\n二二、其他\n（一）措施。' }, office);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions).toMatchObject({ field: 'text', line: 2 });
  });

  it('refuses a parse past the time limit as unreadable text, and stores nothing', async () => {
    process.env.NOTICE_PARSE_TIME_LIMIT_MS = '1';
    const { text, docNumber } = simplifiedNotice();
    const refused = await server.gql(IMPORT, { text }, office);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toMatch(/^无法识别此文本/);
    expect(refused.errors![0].extensions).toMatchObject({ field: 'text', reason: 'PARSE_TIMEOUT' });
    expect(await server.dataSource.query(`SELECT id FROM policy WHERE doc_number = $1`, [docNumber])).toEqual([]);
  });

  it('answers other requests while a parse runs', async () => {
    const finished: string[] = [];
    // 60,000 one-character lines: a parse of a second or more, once minutes on the event loop.
    const slow = server.gql(IMPORT, { text: `guard-busy\n一、总则\n（一）测试\n${')\n'.repeat(60000)}` }, office).then((res) => {
      finished.push('import');
      return res;
    });
    const me = await server.gql(`{ me { id } }`, {}, office);
    finished.push('me');
    expect(me.errors).toBeUndefined();
    const res = await slow;
    expect(finished).toEqual(['me', 'import']);
    expect(res.errors?.[0]?.extensions?.code ?? 'OK').not.toBe('INTERNAL_SERVER_ERROR');
  });
});
