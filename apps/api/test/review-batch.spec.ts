import { codeOf, TestServer } from './support/test-server';
import { countyId, loadVariantNotice, PolicyIds, REVIEW, ReportRef, SAVE, signedInUser, SUBMIT } from './support/fixtures';

const TAISHAN = countyId('440781');
const ACCEPT_MANY = `mutation ($r: [ReportVersionInput!]!) {
  acceptProgressReports(reports: $r) { id result code message report { id version status } } }`;
const QUEUE = `query ($p: ID, $q: String, $a: ID, $m: ID) { reviewQueue(policyId: $p, quarter: $q, agencyId: $a, measureId: $m) { id } }`;

interface Outcome {
  id: string;
  result: string;
  code: string | null;
  message: string | null;
  report: { id: string; version: number; status: string } | null;
}

describe('批量通过: several reports accepted at once, each with its own version check', () => {
  let server: TestServer;
  let office: string, taishan: string;
  let p: PolicyIds;
  let seqs: number[]; // the measures Taishan reports on

  const submitted = async (measure: number, quarter = '2024Q3'): Promise<ReportRef> => {
    const input = { measureId: p.measure(measure), periodId: p.period(quarter), agencyId: TAISHAN, progress: '按计划推进', values: [] };
    const saved = (await server.ok<{ saveProgressReport: ReportRef }>(SAVE, { input }, taishan)).saveProgressReport;
    return (await server.ok<{ submitProgressReport: ReportRef }>(SUBMIT, { id: saved.id, version: saved.version }, taishan))
      .submitProgressReport;
  };
  const accepts = async (id: string) =>
    (
      (await server.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_record WHERE entity = 'progress_report' AND entity_id = $1 AND action = 'report.accept'`,
        [id],
      )) as { n: number }[]
    )[0].n;
  const statusOf = async (id: string) =>
    (
      (await server.dataSource.query(`SELECT status, version FROM progress_report WHERE id = $1`, [id])) as {
        status: string;
        version: number;
      }[]
    )[0];

  beforeAll(async () => {
    server = await TestServer.start();
    p = await loadVariantNotice(server.dataSource, 1730);
    const admin = await server.adminToken();
    [office, taishan] = await Promise.all([signedInUser(server, admin, 'OFFICE'), signedInUser(server, admin, 'REPORTER', TAISHAN)]);
    const rows: { seq: number }[] = await server.dataSource.query(
      `SELECT m.seq FROM measure m JOIN responsibility r ON r.measure_id = m.id WHERE m.policy_id = $1 AND r.agency_id = $2 ORDER BY m.seq`,
      [p.policyId, TAISHAN],
    );
    seqs = rows.map((r) => r.seq);
    expect(seqs.length).toBeGreaterThanOrEqual(5);
  });
  afterAll(() => server.close());

  it('accepts the clean ones, answers CONFLICT for a stale one and one already reviewed, and audits each acceptance', async () => {
    const [a, b, c, d] = [await submitted(seqs[0]), await submitted(seqs[1]), await submitted(seqs[2]), await submitted(seqs[3])];
    // b changed after the office read it: returned, corrected and submitted again (a newer version).
    const returned = (
      await server.ok<{ reviewProgressReport: ReportRef }>(
        REVIEW,
        { id: b.id, version: b.version, decision: 'RETURN', comment: '请补充' },
        office,
      )
    ).reviewProgressReport;
    await server.ok(SUBMIT, { id: b.id, version: returned.version }, taishan);
    // d was accepted by a colleague in the meantime.
    await server.ok(REVIEW, { id: d.id, version: d.version, decision: 'ACCEPT' }, office);

    const queue = async () =>
      (await server.ok<{ reviewQueue: { id: string }[] }>(QUEUE, { p: p.policyId, a: TAISHAN }, office)).reviewQueue;
    expect((await queue()).map((r) => r.id)).toEqual(expect.arrayContaining([a.id, b.id, c.id]));

    const answer = (
      await server.ok<{ acceptProgressReports: Outcome[] }>(
        ACCEPT_MANY,
        { r: [a, b, c, d].map((r) => ({ id: r.id, version: r.version })) },
        office,
      )
    ).acceptProgressReports;
    expect(answer.map((o) => [o.id, o.result, o.code])).toEqual([
      [a.id, 'ACCEPTED', null],
      [b.id, 'STALE', 'CONFLICT'],
      [c.id, 'ACCEPTED', null],
      [d.id, 'NOT_SUBMITTED', 'CONFLICT'],
    ]);
    expect(answer[0].report).toMatchObject({ status: 'ACCEPTED', version: a.version + 1 });
    expect(answer[1].message).toMatch(/已被他人修改/);
    expect(answer[1].report).toMatchObject({ status: 'SUBMITTED', version: returned.version + 1 }); // as it is now, to read again
    expect(answer[3].message).toMatch(/不在待审核/);
    expect(await statusOf(b.id)).toMatchObject({ status: 'SUBMITTED' });
    // Audited as single reviews are: one report.accept for each accepted, none for the refused.
    expect([await accepts(a.id), await accepts(b.id), await accepts(c.id), await accepts(d.id)]).toEqual([1, 0, 1, 1]);
    const remaining = (await queue()).map((r) => r.id);
    expect(remaining).toContain(b.id);
    expect(remaining).not.toContain(a.id);
    expect(remaining).not.toContain(c.id);

    // The stale one, read again, is accepted.
    const again = (
      await server.ok<{ acceptProgressReports: Outcome[] }>(ACCEPT_MANY, { r: [{ id: b.id, version: answer[1].report!.version }] }, office)
    ).acceptProgressReports;
    expect(again.map((o) => o.result)).toEqual(['ACCEPTED']);
  });

  it('refuses bad input storing nothing, answers NOT_FOUND per report, and is the office’s only', async () => {
    const e = await submitted(seqs[4]);
    const r = [{ id: e.id, version: e.version }];
    expect(codeOf(await server.gql(ACCEPT_MANY, { r }, taishan))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(ACCEPT_MANY, { r: [] }, office))).toBe('BAD_USER_INPUT');
    expect(codeOf(await server.gql(ACCEPT_MANY, { r: [...r, { id: e.id.toUpperCase(), version: e.version }] }, office))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await server.gql(ACCEPT_MANY, { r: [{ id: e.id, version: 'x' }] }, office))).toBe('BAD_USER_INPUT');
    expect(await statusOf(e.id)).toEqual({ status: 'SUBMITTED', version: e.version });
    expect(await accepts(e.id)).toBe(0);

    const missing = '00000000-0000-4000-8000-000000000000';
    const answer = (await server.ok<{ acceptProgressReports: Outcome[] }>(ACCEPT_MANY, { r: [{ id: missing, version: 1 }, ...r] }, office))
      .acceptProgressReports;
    expect(answer.map((o) => [o.result, o.code])).toEqual([
      ['NOT_FOUND', 'NOT_FOUND'],
      ['ACCEPTED', null],
    ]);
    expect(answer[0].report).toBeNull();
  });
});
