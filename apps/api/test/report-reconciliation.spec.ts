import { TestServer } from './support/test-server';
import {
  COUNTY_CODES,
  countyId,
  departmentId,
  loadVariantNotice,
  PolicyIds,
  REVIEW,
  ReportRef,
  SAVE,
  signedInUser,
  SUBMIT,
  TARGET_PROGRESS,
} from './support/fixtures';

/** A small seeded generator, so a failure can be replayed with the same seed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

interface Progress {
  target: { id: string };
  achieved: number;
  pending: number;
  byCounty: { county: { id: string }; achieved: number; pending: number }[];
}

describe('targetProgress reconciles with the figures', () => {
  const seed = Number(process.env.RECONCILE_SEED ?? Date.now() % 100000);
  let server: TestServer;
  let p: PolicyIds;

  beforeAll(async () => {
    server = await TestServer.start();
    p = await loadVariantNotice(server.dataSource, 304);
  });
  afterAll(() => server.close());

  it(`equals independent SQL sums over accepted (achieved) and submitted (pending) figures (seed ${seed})`, async () => {
    const rnd = random(seed);
    const admin = await server.adminToken();
    const office = await signedInUser(server, admin, 'OFFICE');
    const units = [
      ...COUNTY_CODES.map((c) => ({ id: countyId(c), county: true })),
      { id: departmentId('市人力資源社會保障局'), county: false },
      { id: departmentId('市財政局'), county: false },
    ];
    const tokens = new Map(await Promise.all(units.map(async (u) => [u.id, await signedInUser(server, admin, 'REPORTER', u.id)] as const)));
    // Measures with AT_LEAST targets whose responsible units include all of the above, and the AT_MOST one.
    const plans = [
      { seq: 7, targets: [p.target(7, '見習崗位')] },
      { seq: 11, targets: [p.target(11, '公益性崗位')] },
      { seq: 3, targets: [p.target(3, '創業擔保貸款公示時間')] },
    ];
    const periods = ['2024Q3', '2024Q4', '2025Q1'];

    for (const period of periods) {
      for (const plan of plans) {
        for (const unit of units) {
          if (plan.seq === 11 && unit.id === departmentId('市人力資源社會保障局') && rnd() < 0.3) continue;
          const responsible = await server.dataSource.query(`SELECT 1 FROM responsibility WHERE measure_id = $1 AND agency_id = $2`, [
            p.measure(plan.seq),
            unit.id,
          ]);
          if (responsible.length === 0) continue;
          const counties = unit.county ? [unit.id] : COUNTY_CODES.map(countyId).filter(() => rnd() < 0.5);
          const values = plan.targets.flatMap((targetId) =>
            counties.map((c) => ({ targetId, countyId: c, value: Math.round(rnd() * 500) / (plan.seq === 3 ? 100 : 1) })),
          );
          const token = tokens.get(unit.id)!;
          const saved = (
            await server.ok<{ saveProgressReport: ReportRef }>(
              SAVE,
              {
                input: {
                  measureId: p.measure(plan.seq),
                  periodId: p.period(period),
                  agencyId: unit.id,
                  progress: `${period} 进展`,
                  values,
                },
              },
              token,
            )
          ).saveProgressReport;
          const fate = rnd();
          if (fate < 0.15) continue; // stays a draft
          let current = (await server.ok<{ submitProgressReport: ReportRef }>(SUBMIT, { id: saved.id, version: saved.version }, token))
            .submitProgressReport;
          if (fate < 0.35) continue; // submitted, not reviewed
          if (fate < 0.5) {
            current = (
              await server.ok<{ reviewProgressReport: ReportRef }>(
                REVIEW,
                { id: saved.id, version: current.version, decision: 'RETURN', comment: '请核实' },
                office,
              )
            ).reviewProgressReport;
            if (rnd() < 0.5) continue; // returned, not yet fixed
            const fixed = (
              await server.ok<{ saveProgressReport: ReportRef }>(
                SAVE,
                { input: { id: saved.id, version: current.version, values: values.map((v) => ({ ...v, value: v.value + 1 })) } },
                token,
              )
            ).saveProgressReport;
            current = (await server.ok<{ submitProgressReport: ReportRef }>(SUBMIT, { id: saved.id, version: fixed.version }, token))
              .submitProgressReport;
            if (rnd() < 0.3) continue;
          }
          await server.ok(REVIEW, { id: saved.id, version: current.version, decision: 'ACCEPT' }, office);
        }
      }
    }

    for (const period of [...periods, null]) {
      const got = (
        await server.ok<{ targetProgress: Progress[] }>(TARGET_PROGRESS, {
          policyId: p.policyId,
          periodId: period ? p.period(period) : null,
        })
      ).targetProgress;
      const byTarget = new Map(got.map((t) => [t.target.id, t]));
      const endsOn = period
        ? (await server.dataSource.query(`SELECT ends_on FROM reporting_period WHERE id = $1`, [p.period(period)]))[0].ends_on
        : '9999-12-31';
      for (const targetId of [p.target(7, '見習崗位'), p.target(11, '公益性崗位')]) {
        // Independent of report_total: straight from the figures.
        const rows: { county_id: string; achieved: string; pending: string }[] = await server.dataSource.query(
          `SELECT f.county_id,
                  coalesce(sum(f.value) FILTER (WHERE r.status = 'ACCEPTED'), 0) AS achieved,
                  coalesce(sum(f.value) FILTER (WHERE r.status = 'SUBMITTED'), 0) AS pending
             FROM report_figure f JOIN progress_report r ON r.id = f.report_id JOIN reporting_period rp ON rp.id = r.period_id
            WHERE f.target_id = $1 AND rp.ends_on <= $2 AND extract(year FROM rp.starts_on) = 2024
            GROUP BY f.county_id`,
          [targetId, endsOn],
        );
        const expected = new Map(rows.map((r) => [r.county_id, { achieved: Number(r.achieved), pending: Number(r.pending) }]));
        const progress = byTarget.get(targetId)!;
        for (const c of progress.byCounty) {
          expect({ period, county: c.county.id, achieved: c.achieved, pending: c.pending }).toEqual({
            period,
            county: c.county.id,
            achieved: expected.get(c.county.id)?.achieved ?? 0,
            pending: expected.get(c.county.id)?.pending ?? 0,
          });
        }
        const total = [...expected.values()].reduce((s, v) => s + v.achieved, 0);
        expect(progress.achieved).toBeCloseTo(total, 6);
        expect(progress.pending).toBeCloseTo(
          [...expected.values()].reduce((s, v) => s + v.pending, 0),
          6,
        );
      }
      // AT_MOST: the highest accepted figure of the latest period (of the year, up to this one) that has any.
      const level: { level: string | null }[] = await server.dataSource.query(
        `WITH accepted AS (
           SELECT f.value, rp.starts_on FROM report_figure f JOIN progress_report r ON r.id = f.report_id AND r.status = 'ACCEPTED'
             JOIN reporting_period rp ON rp.id = r.period_id
            WHERE f.target_id = $1 AND rp.ends_on <= $2 AND extract(year FROM rp.starts_on) = 2024)
         SELECT max(value) AS level FROM accepted WHERE starts_on = (SELECT max(starts_on) FROM accepted)`,
        [p.target(3, '創業擔保貸款公示時間'), endsOn],
      );
      expect(byTarget.get(p.target(3, '創業擔保貸款公示時間'))!.achieved).toBeCloseTo(Number(level[0].level ?? 0), 6);
    }
    // The running totals themselves agree with the figures, row by row.
    const drift = await server.dataSource.query(
      `WITH truth AS (
         SELECT f.target_id, f.county_id, r.period_id, r.status, sum(f.value) AS total, count(*) AS figures
           FROM report_figure f JOIN progress_report r ON r.id = f.report_id WHERE r.status IN ('SUBMITTED', 'ACCEPTED')
          GROUP BY 1, 2, 3, 4)
       SELECT * FROM truth t FULL JOIN report_total rt USING (target_id, county_id, period_id, status)
        WHERE coalesce(t.total, 0) <> coalesce(rt.total, 0) OR coalesce(t.figures, 0) <> coalesce(rt.figures, 0)`,
    );
    expect(drift).toEqual([]);
  });
});
