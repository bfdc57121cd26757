import { codeOf, TestServer } from './support/test-server';
import { countyId, departmentId, loadVariantNotice, PolicyIds, ReportRef, SAVE, signedInUser, SUBMIT } from './support/fixtures';
import { chaseCandidates } from '../src/chasing/chase.queries';
import { SupervisionRatingsService } from '../src/supervision/supervision-ratings';
import { ReportingPeriod } from '../src/policy/reporting-period.entity';
import { toSimplified } from '../src/common/chinese-script';

const HRSS = departmentId('市人力資源社會保障局');
const TAISHAN = countyId('440781');
const UPDATE = `mutation ($id: ID!, $dueOn: String!, $reason: String) { updateReportingPeriod(id: $id, dueOn: $dueOn, reason: $reason) { id dueOn } }`;
const EXTEND = `mutation ($p: ID!, $a: ID!, $d: String!, $r: String!) { setPeriodExtension(periodId: $p, agencyId: $a, dueOn: $d, reason: $r) { agency { id } dueOn reason } }`;
const UNEXTEND = `mutation ($p: ID!, $a: ID!, $r: String!) { removePeriodExtension(periodId: $p, agencyId: $a, reason: $r) }`;
const SETTINGS = `query ($p: ID!) { periodSettings(policyId: $p) { id period { label dueOn } extensions { agency { id } dueOn reason }
  changes { at username kind agency { id } dueOnBefore dueOnAfter reason } } }`;
const OVERVIEW = `query ($p: ID!, $period: ID!) { policyOverview(policyId: $p, periodId: $period) {
  measures { measure { seq } units { agency { id } onTime overdue extendedDueOn } }
  compliance { agency { id } onTime late missing total extendedDueOn } } }`;

type Overview = {
  measures: {
    measure: { seq: number };
    units: { agency: { id: string }; onTime: boolean; overdue: boolean; extendedDueOn: string | null }[];
  }[];
  compliance: { agency: { id: string }; onTime: number; late: number; missing: number; total: number; extendedDueOn: string | null }[];
};

/** A date `days` from today in China. */
const chinaDate = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);

