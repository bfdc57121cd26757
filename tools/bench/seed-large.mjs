#!/usr/bin/env node
// Builds the large benchmark database `luoshi_bench` (or reuses it when its marker says a complete
// seed of this SEED_VERSION is there; BENCH_RESEED=1 forces a rebuild).
//   1. the built API migrates it and loads the Jiangmen notice (start main.js, wait for ready, stop);
//   2. set-based SQL adds synthetic policies shaped like Jiangmen (sections, measures, LEAD/CO
//      departments and the 7 counties, targets for every year, quotas, quarterly periods), then
//      progress reports and figures for every policy, Jiangmen included;
//   3. report_total is filled the way the API's delta upserts leave it; VACUUM ANALYZE.
// BENCH_POLICIES (default 120) sets how many synthetic policies; the defaults give > 100,000 reports
// and > 1,000,000 figures. Prints counts and timings.
import { ADMIN_PASSWORD, connect, dbUrl, LARGE_DB, SEED_VERSION, serverUrl, startApi } from './bench-lib.mjs';

const POLICIES = Number(process.env.BENCH_POLICIES ?? 120);
const MARKER = `${SEED_VERSION} policies=${POLICIES} complete`;
const SYNTHETIC = `doc_number LIKE '江合成%'`; // doc numbers of synthetic policies: recognisable, never a real notice's

/** The marker is the database's comment: no table of ours in a database the API owns. */
async function markerOf(admin) {
  const rows = (await admin.query(`SELECT shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname = $1`, [LARGE_DB]))
    .rows;
  return rows.length === 0 ? { exists: false } : { exists: true, note: rows[0].note ?? '' };
}

// Target names a stable-employment notice would set, with unit, direction and a city-wide base value.
const TARGET_NAMES = `(VALUES
  (1, '新增就業人數', '人', 'AT_LEAST', 20000), (2, '見習崗位', '個', 'AT_LEAST', 3000),
  (3, '技能培訓人次', '人次', 'AT_LEAST', 15000), (4, '創業擔保貸款發放額', '萬元', 'AT_LEAST', 50000),
  (5, '公益性崗位', '個', 'AT_LEAST', 400), (6, '創業擔保貸款公示時間', '天', 'AT_MOST', 3),
  (7, '幫扶困難人員就業', '人', 'AT_LEAST', 2500), (8, '零工市場服務人次', '人次', 'AT_LEAST', 30000),
  (9, '返鄉入鄉創業人數', '人', 'AT_LEAST', 1200), (10, '高校畢業生就業', '人', 'AT_LEAST', 8000),
  (11, '職業技能等級認定', '人', 'AT_LEAST', 6000), (12, '就業驛站', '個', 'AT_LEAST', 60),
  (13, '失業保險待遇審核時限', '個工作日', 'AT_MOST', 5), (14, '穩崗返還資金', '萬元', 'AT_LEAST', 8000)
) AS n(idx, name, unit, direction, base)`;

