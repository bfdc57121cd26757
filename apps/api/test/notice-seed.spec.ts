import { Logger } from '@nestjs/common';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadNoticesFrom, seedIds } from '../src/policy/notice-seed';
import { departmentId } from './support/fixtures';
import { simplifiedNotice } from './support/notice-fixtures';
import { TestServer } from './support/test-server';

/** Notice files loaded on start: one that fails is logged with its name and line and skipped; the rest load. */
describe('loading notice files on start', () => {
  let server: TestServer;
  let dir: string;

  beforeAll(async () => {
    server = await TestServer.start();
    dir = mkdtempSync(join(tmpdir(), 'luoshi-notices-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  });

  it('skips a file that is no notice or lacks its date, loads the good ones, and matches simplified unit names', async () => {
    const good = simplifiedNotice();
    writeFileSync(join(dir, 'a-not-a-notice.txt'), '会议纪要\n今天天气很好。\n');
    writeFileSync(join(dir, 'b-no-date.txt'), simplifiedNotice({ withoutDate: true }).text);
    writeFileSync(join(dir, 'c-good.txt'), good.text);
    const errors: string[] = [];
    const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => void errors.push(String(message)));
    try {
      const results = await server.dataSource.transaction((m) => loadNoticesFrom(m, dir));
      expect(results.map((r) => [r.file, r.loaded])).toEqual([
        ['a-not-a-notice.txt', false],
        ['b-no-date.txt', false],
        ['c-good.txt', true],
      ]);
      expect(results[0]).toMatchObject({ error: expect.any(String), line: expect.any(Number) });
      expect(errors.join('\n')).toContain('a-not-a-notice.txt');
      expect(errors.join('\n')).toContain('b-no-date.txt');
    } finally {
      spy.mockRestore();
    }
    const policyId = seedIds.policy(good.docNumber);
    const [policy] = await server.dataSource.query(`SELECT status FROM policy WHERE id = $1`, [policyId]);
    expect(policy).toEqual({ status: 'PUBLISHED' });
    // 市财政局 and 市人社局 in the simplified notice are the units of the Jiangmen notice, not new twins.
    const units: { agency_id: string }[] = await server.dataSource.query(
      `SELECT DISTINCT r.agency_id FROM responsibility r JOIN measure m ON m.id = r.measure_id WHERE m.policy_id = $1`,
      [policyId],
    );
    expect(units.map((u) => u.agency_id)).toEqual(expect.arrayContaining([departmentId('市財政局'), departmentId('市人力資源社會保障局')]));
    expect(await server.dataSource.query(`SELECT name FROM agency WHERE name IN ('市财政局', '市人社局')`)).toEqual([]);
    expect(
      (await server.dataSource.query(`SELECT count(*)::int AS n FROM reporting_period WHERE policy_id = $1`, [policyId]))[0].n,
    ).toBeGreaterThan(0);
    // A second start adds nothing.
    const again = await server.dataSource.transaction((m) => loadNoticesFrom(m, dir));
    expect(again.find((r) => r.file === 'c-good.txt')).toMatchObject({ loaded: false, docNumber: good.docNumber });
  });
});