describe('reporting periods: due dates with reasons, and one unit’s extension (延期)', () => {
  let server: TestServer;
  let p: PolicyIds;
  let admin: string, office: string, officeName: string, hrss: string;

  const overview = async (period: string) =>
    (await server.ok<{ policyOverview: Overview }>(OVERVIEW, { p: p.policyId, period }, office)).policyOverview;
  const counts = async (periodId: string) =>
    (
      await server.dataSource.query(
        `SELECT (SELECT count(*) FROM period_extension WHERE period_id = $1)::int AS rows,
              (SELECT count(*) FROM audit_record WHERE entity IN ('period_extension', 'reporting_period') AND split_part(entity_id, '/', 1) = $1::text)::int AS audits`,
        [periodId],
      )
    )[0] as { rows: number; audits: number };
  const overdueKeys = async (periodId: string) =>
    (await chaseCandidates(server.dataSource, 3)).filter((c) => c.key.includes(periodId)).map((c) => c.key);

  beforeAll(async () => {
    server = await TestServer.start();
    p = await loadVariantNotice(server.dataSource, 1265);
    admin = await server.adminToken();
    officeName = `office_${Date.now().toString(36)}`;
    await server.ok(
      `mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      { i: { username: officeName, password: 'password-123', role: 'OFFICE' } },
      admin,
    );
    office = await server.login(officeName, 'password-123');
    hrss = await signedInUser(server, admin, 'REPORTER', HRSS);
  });
  afterAll(async () => {
    // Chasing tests in other files look at recent due dates across the whole test database: leave none behind.
    await server.dataSource.query(
      `DELETE FROM period_extension WHERE period_id IN (SELECT id FROM reporting_period WHERE policy_id = $1)`,
      [p.policyId],
    );
    await server.dataSource.query(`UPDATE reporting_period SET due_on = ends_on + 10 WHERE policy_id = $1`, [p.policyId]);
    await server.close();
  });

  it('moves a due date with a reason, earlier (closing early) or later, shown as the period’s history', async () => {
    const q = p.period('2025Q1'); // ends 2025-03-31, due 2025-04-10
    await server.ok(UPDATE, { id: q, dueOn: '2025-04-05', reason: '提前汇总上报省厅' }, office);
    await server.ok(UPDATE, { id: q, dueOn: '2025-04-15', reason: '  清明假期顺延  ' }, office);
    expect(codeOf(await server.gql(UPDATE, { id: q, dueOn: '2025-04-20', reason: 'x'.repeat(501) }, office))).toBe('BAD_USER_INPUT');
    const settings = (await server.ok<{ periodSettings: any[] }>(SETTINGS, { p: p.policyId }, office)).periodSettings; // eslint-disable-line @typescript-eslint/no-explicit-any
    const s = settings.find((x) => x.id === q);
    expect(s.period).toEqual({ label: '2025Q1', dueOn: '2025-04-15' });
    expect(
      s.changes.map((c: { dueOnBefore: string; dueOnAfter: string; reason: string; kind: string; username: string }) => [
        c.kind,
        c.dueOnBefore,
        c.dueOnAfter,
        c.reason,
        c.username,
      ]),
    ).toEqual([
      ['DUE_DATE', '2025-04-05', '2025-04-15', '清明假期顺延', officeName],
      ['DUE_DATE', '2025-04-10', '2025-04-05', '提前汇总上报省厅', officeName],
    ]);
    expect(codeOf(await server.gql(SETTINGS, { p: p.policyId }, hrss))).toBe('FORBIDDEN');
  });

  it('refuses bad extensions and the wrong people, storing nothing', async () => {
    const q = p.period('2024Q4');
    const [{ due }] = await server.dataSource.query(`SELECT due_on::text AS due FROM reporting_period WHERE id = $1`, [q]);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const later = '2030-01-31';
    const cases: [string, Record<string, unknown>, string | undefined, string][] = [
      ['no sign-in', { p: q, a: HRSS, d: later, r: '原因' }, undefined, 'UNAUTHENTICATED'],
      ['reporter', { p: q, a: HRSS, d: later, r: '原因' }, hrss, 'FORBIDDEN'],
      ['no reason', { p: q, a: HRSS, d: later, r: '   ' }, office, 'BAD_USER_INPUT'],
      ['not after the period’s date', { p: q, a: HRSS, d: due, r: '原因' }, office, 'BAD_USER_INPUT'],
      ['not a date', { p: q, a: HRSS, d: '2030-02-30', r: '原因' }, office, 'BAD_USER_INPUT'],
      ['not ISO', { p: q, a: HRSS, d: '31/01/2030', r: '原因' }, office, 'BAD_USER_INPUT'],
      ['unknown period', { p: unknown, a: HRSS, d: later, r: '原因' }, office, 'NOT_FOUND'],
      ['unknown unit', { p: q, a: unknown, d: later, r: '原因' }, office, 'NOT_FOUND'],
    ];
    const before = await counts(q);
    for (const [label, variables, token, code] of cases) {
      expect({ label, code: codeOf(await server.gql(EXTEND, variables, token)) }).toEqual({ label, code });
    }
    expect(codeOf(await server.gql(UNEXTEND, { p: q, a: HRSS, r: '无' }, office))).toBe('NOT_FOUND');
    expect(codeOf(await server.gql(UNEXTEND, { p: q, a: HRSS, r: '' }, office))).toBe('BAD_USER_INPUT');
    expect(await counts(q)).toEqual(before);
  });

  it('an extended unit is not late in compliance, chasing or the review’s rule until its own date passes', async () => {
    const q = p.period('2024Q3');
    await server.dataSource.query(`UPDATE reporting_period SET due_on = $2 WHERE id = $1`, [q, chinaDate(-5)]);
    const hrssMeasures = (
      await server.dataSource.query(
        `SELECT m.seq FROM responsibility r JOIN measure m ON m.id = r.measure_id WHERE m.policy_id = $1 AND r.agency_id = $2 ORDER BY m.seq`,
        [p.policyId, HRSS],
      )
    ).map((r: { seq: number }) => r.seq) as number[];
    // HRSS sends one report after the period's date (late, as things stand).
    const input = {
      measureId: p.measure(hrssMeasures[0]),
      periodId: q,
      agencyId: HRSS,
      progress: '进展',
      unitStatus: 'ON_TRACK',
      values: [],
    };
    const saved = (await server.ok<{ saveProgressReport: ReportRef }>(SAVE, { input }, hrss)).saveProgressReport;
    await server.ok(SUBMIT, { id: saved.id, version: saved.version }, hrss);

    const ratings = () =>
      server.resolve(SupervisionRatingsService).computeAt(
        Object.assign(new ReportingPeriod(), {
          id: q,
          policyId: p.policyId,
          label: '2024Q3',
          startsOn: '2024-07-01',
          endsOn: '2024-09-30',
          dueOn: chinaDate(-5),
        }),
      );
    const [{ short_name: hrssName }] = await server.dataSource.query(`SELECT short_name FROM agency WHERE id = $1`, [HRSS]);
    const lateInRatings = async () =>
      [...(await ratings()).values()].some((r) => r.reason.includes('逾期未报') && r.reason.includes(toSimplified(hrssName)));

    let o = await overview(q);
    let c = o.compliance.find((x) => x.agency.id === HRSS)!;
    expect(c).toMatchObject({ onTime: 0, late: 1, missing: hrssMeasures.length - 1, extendedDueOn: null });
    expect((await overdueKeys(q)).filter((k) => k.endsWith(HRSS))).toHaveLength(hrssMeasures.length - 1);
    expect(await lateInRatings()).toBe(true);

    const extension = (
      await server.ok<{ setPeriodExtension: { dueOn: string; reason: string } }>(
        EXTEND,
        { p: q, a: HRSS, d: chinaDate(10), r: '机构改革，人员调整' },
        office,
      )
    ).setPeriodExtension;
    expect(extension).toMatchObject({ dueOn: chinaDate(10), reason: '机构改革，人员调整' });
    o = await overview(q); // cached before: the extension must show at once
    c = o.compliance.find((x) => x.agency.id === HRSS)!;
    expect(c).toMatchObject({ onTime: 1, late: 0, missing: hrssMeasures.length - 1, extendedDueOn: chinaDate(10) });
    const units = o.measures.flatMap((m) => m.units).filter((u) => u.agency.id === HRSS);
    expect(units.every((u) => !u.overdue && u.extendedDueOn === chinaDate(10))).toBe(true);
    // Other units are late as before.
    expect(o.measures.flatMap((m) => m.units).some((u) => u.agency.id === TAISHAN && u.overdue)).toBe(true);
    expect((await overdueKeys(q)).filter((k) => k.endsWith(HRSS))).toEqual([]);
    expect((await overdueKeys(q)).some((k) => k.startsWith('report-overdue:') && k.endsWith(TAISHAN))).toBe(true);
    expect(await lateInRatings()).toBe(false);

    // Within the reminder window the unit is reminded of its own date.
    await server.ok(EXTEND, { p: q, a: HRSS, d: chinaDate(2), r: '缩短延期' }, office);
    const soon = (await overdueKeys(q)).filter((k) => k.endsWith(HRSS));
    expect(soon.length).toBe(hrssMeasures.length - 1);
    expect(soon.every((k) => k.startsWith('report-due-soon:'))).toBe(true);

    // Withdrawn: late again, and the history says who, what and why.
    await server.ok(UNEXTEND, { p: q, a: HRSS, r: '已无必要' }, office);
    c = (await overview(q)).compliance.find((x) => x.agency.id === HRSS)!;
    expect(c).toMatchObject({ onTime: 0, late: 1, extendedDueOn: null });
    const settings = (await server.ok<{ periodSettings: any[] }>(SETTINGS, { p: p.policyId }, office)).periodSettings; // eslint-disable-line @typescript-eslint/no-explicit-any
    const s = settings.find((x) => x.id === q);
    expect(s.extensions).toEqual([]);
    expect(
      s.changes.map(
        (x: {
          kind: string;
          agency: { id: string } | null;
          dueOnBefore: string | null;
          dueOnAfter: string | null;
          reason: string;
          username: string;
        }) => [x.kind, x.agency?.id, x.dueOnBefore, x.dueOnAfter, x.reason, x.username],
      ),
    ).toEqual([
      ['EXTENSION_REMOVED', HRSS, chinaDate(2), null, '已无必要', officeName],
      ['EXTENSION_SET', HRSS, chinaDate(10), chinaDate(2), '缩短延期', officeName],
      ['EXTENSION_SET', HRSS, null, chinaDate(10), '机构改革，人员调整', officeName],
    ]);
  });
});