// Each step is one statement over whole sets (generate_series and joins), never a row at a time.
const STEPS = [
  [
    'policies',
    `
    INSERT INTO policy (id, doc_number, title, issuer, issued_on, source_text)
    SELECT md5('bench/policy/' || i)::uuid, format('江合成〔%s〕%s號', extract(year FROM d)::int, 100 + i),
           format('江門市關于落實第%s批穩就業措施的通知(合成數據)', i), '江門市就業工作領導小組辦公室', d,
           repeat('合成政策文件正文,供性能測試使用。', 60)
      FROM generate_series(1, ${POLICIES}) i, LATERAL (SELECT date '2024-02-20' + (i * 53) % 560 AS d) x`,
  ],
  [
    'sections',
    `
    INSERT INTO section (id, policy_id, seq, title)
    SELECT md5(format('bench/section/%s/%s', p.id, s))::uuid, p.id, s,
           (ARRAY['一、激發活力擴大就業容量', '二、拓寬渠道促進青年就業', '三、強化幫扶兜牢民生底線', '四、夯實基礎提升服務效能'])[s]
      FROM policy p, generate_series(1, 4) s WHERE p.${SYNTHETIC}`,
  ],
  [
    'measures (16-30 per policy)',
    `
    INSERT INTO measure (id, policy_id, section_id, seq, title, body, responsibility_text)
    SELECT md5(format('bench/measure/%s/%s', p.id, j))::uuid, p.id, md5(format('bench/section/%s/%s', p.id, 1 + (j - 1) * 4 / n.m))::uuid, j,
           format('(%s)合成措施第%s條', j, j), repeat('加大政策支持力度,落實穩崗擴崗各項措施,確保資金及時足額發放到位。', 5),
           '[市人力資源社會保障局牽頭,各縣(市、區)政府按職責分工負責]'
      FROM policy p, LATERAL (SELECT 16 + abs(hashtext(p.id::text)) % 15 AS m) n, LATERAL generate_series(1, n.m) j
     WHERE p.${SYNTHETIC}`,
  ],
  // A LEAD department, 1-5 CO departments and, on 60% of measures, the seven counties (as 各縣(市、區)政府).
  [
    'responsibilities',
    `
    WITH m AS (
      SELECT m.id, 2 + abs(hashtext(m.id::text)) % 5 AS departments, abs(hashtext(m.id::text || 'c')) % 10 < 6 AS counties
        FROM measure m JOIN policy p ON p.id = m.policy_id WHERE p.${SYNTHETIC}
    )
    INSERT INTO responsibility (measure_id, agency_id, role, position)
    SELECT m.id, d.id, CASE WHEN d.rn = 1 THEN 'LEAD' ELSE 'CO' END, d.rn - 1
      FROM m, LATERAL (SELECT a.id, row_number() OVER (ORDER BY md5(m.id::text || a.id::text)) AS rn FROM agency a WHERE a.kind = 'DEPARTMENT') d
     WHERE d.rn <= m.departments
    UNION ALL
    SELECT m.id, c.id, 'CO', m.departments + row_number() OVER (PARTITION BY m.id ORDER BY c.region_code) - 1
      FROM m JOIN agency c ON c.kind = 'COUNTY' WHERE m.counties`,
  ],
  // 75% of measures have 1-4 targets, each set for every year from the issue year on (每年).
  [
    'targets',
    `
    INSERT INTO target (id, measure_id, name, unit, target_value, direction, year, source_phrase)
    SELECT md5(format('bench/target/%s/%s/%s', m.id, n.name, y))::uuid, m.id, n.name, n.unit, v.value, n.direction, y,
           format('%s%s%s%s', n.name, CASE WHEN n.direction = 'AT_LEAST' THEN '不少于' ELSE '縮短為' END, v.value, n.unit)
      FROM measure m JOIN policy p ON p.id = m.policy_id
     CROSS JOIN LATERAL generate_series(1, 1 + abs(hashtext(m.id::text || 'k')) % 4) k
      JOIN ${TARGET_NAMES} ON n.idx = (m.seq * 5 + k) % 14 + 1
     CROSS JOIN LATERAL generate_series(extract(year FROM p.issued_on)::int, extract(year FROM current_date)::int) y
     CROSS JOIN LATERAL (SELECT CASE WHEN n.direction = 'AT_MOST' THEN n.base
                                     ELSE round(n.base * (0.5 + abs(hashtext(m.id::text || n.name)) % 100 / 100.0) * (1 + 0.1 * (y - 2024))) END AS value) v
     WHERE p.${SYNTHETIC} AND abs(hashtext(m.id::text || 't')) % 4 <> 0`,
  ],
  // The office splits most AT_LEAST targets across the counties (Jiangmen's too).
  [
    'county quotas',
    `
    INSERT INTO county_quota (target_id, county_id, quota)
    SELECT t.id, c.id, round(t.target_value * w.share)
      FROM target t
      JOIN (SELECT id, row_number() OVER (ORDER BY region_code) AS k FROM agency WHERE kind = 'COUNTY') c ON true
      JOIN (VALUES (1, 0.22), (2, 0.10), (3, 0.18), (4, 0.16), (5, 0.13), (6, 0.12), (7, 0.09)) w(k, share) ON w.k = c.k
     WHERE t.direction = 'AT_LEAST' AND abs(hashtext(t.id::text)) % 5 <> 0
    ON CONFLICT DO NOTHING`,
  ],
  // Quarters from the issue date through the end of this year, as the API's ensureReportingPeriods makes them.
  [
    'reporting periods',
    `
    INSERT INTO reporting_period (id, policy_id, label, starts_on, ends_on, due_on)
    SELECT md5(format('bench/period/%s/%s', p.id, q))::uuid, p.id, to_char(q, 'YYYY"Q"Q'), q::date,
           (q + interval '3 months' - interval '1 day')::date, (q + interval '3 months' - interval '1 day')::date + 10
      FROM policy p, generate_series(date_trunc('quarter', p.issued_on::timestamp), date_trunc('year', current_date::timestamp) + interval '9 months', interval '3 months') q
     WHERE p.${SYNTHETIC}
    ON CONFLICT (policy_id, label) DO NOTHING`,
  ],
  // Every policy (Jiangmen too): one report per responsible unit and started period, mostly there.
  // Old quarters: nearly all in and ACCEPTED; the last ended quarter: review under way; the current
  // quarter: a few early drafts. Random draws are materialised once per row so each is used consistently.
  [
    'progress reports',
    `
    WITH cur AS (SELECT date_trunc('quarter', current_date::timestamp)::date AS q),
    slots AS MATERIALIZED (
      SELECT r.measure_id, r.agency_id, p.id AS period_id, p.due_on,
             CASE WHEN p.starts_on = cur.q THEN 'current' WHEN p.starts_on = (cur.q - interval '3 months')::date THEN 'previous' ELSE 'old' END AS phase,
             random() AS r1, random() AS r2, random() AS r3, random() AS r4
        FROM responsibility r JOIN measure m ON m.id = r.measure_id JOIN reporting_period p ON p.policy_id = m.policy_id, cur
       WHERE p.starts_on <= current_date
    ),
    chosen AS (
      SELECT s.*, CASE s.phase
               WHEN 'old' THEN CASE WHEN r2 < 0.93 THEN 'ACCEPTED' WHEN r2 < 0.96 THEN 'RETURNED' WHEN r2 < 0.985 THEN 'SUBMITTED' ELSE 'DRAFT' END
               WHEN 'previous' THEN CASE WHEN r2 < 0.55 THEN 'ACCEPTED' WHEN r2 < 0.83 THEN 'SUBMITTED' WHEN r2 < 0.91 THEN 'RETURNED' ELSE 'DRAFT' END
               ELSE CASE WHEN r2 < 0.2 THEN 'SUBMITTED' ELSE 'DRAFT' END END AS status,
             CASE WHEN s.phase = 'current' THEN current_date - (r3 * 40)::int ELSE s.due_on - (r3 * 20)::int END + interval '9 hours' + r4 * interval '8 hours' AS created
        FROM slots s
       WHERE s.r1 < CASE s.phase WHEN 'old' THEN 0.97 WHEN 'previous' THEN 0.90 ELSE 0.25 END
    )
    INSERT INTO progress_report (id, measure_id, agency_id, period_id, status, version, progress, problems, next_steps, unit_status,
                                 review_comment, created_at, updated_at, submitted_at, reviewed_at)
    SELECT gen_random_uuid(), measure_id, agency_id, period_id, status,
           CASE status WHEN 'DRAFT' THEN 1 + (r4 < 0.5)::int WHEN 'SUBMITTED' THEN 2 ELSE 3 END,
           (ARRAY['本季度組織開展專項招聘活動12場,發布崗位信息3600餘個,促成就業意向1100人次。',
                  '落實穩崗返還政策,惠及企業850家,發放資金2300萬元;持續開展技能培訓,完成培訓4200人次。',
                  '深入企業走訪調研,摸清用工需求,聯合高校舉辦校園招聘會,吸納高校畢業生就業見習。',
                  '按月調度工作進展,建立重點企業用工服務專員制度,及時協調解決企業招工難題。'])[1 + (r3 * 4)::int % 4],
           CASE WHEN r4 < 0.6 THEN '部分企業用工需求波動較大,崗位匹配度有待提高。' ELSE '' END,
           '下一步將繼續加大政策宣傳力度,推動各項措施落地見效。',
           (ARRAY['ON_TRACK', 'ON_TRACK', 'ON_TRACK', 'AT_RISK', 'BEHIND', 'DONE'])[1 + (r4 * 6)::int % 6],
           CASE WHEN status = 'RETURNED' THEN '請補充各縣(市、區)分項數據後重新提交。' END,
           created,
           created + CASE WHEN status = 'DRAFT' THEN interval '1 day' WHEN status = 'SUBMITTED' THEN interval '2 days' ELSE interval '6 days' END,
           CASE WHEN status <> 'DRAFT' THEN created + interval '2 days' END,
           CASE WHEN status IN ('ACCEPTED', 'RETURNED') THEN created + interval '6 days' END
      FROM chosen`,
  ],
  // Figures only for the report's measure's targets of the period's year; a county's report only
  // for its own county, a department's for (nearly) every county. Sums over a year's quarters and
  // units land near the target; AT_MOST levels scatter around the ceiling. The draws sit in a
  // materialised CTE: a bare \`WHERE random() < …\` names only agency and would be pushed down to its scan.
  [
    'report figures',
    `
    WITH candidates AS MATERIALIZED (
      SELECT r.id AS report_id, t.id AS target_id, c.id AS county_id, t.direction, t.unit, t.target_value, a.kind,
             random() AS r1, random()::numeric AS r2
        FROM progress_report r
        JOIN reporting_period p ON p.id = r.period_id
        JOIN target t ON t.measure_id = r.measure_id AND t.year = extract(year FROM p.starts_on)
        JOIN agency a ON a.id = r.agency_id
        JOIN agency c ON c.kind = 'COUNTY' AND (a.kind = 'DEPARTMENT' OR c.id = a.id)
    )
    INSERT INTO report_figure (report_id, target_id, county_id, value)
    SELECT report_id, target_id, county_id,
           CASE WHEN direction = 'AT_MOST' THEN round(target_value * (0.6 + r2 * 0.6))
                WHEN unit = '萬元' THEN round(target_value / 112.0 * (0.4 + r2 * 1.2), 1)
                ELSE round(target_value / 112.0 * (0.4 + r2 * 1.2)) END
      FROM candidates
     WHERE r1 < CASE WHEN kind = 'COUNTY' THEN 0.97 ELSE 0.9 END`,
  ],
  // What shiftReportTotals leaves behind: ACCEPTED rows sum accepted figures; SUBMITTED rows sum
  // submitted ones, and stay (at 0) for every key a since-accepted or returned report once passed through.
  [
    'report_total',
    `
    INSERT INTO report_total (target_id, county_id, period_id, status, total, figures)
    SELECT f.target_id, f.county_id, r.period_id, s.status,
           coalesce(sum(f.value) FILTER (WHERE r.status = s.status), 0), count(*) FILTER (WHERE r.status = s.status)
      FROM report_figure f JOIN progress_report r ON r.id = f.report_id
     CROSS JOIN (VALUES ('SUBMITTED'), ('ACCEPTED')) s(status)
     WHERE r.status IN ('SUBMITTED', 'ACCEPTED', 'RETURNED') AND (s.status = 'SUBMITTED' OR r.status = 'ACCEPTED')
     GROUP BY f.target_id, f.county_id, r.period_id, s.status`,
  ],
];

