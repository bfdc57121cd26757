import { codeOf, TestServer } from './support/test-server';
import { countyId, departmentId, loadVariantNotice, PolicyIds, ReportRef, SAVE, signedInUser, SUBMIT } from './support/fixtures';

const HESHAN = countyId('440784');
const WOMEN = departmentId('市婦聯');

const TASKS = `query ($periodId: ID!, $agencyId: ID) { reportTasks(periodId: $periodId, agencyId: $agencyId) {
  measure { seq } role state overdue report { id progress } previousReport { id progress period { label } } } }`;

describe('report lists: a unit’s tasks, the review queue, filtered reports', () => {
  let server: TestServer;
  let p: PolicyIds;
  let admin: string, office: string, heshan: string, women: string;

  beforeAll(async () => {
    server = await TestServer.start();
    p = await loadVariantNotice(server.dataSource, 302);
    admin = await server.adminToken();
    [office, heshan, women] = await Promise.all([
      signedInUser(server, admin, 'OFFICE'),
      signedInUser(server, admin, 'REPORTER', HESHAN),
      signedInUser(server, admin, 'REPORTER', WOMEN),
    ]);
  });
  afterAll(() => server.close());

  type Task = {
    measure: { seq: number };
    role: string;
    state: string;
    overdue: boolean;
    report: { id: string } | null;
    previousReport: { progress: string; period: { label: string } } | null;
  };

  it('lists every measure a unit is responsible for, with its state and last period’s report', async () => {
    const q3 = (
      await server.ok<{ saveProgressReport: ReportRef }>(
        SAVE,
        { input: { measureId: p.measure(6), periodId: p.period('2024Q3'), agencyId: WOMEN, progress: '妈妈岗 12 个' } },
        women,
      )
    ).saveProgressReport;
    await server.ok(SUBMIT, { id: q3.id, version: q3.version }, women);

    const tasks = (await server.ok<{ reportTasks: Task[] }>(TASKS, { periodId: p.period('2024Q4') }, women)).reportTasks;
    expect(tasks.map((t) => [t.measure.seq, t.role])).toEqual([
      [6, 'CO'],
      [15, 'CO'],
    ]);
    expect(tasks[0]).toMatchObject({
      state: 'NOT_STARTED',
      report: null,
      overdue: true,
      previousReport: { progress: '妈妈岗 12 个', period: { label: '2024Q3' } },
    });

    const county = (await server.ok<{ reportTasks: Task[] }>(TASKS, { periodId: p.period('2024Q4') }, heshan)).reportTasks;
    expect(county).toHaveLength(15);
    const asOffice = (await server.ok<{ reportTasks: Task[] }>(TASKS, { periodId: p.period('2024Q4'), agencyId: WOMEN }, office))
      .reportTasks;
    expect(asOffice).toHaveLength(2);
    expect(codeOf(await server.gql(TASKS, { periodId: p.period('2024Q4'), agencyId: WOMEN }, heshan))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(TASKS, { periodId: p.period('2024Q4') }, office))).toBe('BAD_USER_INPUT');
    expect(codeOf(await server.gql(TASKS, { periodId: '00000000-0000-4000-8000-000000000000' }, women))).toBe('NOT_FOUND');
  });

  it('shows the office submitted reports oldest first, and nobody else', async () => {
    const queue = await server.ok<{ reviewQueue: { status: string; agency: { id: string }; previous: unknown }[] }>(
      `{ reviewQueue { status agency { id } previous { id } } }`,
      {},
      office,
    );
    expect(queue.reviewQueue.length).toBeGreaterThan(0);
    expect(queue.reviewQueue.every((r) => r.status === 'SUBMITTED')).toBe(true);
    expect(codeOf(await server.gql(`{ reviewQueue { id } }`, {}, heshan))).toBe('FORBIDDEN');
  });

  it('filters reports, a reporter seeing only its own unit’s', async () => {
    const all = await server.ok<{ progressReports: { agency: { id: string } }[] }>(
      `query ($p: ID!) { progressReports(policyId: $p) { agency { id } } }`,
      { p: p.policyId },
      heshan,
    );
    expect(all.progressReports.every((r) => r.agency.id === HESHAN)).toBe(true);
    const office1 = await server.ok<{ progressReports: { agency: { id: string } }[] }>(
      `query ($p: ID!, $a: ID) { progressReports(policyId: $p, agencyId: $a) { agency { id } } }`,
      { p: p.policyId, a: WOMEN },
      office,
    );
    expect(office1.progressReports).toHaveLength(1);
    expect(
      codeOf(
        await server.gql(
          `query ($p: ID!, $a: ID) { progressReports(policyId: $p, agencyId: $a) { id } }`,
          { p: p.policyId, a: WOMEN },
          heshan,
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('knows the period being reported on now', async () => {
    const data = await server.ok<{ policy: { currentPeriod: { label: string; endsOn: string } } }>(
      `query ($id: ID!) { policy(id: $id) { currentPeriod { label endsOn } } }`,
      { id: p.policyId },
    );
    expect(data.policy.currentPeriod.endsOn < new Date().toISOString().slice(0, 10)).toBe(true);
  });
});
