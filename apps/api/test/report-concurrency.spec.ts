import { codeOf, TestServer } from './support/test-server';
import { countyId, loadVariantNotice, PolicyIds, ReportRef, SAVE, signedInUser } from './support/fixtures';

const JIANGHAI = countyId('440704');
const CLIENTS = 24;

describe('concurrent edits of one report', () => {
  let server: TestServer;
  let p: PolicyIds;
  let tokens: string[];

  beforeAll(async () => {
    server = await TestServer.start();
    p = await loadVariantNotice(server.dataSource, 303);
    const admin = await server.adminToken();
    // Two people of one unit, many tabs: every client is a reporter of the same county.
    tokens = await Promise.all(Array.from({ length: 4 }, () => signedInUser(server, admin, 'REPORTER', JIANGHAI)));
  });
  afterAll(() => server.close());

  it('lets exactly one save per version win; the rest get CONFLICT; the row and the audit hold the winner only', async () => {
    const target = p.target(7, '見習崗位');
    const created = (
      await server.ok<{ saveProgressReport: ReportRef }>(
        SAVE,
        { input: { measureId: p.measure(7), periodId: p.period('2024Q3'), agencyId: JIANGHAI, progress: 'start' } },
        tokens[0],
      )
    ).saveProgressReport;

    for (let round = 0; round < 3; round++) {
      const version = created.version + round;
      const results = await Promise.all(
        Array.from({ length: CLIENTS }, (_, i) =>
          server.gql<{ saveProgressReport: ReportRef }>(
            SAVE,
            {
              input: {
                id: created.id,
                version,
                progress: `round ${round} client ${i}`,
                values: [{ targetId: target, countyId: JIANGHAI, value: i }],
              },
            },
            tokens[i % tokens.length],
          ),
        ),
      );
      const winners = results.map((r, i) => ({ r, i })).filter(({ r }) => !r.errors);
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(CLIENTS - 1);
      const winner = winners[0].i;
      expect(winners[0].r.data?.saveProgressReport.version).toBe(version + 1);

      const [row] = await server.dataSource.query(`SELECT progress, version FROM progress_report WHERE id = $1`, [created.id]);
      expect(row).toEqual({ progress: `round ${round} client ${winner}`, version: version + 1 });
      const figures = await server.dataSource.query(`SELECT value FROM report_figure WHERE report_id = $1`, [created.id]);
      expect(figures.map((f: { value: string }) => Number(f.value))).toEqual([winner]);
      const audits = await server.dataSource.query(
        `SELECT after->>'progress' AS progress FROM audit_record WHERE entity = 'progress_report' AND entity_id = $1 AND action = 'report.update' AND (before->>'version')::int = $2`,
        [created.id, version],
      );
      expect(audits).toEqual([{ progress: `round ${round} client ${winner}` }]);
    }
  });
});