const COUNT_SQL = `SELECT (SELECT count(*) FROM policy)::int AS policies, (SELECT count(*) FROM measure)::int AS measures,
  (SELECT count(*) FROM responsibility)::int AS responsibilities, (SELECT count(*) FROM target)::int AS targets,
  (SELECT count(*) FROM reporting_period)::int AS periods, (SELECT count(*) FROM progress_report)::int AS reports,
  (SELECT count(*) FROM report_figure)::int AS figures, (SELECT count(*) FROM report_total)::int AS report_totals,
  (SELECT json_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM progress_report GROUP BY status) s) AS statuses,
  pg_size_pretty(pg_database_size(current_database())) AS size`;

export async function seedLarge() {
  const t0 = performance.now();
  const admin = await connect(serverUrl);
  try {
    const marker = await markerOf(admin);
    if (marker.exists && marker.note.startsWith(MARKER) && process.env.BENCH_RESEED !== '1') {
      console.log(`${LARGE_DB}: reusing the complete seed (${MARKER}; BENCH_RESEED=1 rebuilds it)`);
      return { ...JSON.parse(marker.note.slice(MARKER.length)), reused: true };
    }
    // Anything else (no database, an older seed, a run cut short) starts from nothing.
    await admin.query(`DROP DATABASE IF EXISTS ${LARGE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${LARGE_DB}`);
  } finally {
    await admin.end();
  }

  const api = await startApi(LARGE_DB);
  await api.stop();
  console.log(`migrated and seeded by the API in ${api.readySeconds.toFixed(1)} s (admin password: ${ADMIN_PASSWORD})`);

  const db = await connect(dbUrl(LARGE_DB));
  try {
    await db.query(`SELECT setseed(0.2024)`);
    // Foreign keys hold by construction (every row comes from a join); skipping their per-row
    // checks makes the million-row inserts several times faster. Needs a superuser: else checks run.
    await db
      .query(`SET session_replication_role = replica`)
      .catch(() => console.log('(not a superuser: foreign keys are checked row by row)'));
    await db.query(`SET work_mem = '256MB'`);
    for (const [label, sql] of STEPS) {
      const s0 = performance.now();
      const result = await db.query(sql);
      console.log(
        `  ${label.padEnd(30)} ${String(result.rowCount).padStart(9)} rows  ${((performance.now() - s0) / 1000).toFixed(1).padStart(6)} s`,
      );
    }
    await db.query(`RESET session_replication_role`);
    const v0 = performance.now();
    // An old production database has been vacuumed and analysed by autovacuum: plans and
    // index-only scans should see what they would see there.
    await db.query(`VACUUM (ANALYZE)`);
    console.log(`  ${'VACUUM ANALYZE'.padEnd(30)} ${''.padStart(9)}       ${((performance.now() - v0) / 1000).toFixed(1).padStart(6)} s`);
    const counts = (await db.query(COUNT_SQL)).rows[0];
    counts.seedSeconds = Math.round((performance.now() - t0) / 100) / 10;
    await db.query(`COMMENT ON DATABASE ${LARGE_DB} IS '${MARKER} ${JSON.stringify(counts).replace(/'/g, "''")}'`);
    return counts;
  } finally {
    await db.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { statuses, ...counts } = await seedLarge();
  console.table([counts]);
  console.log('reports by status:', statuses);
  if (counts.reports < 100_000 || counts.figures < 1_000_000) console.warn('warning: fewer than 100,000 reports or 1,000,000 figures');
}
