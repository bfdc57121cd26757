import ExcelJS from 'exceljs';
import { chinaToday } from '@luoshi/domain';
import { AuditService } from '../src/audit/audit.service';
import { TargetYearsService } from '../src/policy/target-years.service';
import { countyId, loadVariantNotice, signedInUser } from './support/fixtures';
import { IMPORT, PUBLISH, simplifiedNotice } from './support/notice-fixtures';
import { codeOf, TestServer } from './support/test-server';

/**
 * Issue 14, the years after the first: a 每年 target has a target for every year the notice runs.
 * Publishing creates them through the notice's end year (and this year), the start of a year
 * creates that year's (once, audited), and the office changes a year's value with a version check.
 */
const THIS_YEAR = Number(chinaToday().slice(0, 4));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

interface TargetRow {
  id: string;
  name: string;
  year: number;
  targetValue: number;
  everyYear: boolean;
  version: number;
}
const TARGETS = `query ($id: ID!) { policy(id: $id) { measures { seq targets { id name year targetValue everyYear version } } } }`;
const SET_VALUE = `mutation ($t: ID!, $v: Float!, $version: Int!) { setTargetValue(targetId: $t, targetValue: $v, version: $version) { id targetValue version } }`;

describe('the years of a 每年 target', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await server.adminToken();
  });
  afterAll(() => server.close());

  const targetsOf = async (policyId: string, token = admin) =>
    (
      await server.ok<{ policy: { measures: { seq: number; targets: TargetRow[] }[] } }>(TARGETS, { id: policyId }, token)
    ).policy.measures.flatMap((m) => m.targets.map((t) => ({ ...t, seq: m.seq })));

  it('reads 每年 from the notice, shows it on the draft, and creates each year through the end year on publishing', async () => {
    // 每年 makes measure 4's goal recur; measure 6 gets a goal for 2027: the notice runs through 2027.
    const text = simplifiedNotice()
      .text.replace('全年募集就业见习岗位不少于1200个', '每年募集就业见习岗位不少于1200个')
      .replace('统筹开发城乡公益性岗位，', '到2027年统筹开发城乡公益性岗位不少于500个，');
    const draft = (
      await server.ok<{ importNotice: { id: string; measures: { seq: number; targets: { name: string; year: number }[] }[] } }>(
        IMPORT,
        { text },
        admin,
      )
    ).importNotice;
    const before = await targetsOf(draft.id);
    const interns = before.find((t) => t.seq === 4)!;
    expect(interns).toMatchObject({ year: 2025, everyYear: true, targetValue: 1200 });
    expect(before.find((t) => t.seq === 6)).toMatchObject({ year: 2027, everyYear: false });
    expect(before.find((t) => t.seq === 3)).toMatchObject({ year: 2025, everyYear: false }); // 全年: this year only

    await server.ok(PUBLISH, { id: draft.id }, admin);
    const after = await targetsOf(draft.id);
    const years = after.filter((t) => t.seq === 4).map((t) => t.year);
    expect(years.sort()).toEqual(range(2025, Math.max(2027, THIS_YEAR)));
    for (const t of after.filter((x) => x.seq === 4))
      expect(t).toMatchObject({ name: interns.name, targetValue: 1200, everyYear: true, version: 1 });
    // The one-year goals stay one year.
    expect(after.filter((t) => t.seq === 3).map((t) => t.year)).toEqual([2025]);
    expect(after.filter((t) => t.seq === 6).map((t) => t.year)).toEqual([2027]);
    // Each created year is audited, with the office's name: publishing created it.
    const created = after.filter((t) => t.seq === 4 && t.year > 2025).map((t) => t.id);
    const audits: { entity_id: string; username: string; reason: string }[] = await server.dataSource.query(
      `SELECT entity_id, username, after->>'reason' AS reason FROM audit_record WHERE action = 'target.roll' AND entity_id = ANY($1::text[])`,
      [created],
    );
    expect(audits.map((a) => a.entity_id).sort()).toEqual([...created].sort());
    expect(new Set(audits.map((a) => a.reason))).toEqual(new Set(['publish']));
  });

  it('the draft review’s 每年 toggle sets it on an added target', async () => {
    const draft = (
      await server.ok<{ importNotice: { id: string; version: number; measures: { id: string; seq: number }[] } }>(
        IMPORT,
        { text: simplifiedNotice().text },
        admin,
      )
    ).importNotice;
    const added = await server.ok<{
      addDraftTarget: { measures: { seq: number; targets: { name: string; year: number; everyYear: boolean }[] }[] };
    }>(
      `mutation ($input: AddDraftTargetInput!) { addDraftTarget(input: $input) { measures { seq targets { name year everyYear } } } }`,
      {
        input: {
          measureId: draft.measures.find((m) => m.seq === 8)!.id,
          version: draft.version,
          name: '监测企业',
          unit: '家',
          targetValue: 80,
          direction: 'AT_LEAST',
          years: [2025],
          everyYear: true,
        },
      },
      admin,
    );
    expect(added.addDraftTarget.measures.find((m) => m.seq === 8)!.targets).toEqual([{ name: '监测企业', year: 2025, everyYear: true }]);
  });

  it('creates the new year’s target when a year starts, once, audited, copying the last year’s value and no quotas', async () => {
    const ids = await loadVariantNotice(server.dataSource, 1701);
    const interns = ids.target(7, '見習崗位', 2024);
    // The office changed 2024's value before: the next years copy the latest one.
    await server.dataSource.query(`UPDATE target SET target_value = 3200 WHERE id = $1`, [interns]);
    const years = new TargetYearsService(server.dataSource, new AuditService());

    const first = await years.roll();
    const mine = first.filter((t) => t.policyId === ids.policyId);
    expect(mine.map((t) => [t.name, t.year])).toEqual(range(2025, THIS_YEAR).map((y) => ['見習崗位', y]));
    expect(mine.map((t) => t.id)).toEqual(range(2025, THIS_YEAR).map((y) => ids.target(7, '見習崗位', y)));
    const rows = (await targetsOf(ids.policyId)).filter((t) => t.seq === 7);
    expect(rows.map((t) => [t.year, t.targetValue, t.everyYear])).toEqual(range(2024, THIS_YEAR).map((y) => [y, 3200, true]));
    const quotas: unknown[] = await server.dataSource.query(`SELECT 1 FROM county_quota WHERE target_id = ANY($1::uuid[])`, [
      mine.map((t) => t.id),
    ]);
    expect(quotas).toEqual([]);
    // A one-year target (公益性崗位, 2024) does not recur.
    expect((await targetsOf(ids.policyId)).filter((t) => t.seq === 11).map((t) => t.year)).toEqual([2024]);

    // A second start, or another replica's check, creates nothing more.
    expect((await years.roll()).filter((t) => t.policyId === ids.policyId)).toEqual([]);
    const audits: { entity_id: string; n: number; username: string | null }[] = await server.dataSource.query(
      `SELECT entity_id, count(*)::int AS n, max(username) AS username FROM audit_record WHERE action = 'target.roll' AND entity_id = ANY($1::text[]) GROUP BY entity_id`,
      [mine.map((t) => t.id)],
    );
    expect(audits).toHaveLength(mine.length);
    expect(audits.every((a) => a.n === 1 && a.username === null)).toBe(true);
  });

  it('lets the office change a year’s value with a version check, audited; a stale version is a CONFLICT', async () => {
    const ids = await loadVariantNotice(server.dataSource, 1702);
    await new TargetYearsService(server.dataSource, new AuditService()).roll();
    const target = (await targetsOf(ids.policyId)).find((t) => t.seq === 7 && t.year === THIS_YEAR)!;
    expect(target.version).toBe(1);

    const changed = await server.ok<{ setTargetValue: { targetValue: number; version: number } }>(
      SET_VALUE,
      { t: target.id, v: 3500, version: 1 },
      admin,
    );
    expect(changed.setTargetValue).toEqual({ id: target.id, targetValue: 3500, version: 2 });
    const audit: { before: { targetValue: number }; after: { targetValue: number; year: number } }[] = await server.dataSource.query(
      `SELECT before, after FROM audit_record WHERE action = 'target.value' AND entity_id = $1`,
      [target.id],
    );
    expect(audit).toEqual([
      { before: expect.objectContaining({ targetValue: 3000 }), after: expect.objectContaining({ targetValue: 3500, year: THIS_YEAR }) },
    ]);

    // Another office user read version 1: refused, nothing stored.
    const stale = await server.gql(SET_VALUE, { t: target.id, v: 4000, version: 1 }, admin);
    expect(codeOf(stale)).toBe('CONFLICT');
    expect((await targetsOf(ids.policyId)).find((t) => t.id === target.id)).toMatchObject({ targetValue: 3500, version: 2 });
    // Bad input and the wrong role are refused too.
    expect(codeOf(await server.gql(SET_VALUE, { t: target.id, v: -1, version: 2 }, admin))).toBe('BAD_USER_INPUT');
    const leader = await signedInUser(server, admin, 'LEADER');
    expect(codeOf(await server.gql(SET_VALUE, { t: target.id, v: 1, version: 2 }, leader))).toBe('FORBIDDEN');
    // The next year starts from the latest value.
    expect((await targetsOf(ids.policyId)).find((t) => t.id === target.id)!.targetValue).toBe(3500);
  });

  it('puts only the period’s year of a 每年 target in the Excel template, so an import finds one target', async () => {
    const ids = await loadVariantNotice(server.dataSource, 1703);
    await new TargetYearsService(server.dataSource, new AuditService()).roll();
    const kaiping = await signedInUser(server, admin, 'REPORTER', countyId('440783'));
    const internRows = async (label: string) => {
      const res = await fetch(`${server.url}/reports/template.xlsx?periodId=${ids.period(label)}`, {
        headers: { authorization: `Bearer ${kaiping}` },
      });
      expect(res.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await res.arrayBuffer());
      const rows: unknown[][] = [];
      for (const sheet of book.worksheets)
        sheet.eachRow((row) => {
          const v = row.values as unknown[];
          if (v.includes('見習崗位') && v.includes(ids.docNumber)) rows.push(v);
        });
      return rows;
    };
    expect(await internRows('2024Q3')).toHaveLength(1);
    expect(await internRows(`${THIS_YEAR}Q1`)).toHaveLength(1);
  });
});
