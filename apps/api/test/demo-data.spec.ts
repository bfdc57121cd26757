import { DataSource } from 'typeorm';
import { createDataSource } from '../src/database/data-source';
import { prepareDatabase } from '../src/database/prepare-database';
import { createScratchDatabase } from '../src/database/scratch-database';
import { demoWanted } from '../src/demo/demo-data';

// A database of its own: the demo adds accounts and reports that other tests must not see.
describe('demo data for the embedded default', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let ds: DataSource;

  beforeAll(async () => {
    scratch = await createScratchDatabase(process.env.TEST_SERVER_URL as string, 'luoshi_demo');
    ds = createDataSource({ url: scratch.url, poolSize: 2 });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await scratch?.drop();
  });

  it('is wanted on the embedded default, not with DATABASE_URL unless DEMO_DATA=1', () => {
    expect(demoWanted(true, {})).toBe(true);
    expect(demoWanted(true, { DEMO_DATA: '0' })).toBe(false);
    expect(demoWanted(false, {})).toBe(false);
    expect(demoWanted(false, { DEMO_DATA: '1' })).toBe(true);
  });

  it('loads accounts and plausible reports once, with running totals equal to the figures', async () => {
    const first = await prepareDatabase(ds, { demo: true });
    expect(first.demo.loaded).toBe(true);
    expect(first.demo.accounts).toHaveLength(2 + 24);
    expect(first.demo.reports).toBeGreaterThan(200);
    const again = await prepareDatabase(ds, { demo: true });
    expect(again.demo.loaded).toBe(false);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM progress_report`);
    expect(n).toBe(first.demo.reports);

    const drift = await ds.query(
      `WITH truth AS (SELECT f.target_id, f.county_id, r.period_id, r.status, sum(f.value) AS total
                        FROM report_figure f JOIN progress_report r ON r.id = f.report_id WHERE r.status IN ('SUBMITTED', 'ACCEPTED') GROUP BY 1, 2, 3, 4)
       SELECT * FROM truth t FULL JOIN report_total rt USING (target_id, county_id, period_id, status) WHERE coalesce(t.total, 0) <> coalesce(rt.total, 0)`,
    );
    expect(drift).toEqual([]);
    const [{ audited }] = await ds.query(
      `SELECT count(*)::int AS audited FROM audit_record WHERE action = 'demo.create' AND entity = 'progress_report'`,
    );
    expect(audited).toBe(n);

    // A supervision review in progress, with an office rating and two items, each recorded as demo data.
    const [review] = await ds.query(
      `SELECT r.id, r.status, p.label FROM supervision_review r JOIN reporting_period p ON p.id = r.period_id`,
    );
    expect(review).toMatchObject({ status: 'OPEN', label: '2024Q4' });
    const items = await ds.query(`SELECT status FROM supervision_item WHERE review_id = $1 ORDER BY status`, [review.id]);
    expect(items).toEqual([{ status: 'OPEN' }, { status: 'RESPONDED' }]);
    const [{ rated }] = await ds.query(
      `SELECT count(*)::int AS rated FROM supervision_rating WHERE review_id = $1 AND rating IS NOT NULL AND reason <> ''`,
      [review.id],
    );
    expect(rated).toBe(1);
    const [{ recorded }] = await ds.query(
      `SELECT count(*)::int AS recorded FROM audit_record WHERE action = 'demo.create' AND entity LIKE 'supervision%'`,
    );
    expect(recorded).toBe(1 + 2 + 1);
  });
});
