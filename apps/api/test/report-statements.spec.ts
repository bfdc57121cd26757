import { TestServer } from './support/test-server';
import {
  COUNTY_CODES,
  countyId,
  loadVariantNotice,
  PolicyIds,
  REVIEW,
  ReportRef,
  SAVE,
  signedInUser,
  SUBMIT,
  TARGET_PROGRESS,
} from './support/fixtures';

const REPORTS = `query ($p: ID!) { progressReports(policyId: $p) { id status measure { seq } agency { name } period { label }
  values { target { name } county { name } value } history { action username } attachments { filename } previous { id } } }`;
const TASKS = `query ($period: ID!, $agency: ID) { reportTasks(periodId: $period, agencyId: $agency) {
  measure { seq targets { name quotas { quota } } } state report { id values { value } } previousReport { id } } }`;

const OVERVIEW = `query ($p: ID!, $period: ID!) { policyOverview(policyId: $p, periodId: $period) {
  targets { target { name } achieved rating } measures { measure { seq } rating missing } compliance { agency { name } onTime } } }`;

describe('SQL statements per request do not grow with the data', () => {
  let server: TestServer;
  let p: PolicyIds;
  let admin: string, office: string;
  const reporters = new Map<string, string>();

  beforeAll(async () => {
    server = await TestServer.start({ countStatements: true });
    p = await loadVariantNotice(server.dataSource, 307);
    admin = await server.adminToken();
    office = await signedInUser(server, admin, 'OFFICE');
    for (const code of COUNTY_CODES) reporters.set(code, await signedInUser(server, admin, 'REPORTER', countyId(code)));
  });
  afterAll(() => server.close());

  /** Every county reports measures 7 and 11 for a period, submitted and accepted. */
  async function reportPeriod(label: string) {
    for (const code of COUNTY_CODES) {
      for (const [seq, target] of [
        [7, p.target(7, '見習崗位')],
        [11, p.target(11, '公益性崗位')],
      ] as const) {
        const token = reporters.get(code)!;
        const input = {
          measureId: p.measure(seq),
          periodId: p.period(label),
          agencyId: countyId(code),
          progress: `${label}`,
          values: [{ targetId: target, countyId: countyId(code), value: 10 }],
        };
        const saved = (await server.ok<{ saveProgressReport: ReportRef }>(SAVE, { input }, token)).saveProgressReport;
        const submitted = (await server.ok<{ submitProgressReport: ReportRef }>(SUBMIT, { id: saved.id, version: saved.version }, token))
          .submitProgressReport;
        await server.ok(REVIEW, { id: saved.id, version: submitted.version, decision: 'ACCEPT' }, office);
      }
    }
  }

  async function measureAll() {
    return {
      targetProgress: await server.statements(TARGET_PROGRESS, { policyId: p.policyId, periodId: p.period('2024Q4') }),
      progressReports: await server.statements(REPORTS, { p: p.policyId }, office),
      reportTasks: await server.statements(TASKS, { period: p.period('2024Q4'), agency: countyId('440781') }, office),
      // Computed, not cached: every report accepted since the last call raised the policy's data version.
      policyOverview: await server.statements(OVERVIEW, { p: p.policyId, period: p.period('2024Q4') }, office),
    };
  }

  it('reads the same number of statements with 28 reports as with 56', async () => {
    await reportPeriod('2024Q3');
    await reportPeriod('2024Q4');
    const small = await measureAll();
    await reportPeriod('2025Q1');
    await reportPeriod('2025Q2');
    const large = await measureAll();
    expect(large).toEqual(small);
    // The budget, so that a new N+1 shows up here. targetProgress (anonymous, after a write): the data
    // version, then the one statement that checks and builds the answer (5 before issue 15).
    expect(small.targetProgress).toBe(2);
    expect(small.progressReports).toBeLessThanOrEqual(12);
    expect(small.reportTasks).toBeLessThanOrEqual(12);
    // The period, one evaluation of the policy (its targets and their figures), the units' reporting, the loaders (11 before).
    expect(small.policyOverview).toBeLessThanOrEqual(9);
  });
});
