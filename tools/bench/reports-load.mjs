#!/usr/bin/env node
// Load on the reports API, against the large bench database (run seed-large.mjs first):
//   - TargetProgress (the contract's query) latency and throughput at 1 and 16 clients, for the
//     Jiangmen policy and a synthetic one, with and without periodId;
//   - SQL statements per request (X-SQL-Statements) on the large database and on a small one;
//   - save + submit throughput with 16 REPORTER clients on free (measure, agency, period) slots;
//   - the API's resident memory every 500 ms, and where the CPU went (API, PostgreSQL, this
//     generator, anything else running on the machine).
// Everything runs on 127.0.0.1. Prints tables, writes tmp/bench/reports-load.json and the EXPLAIN
// ANALYZE plans of the targetProgress SQL to tmp/bench/target-progress-explain.txt.
// BENCH_QUICK=1 shortens every phase (to try the script); DB_POOL_SIZE passes through to the API.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  ADMIN_PASSWORD,
  apiMain,
  connect,
  postmasterPid,
  contractOperation,
  cores,
  cpuMeter,
  dbUrl,
  gql,
  gqlOk,
  LARGE_DB,
  percentile,
  requireBuiltApi,
  round1,
  rssMb,
  SEED_VERSION,
  serverUrl,
  SMALL_DB,
  startApi,
} from './bench-lib.mjs';

const QUICK = process.env.BENCH_QUICK === '1';
const WARMUP_MS = QUICK ? 1000 : 3000;
const MAX_REQUESTS = QUICK ? 300 : 3000; // per measured configuration
const MAX_MS = QUICK ? 4000 : 20_000; // per measured configuration, whichever comes first
const WRITE_MS = QUICK ? 5000 : 20_000;
const WRITE_CLIENTS = 16;
const AIM = { p95Ms: 20, rssMb: 500 };
const JIANGMEN = '江就辦〔2024〕1號';
let PG_PID; // the PostgreSQL server's postmaster, for its CPU share
const BENCH_TAG = '[bench-load]'; // progress text of reports this script creates, so it can remove them

const op = Object.fromEntries(
  ['TargetProgress', 'Login', 'CreateUser', 'SaveProgressReport', 'SubmitProgressReport', 'ReviewProgressReport'].map((n) => [
    n,
    contractOperation(n),
  ]),
);
// The statement the API runs, from the build under test (so an improved query is what gets explained).
const { TARGET_PROGRESS_SQL } = createRequire(import.meta.url)(join(apiMain, '../progress/progress.queries.js'));

/** Every 500 ms: the API's VmRSS and its connections' states (busy pool = all `active`). */
function startSampler(api, database) {
  const samples = [];
  let phase = 'start';
  let busy = false;
  const monitor = connect(serverUrl);
  const timer = setInterval(async () => {
    const rss = rssMb(api.pid);
    if (rss === null || busy) return;
    busy = true;
    const db = await monitor;
    const { rows } = await db.query(
      `SELECT count(*) FILTER (WHERE state = 'active')::int AS active, count(*)::int AS open FROM pg_stat_activity WHERE application_name = 'luoshi' AND datname = $1`,
      [database],
    );
    samples.push({ phase, rssMb: round1(rss), ...rows[0] });
    busy = false;
  }, 500);
  return {
    setPhase: (p) => (phase = p),
    samples,
    async stop() {
      clearInterval(timer);
      await (await monitor).end();
    },
  };
}

/**
 * Closed-loop load: `clients` workers, each sending its next request when the last one is answered,
 * until `maxRequests` were sent or `maxMs` passed. Bodies are checked for errors without parsing
 * (parsing ~200 KB answers would cost the generator more CPU than the check is worth).
 */
async function runLoad(api, { clients, maxRequests, maxMs, body }) {
  const latencies = [];
  const statements = new Set();
  let sent = 0;
  let errors = 0;
  let bytes = 0;
  const cpu = cpuMeter(api.pid, { postmaster: PG_PID, database: api.database });
  const t0 = performance.now();
  const deadline = t0 + maxMs;
  const payload = JSON.stringify(body);
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (sent < maxRequests && performance.now() < deadline) {
        sent++;
        const s = performance.now();
        const res = await fetch(`${api.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
        const text = await res.text();
        latencies.push(performance.now() - s);
        bytes += text.length;
        statements.add(Number(res.headers.get('x-sql-statements')));
        if (res.status !== 200 || text.includes('"errors":') || !text.includes('"data"')) errors++;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds: round1(seconds),
    perSecond: Math.round(latencies.length / seconds),
    p50: round1(percentile(latencies, 50)),
    p95: round1(percentile(latencies, 95)),
    p99: round1(percentile(latencies, 99)),
    max: round1(latencies.at(-1)),
    kbPerResponse: round1(bytes / latencies.length / 1024),
    statements: [...statements].sort((a, b) => a - b).join('/'),
    cpu: cpu(),
  };
}

/** Warm up at `clients`, then measure: one row of the latency table. */
async function measured(api, sampler, row, body, clients) {
  sampler?.setPhase(`warm-up ${clients}`);
  await runLoad(api, { clients, maxRequests: Infinity, maxMs: WARMUP_MS, body });
  sampler?.setPhase(`${row.request} ${clients}`);
  const r = { ...row, clients, ...(await runLoad(api, { clients, maxRequests: MAX_REQUESTS, maxMs: MAX_MS, body })) };
  console.log(
    `  ${r.database} ${r.request} ${r.policy ?? ''} ${r.periodId ?? ''} ×${clients}: p50 ${r.p50} p95 ${r.p95} p99 ${r.p99} ms, ${r.perSecond}/s, CPU api ${r.cpu.apiPct}% pg ${r.cpu.postgresPct}% gen ${r.cpu.loadGenPct}% other ${r.cpu.otherPct}%`,
  );
  return r;
}

/** The policy's latest ended period: what the dashboard shows by default (Policy.currentPeriod). */
async function policyFacts(db, where, params) {
  const { rows } = await db.query(
    `SELECT p.id, p.doc_number, cp.id AS period_id, cp.ends_on::text AS ends_on, cp.label,
            (SELECT count(*)::int FROM target t JOIN measure m ON m.id = t.measure_id WHERE m.policy_id = p.id) AS targets
       FROM policy p
       LEFT JOIN LATERAL (SELECT id, ends_on, label FROM reporting_period WHERE policy_id = p.id AND ends_on < current_date ORDER BY ends_on DESC LIMIT 1) cp ON true
      WHERE ${where}`,
    params,
  );
  return rows[0];
}

async function login(api, username, password) {
  return (await gqlOk(api.base, op.Login, { username, password })).login.accessToken;
}

/** Free (measure, agency, period) slots of the given agencies, with the targets a figure may name. */
async function freeSlots(db, agencyIds, limitPerAgency) {
  const { rows } = await db.query(
    `SELECT * FROM (
       SELECT r.agency_id, a.kind, m.id AS measure_id, p.id AS period_id,
              array(SELECT t.id FROM target t WHERE t.measure_id = m.id AND t.year = extract(year FROM p.starts_on)) AS targets,
              row_number() OVER (PARTITION BY r.agency_id ORDER BY random()) AS n
         FROM responsibility r JOIN agency a ON a.id = r.agency_id JOIN measure m ON m.id = r.measure_id JOIN reporting_period p ON p.policy_id = m.policy_id
        WHERE r.agency_id = ANY($1) AND p.starts_on <= current_date
          AND NOT EXISTS (SELECT 1 FROM progress_report x WHERE x.measure_id = m.id AND x.agency_id = r.agency_id AND x.period_id = p.id)) s
      WHERE n <= $2`,
    [agencyIds, limitPerAgency],
  );
  return rows;
}

/** A county reporter gives its own county's figures, a department every county's. */
function saveInput(slot, countyIds) {
  const counties = slot.kind === 'COUNTY' ? [slot.agency_id] : countyIds;
  return {
    measureId: slot.measure_id,
    periodId: slot.period_id,
    agencyId: slot.agency_id,
    progress: `${BENCH_TAG} 本季度組織專場招聘會3場,促成就業意向260人。`,
    problems: '崗位匹配度有待提高。',
    nextSteps: '繼續開展送崗上門活動。',
    unitStatus: 'ON_TRACK',
    values: slot.targets.flatMap((targetId) =>
      counties.map((countyId) => ({ targetId, countyId, value: 1 + Math.floor(Math.random() * 50) })),
    ),
  };
}

/** Creates one REPORTER per agency (through createUser, as the office would) and signs each in. */
async function reporters(api, adminToken, agencyIds, prefix) {
  const out = new Map();
  for (const [i, agencyId] of agencyIds.entries()) {
    const username = `${prefix}-${i}`;
    const password = `bench-reporter-${i}-password`;
    await gqlOk(api.base, op.CreateUser, { input: { username, password, role: 'REPORTER', agencyId } }, adminToken);
    out.set(agencyId, await login(api, username, password));
  }
  return out;
}

/** Removes what earlier runs' write phases added, the way the API would account for it, so runs stay comparable. */
async function removeBenchReports(db) {
  await db.query('BEGIN');
  await db.query(
    `INSERT INTO report_total (target_id, county_id, period_id, status, total, figures)
     SELECT f.target_id, f.county_id, r.period_id, r.status, -sum(f.value), -count(*)
       FROM report_figure f JOIN progress_report r ON r.id = f.report_id
      WHERE r.progress LIKE $1 AND r.status IN ('SUBMITTED', 'ACCEPTED')
      GROUP BY f.target_id, f.county_id, r.period_id, r.status ORDER BY 1, 2
     ON CONFLICT (target_id, county_id, period_id, status)
     DO UPDATE SET total = report_total.total + EXCLUDED.total, figures = report_total.figures + EXCLUDED.figures`,
    [`${BENCH_TAG}%`],
  );
  const removed = await db.query(`DELETE FROM progress_report WHERE progress LIKE $1`, [`${BENCH_TAG}%`]); // figures cascade
  await db.query(`DELETE FROM app_user WHERE username LIKE 'bench-load-%'`);
  await db.query('COMMIT');
  return removed.rowCount;
}

/** Save + submit pairs by `clients` reporters, 2 clients per agency, until time is up or slots run out. */
async function writeLoad(api, db, agencyIds, tokens) {
  const countyIds = (await db.query(`SELECT id FROM agency WHERE kind = 'COUNTY' ORDER BY region_code`)).rows.map((r) => r.id);
  const queues = new Map(agencyIds.map((a) => [a, []]));
  for (const slot of await freeSlots(db, agencyIds, 5000)) queues.get(slot.agency_id).push(slot);
  const save = [];
  const submit = [];
  const statements = { save: new Set(), saveNoFigures: new Set(), submit: new Set() };
  const errors = {};
  let pairs = 0;
  const fail = (r) => {
    const code = r.body.errors?.[0]?.extensions?.code ?? `HTTP ${r.status}`;
    errors[code] = (errors[code] ?? 0) + 1;
  };
  const cpu = cpuMeter(api.pid, { postmaster: PG_PID, database: api.database });
  const t0 = performance.now();
  const deadline = t0 + WRITE_MS;
  await Promise.all(
    Array.from({ length: WRITE_CLIENTS }, async (_, client) => {
      const agency = agencyIds[client % agencyIds.length];
      const queue = queues.get(agency);
      while (queue.length > 0 && performance.now() < deadline) {
        const slot = queue.shift(); // one JS thread: two clients of an agency never take the same slot
        const input = saveInput(slot, countyIds);
        const s = await gql(api.base, op.SaveProgressReport, { input }, tokens.get(agency));
        if (s.body.errors || s.status !== 200) {
          fail(s);
          continue;
        }
        save.push(s.ms);
        (input.values.length ? statements.save : statements.saveNoFigures).add(s.statements); // a measure without targets: no figures
        const { id, version } = s.body.data.saveProgressReport;
        const u = await gql(api.base, op.SubmitProgressReport, { id, version }, tokens.get(agency));
        if (u.body.errors || u.status !== 200) {
          fail(u);
          continue;
        }
        submit.push(u.ms);
        statements.submit.add(u.statements);
        pairs++;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const stats = (xs) => (
    xs.sort((a, b) => a - b),
    { p50: round1(percentile(xs, 50)), p95: round1(percentile(xs, 95)), p99: round1(percentile(xs, 99)) }
  );
  return {
    clients: WRITE_CLIENTS,
    agencies: agencyIds.length,
    seconds: round1(seconds),
    pairs,
    pairsPerSecond: round1(pairs / seconds),
    errors,
    saveMs: stats(save),
    submitMs: stats(submit),
    cpu: cpu(),
    statements: Object.fromEntries(Object.entries(statements).map(([k, v]) => [k, [...v].sort((a, b) => a - b).join('/')])),
  };
}

/** Sums recomputed from the figures against report_total (zero rows aside): 0 means in step. */
async function reportTotalMismatches(db) {
  const { rows } = await db.query(
    `WITH expected AS (
       SELECT f.target_id, f.county_id, r.period_id, r.status, sum(f.value) AS total, count(*)::int AS figures
         FROM report_figure f JOIN progress_report r ON r.id = f.report_id WHERE r.status IN ('SUBMITTED', 'ACCEPTED') GROUP BY 1, 2, 3, 4)
     SELECT count(*)::int AS n FROM expected e
       FULL JOIN (SELECT * FROM report_total WHERE figures <> 0 OR total <> 0) t USING (target_id, county_id, period_id, status)
      WHERE e.total IS DISTINCT FROM t.total OR e.figures IS DISTINCT FROM t.figures`,
  );
  return rows[0].n;
}

/** The API's AT_LEAST `achieved` against sums straight from the figures (no report_total). */
async function checkAchieved(api, db, policy) {
  const data = await gqlOk(api.base, op.TargetProgress, { policyId: policy.id });
  const { rows } = await db.query(
    `SELECT t.id, (SELECT coalesce(sum(f.value), 0) FROM report_figure f JOIN progress_report r ON r.id = f.report_id JOIN reporting_period p ON p.id = r.period_id
                    WHERE f.target_id = t.id AND r.status = 'ACCEPTED' AND extract(year FROM p.starts_on) = t.year)::float8 AS achieved
       FROM target t JOIN measure m ON m.id = t.measure_id WHERE m.policy_id = $1 AND t.direction = 'AT_LEAST'`,
    [policy.id],
  );
  const api_ = new Map(data.targetProgress.map((t) => [t.target.id, t.achieved]));
  const wrong = rows.filter((r) => Math.abs((api_.get(r.id) ?? NaN) - r.achieved) > 1e-6 * Math.max(1, r.achieved));
  return { checked: rows.length, wrong: wrong.length };
}

/** EXPLAIN ANALYZE of the targetProgress statement: median timings of 5 runs and the last plan. */
async function explain(db, label, policyId, endsOn) {
  const runs = [];
  let plan = '';
  for (let i = 0; i < 5; i++) {
    const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${TARGET_PROGRESS_SQL}`, [policyId, endsOn]);
    plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    runs.push({ planning: Number(/Planning Time: ([\d.]+)/.exec(plan)[1]), execution: Number(/Execution Time: ([\d.]+)/.exec(plan)[1]) });
  }
  const median = (k) => round1(runs.map((r) => r[k]).sort((a, b) => a - b)[2]);
  // EXPLAIN ANALYZE's per-node clock reads cost a lot on this VM: time the bare statement as well.
  const bare = [];
  for (let i = 0; i < 21; i++) {
    const t0 = performance.now();
    await db.query(TARGET_PROGRESS_SQL, [policyId, endsOn]);
    bare.push(performance.now() - t0);
  }
  bare.sort((a, b) => a - b);
  return {
    label,
    planningMs: median('planning'),
    executionMs: median('execution'),
    bareMedianMs: round1(bare[10]),
    jit: plan.includes('JIT:'),
    plan,
  };
}

/** The Jiangmen policy and a synthetic one of median size (by targets): the typical dashboard, not the largest. */
async function benchPolicies(db) {
  const jiangmen = await policyFacts(db, 'doc_number = $1', [JIANGMEN]);
  const bySize = (
    await db.query(`SELECT m.policy_id FROM target t JOIN measure m ON m.id = t.measure_id JOIN policy p ON p.id = m.policy_id
    WHERE p.doc_number LIKE '江合成%' GROUP BY 1 ORDER BY count(*), 1`)
  ).rows;
  const synthetic = bySize.length ? await policyFacts(db, 'p.id = $1', [bySize[Math.floor(bySize.length / 2)].policy_id]) : null;
  return { jiangmen, synthetic };
}

const tpBody = (policy, periodId) => ({ query: op.TargetProgress, variables: { policyId: policy.id, periodId } });
const tpRow = (database, policy, periodId) => ({
  database,
  request: 'targetProgress',
  policy: policy.doc_number,
  targets: policy.targets,
  periodId: periodId ? policy.label : '—',
});

/**
 * The small database: the seeded notice and a few reports made through the API. Its statement
 * counts are compared with the large database's; its Jiangmen latency shows what data size alone does.
 */
async function smallDatabase() {
  const admin = await connect(serverUrl);
  await admin.query(`DROP DATABASE IF EXISTS ${SMALL_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${SMALL_DB}`);
  const api = await startApi(SMALL_DB);
  const sampler = startSampler(api, SMALL_DB);
  const db = await connect(dbUrl(SMALL_DB));
  try {
    const { jiangmen } = await benchPolicies(db);
    const adminToken = await login(api, 'admin', ADMIN_PASSWORD);
    const agencies = (
      await db.query(`SELECT id FROM agency WHERE region_code = '440781' OR name = '市人力資源社會保障局' ORDER BY kind`)
    ).rows.map((r) => r.id);
    const tokens = await reporters(api, adminToken, agencies, 'bench-small');
    const countyIds = (await db.query(`SELECT id FROM agency WHERE kind = 'COUNTY' ORDER BY region_code`)).rows.map((r) => r.id);
    // A few reports on measures with targets (the 2024 quarters), half of them accepted by the admin.
    const slots = (await freeSlots(db, agencies, 1000)).filter((s) => s.targets.length > 0).slice(0, 6);
    const writes = { save: new Set(), submit: new Set() };
    for (const [i, slot] of slots.entries()) {
      const token = tokens.get(slot.agency_id);
      const s = await gql(api.base, op.SaveProgressReport, { input: saveInput(slot, countyIds) }, token);
      writes.save.add(s.statements);
      const { id, version } = s.body.data.saveProgressReport;
      const u = await gql(api.base, op.SubmitProgressReport, { id, version }, token);
      writes.submit.add(u.statements);
      if (i % 2 === 0)
        await gqlOk(
          api.base,
          op.ReviewProgressReport,
          { id, version: u.body.data.submitProgressReport.version, decision: 'ACCEPT' },
          adminToken,
        );
    }
    const latency = [];
    for (const periodId of [null, jiangmen.period_id]) {
      for (const clients of [1, 16])
        latency.push(await measured(api, sampler, tpRow('small', jiangmen, periodId), tpBody(jiangmen, periodId), clients));
    }
    const statements = { save: [...writes.save].join('/'), submit: [...writes.submit].join('/') };
    return { reports: slots.length, latency, statements, maxRssMb: Math.max(...sampler.samples.map((s) => s.rssMb)) };
  } finally {
    await sampler.stop();
    await api.stop();
    await db.end();
    await admin.query(`DROP DATABASE IF EXISTS ${SMALL_DB} WITH (FORCE)`);
    await admin.end();
  }
}

async function main() {
  requireBuiltApi();
  const admin = await connect(serverUrl);
  PG_PID = await postmasterPid(admin);
  const note =
    (await admin.query(`SELECT shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname = $1`, [LARGE_DB])).rows[0]
      ?.note ?? '';
  await admin.end();
  if (!new RegExp(`^${SEED_VERSION} policies=\\d+ complete `).test(note))
    throw new Error(`${LARGE_DB} is not seeded: run node tools/bench/seed-large.mjs first`);
  const seed = JSON.parse(note.slice(note.indexOf('{')));
  console.log(
    `large database: ${seed.reports} reports, ${seed.figures} figures, ${seed.policies} policies (${seed.size}); ${cores()} cores`,
  );
  const result = { at: new Date().toISOString(), quick: QUICK, cores: cores(), dbPoolSize: Number(process.env.DB_POOL_SIZE ?? 10), seed };

  console.log('small database: the notice and a few reports');
  result.small = await smallDatabase();

  console.log('large database');
  const db = await connect(dbUrl(LARGE_DB));
  const leftovers = await removeBenchReports(db);
  if (leftovers) console.log(`removed ${leftovers} reports left by an earlier run`);
  const api = await startApi(LARGE_DB);
  const sampler = startSampler(api, LARGE_DB);
  try {
    const { jiangmen, synthetic } = await benchPolicies(db);
    result.correctness = { synthetic: await checkAchieved(api, db, synthetic), jiangmen: await checkAchieved(api, db, jiangmen) };

    // The floor: a query through the same HTTP, Nest and Apollo layers that runs no SQL at all.
    result.latency = [];
    for (const clients of [1, 16])
      result.latency.push(
        await measured(api, sampler, { database: 'large', request: 'baseline { me { id } }' }, { query: '{ me { id } }' }, clients),
      );
    for (const policy of [jiangmen, synthetic]) {
      for (const periodId of [null, policy.period_id]) {
        for (const clients of [1, 16])
          result.latency.push(await measured(api, sampler, tpRow('large', policy, periodId), tpBody(policy, periodId), clients));
      }
    }

    sampler.setPhase('write');
    const adminToken = await login(api, 'admin', ADMIN_PASSWORD);
    // Four counties and the four departments with the most responsibilities: realistic contention
    // (a department's report touches every county's totals, a county's only its own).
    const agencyIds = (
      await db.query(
        `(SELECT id FROM agency WHERE kind = 'COUNTY' ORDER BY region_code LIMIT 4)
       UNION ALL (SELECT agency_id FROM responsibility r JOIN agency a ON a.id = r.agency_id WHERE a.kind = 'DEPARTMENT' GROUP BY 1 ORDER BY count(*) DESC LIMIT 4)`,
      )
    ).rows.map((r) => r.id);
    const tokens = await reporters(api, adminToken, agencyIds, 'bench-load');
    result.write = await writeLoad(api, db, agencyIds, tokens);
    console.log(
      `  save+submit ×${WRITE_CLIENTS}: ${result.write.pairs} pairs, ${result.write.pairsPerSecond}/s, errors ${JSON.stringify(result.write.errors)}`,
    );
    sampler.setPhase('after');
    result.write.reportTotalMismatches = await reportTotalMismatches(db);

    result.explain = [];
    for (const [label, policy, endsOn] of [
      ['synthetic, all periods', synthetic, null],
      [`synthetic, to ${synthetic.label}`, synthetic, synthetic.ends_on],
      [`Jiangmen, to ${jiangmen.label}`, jiangmen, jiangmen.ends_on],
      ['Jiangmen, all periods', jiangmen, null],
    ]) {
      result.explain.push(await explain(db, label, policy.id, endsOn));
    }
  } finally {
    await sampler.stop();
    await api.stop();
    result.removedBenchReports = await removeBenchReports(db);
    await db.end();
  }
  const rss = sampler.samples.map((s) => s.rssMb);
  const maxOf = (xs) => Math.max(0, ...xs);
  result.memory = {
    samples: rss.length,
    maxRssMb: maxOf(rss),
    aimMb: AIM.rssMb,
    smallMaxRssMb: result.small.maxRssMb,
    byPhase: Object.fromEntries(
      [...new Set(sampler.samples.map((s) => s.phase))].map((p) => [
        p,
        maxOf(sampler.samples.filter((s) => s.phase === p).map((s) => s.rssMb)),
      ]),
    ),
  };
  const active = (phase) => maxOf(sampler.samples.filter((s) => s.phase.startsWith(phase)).map((s) => s.active));
  result.connections = {
    poolSize: result.dbPoolSize,
    maxActiveTargetProgress16: active('targetProgress 16'),
    maxActiveWrite: active('write'),
  };
  report(result);
}

function report(result) {
  const AIM_NOTE = `aim p95 ≤ ${AIM.p95Ms} ms at 16`;
  console.log(
    `\nLatency (closed loop: each client sends its next request when answered; ms; CPU in % of one core of ${result.cores}; ${AIM_NOTE})`,
  );
  console.table(
    [...result.small.latency, ...result.latency].map((r) => ({
      db: r.database,
      request: r.request,
      policy: r.policy ?? '',
      targets: r.targets ?? '',
      periodId: r.periodId ?? '',
      clients: r.clients,
      requests: r.requests,
      errors: r.errors,
      p50: r.p50,
      p95: r.p95,
      p99: r.p99,
      'req/s': r.perSecond,
      KB: r.kbPerResponse,
      stmts: r.statements,
      'cpu api': r.cpu.apiPct,
      'cpu pg': r.cpu.postgresPct,
      'cpu gen': r.cpu.loadGenPct,
      'cpu other': r.cpu.otherPct,
      'busy %': r.cpu.machineBusyPct,
      aim: r.request === 'targetProgress' && r.clients === 16 ? (r.p95 <= AIM.p95Ms ? 'met' : 'MISSED') : '',
    })),
  );
  const stmts = (rows, policyPrefix, period) =>
    rows
      .filter(
        (r) => r.request === 'targetProgress' && r.policy.startsWith(policyPrefix) && (period ? r.periodId !== '—' : r.periodId === '—'),
      )
      .map((r) => r.statements)
      .filter((v, i, all) => all.indexOf(v) === i)
      .join(', ');
  const w = result.write;
  console.log('SQL statements per request (X-SQL-Statements; small = the notice and a few reports)');
  console.table([
    {
      request: 'targetProgress Jiangmen, no periodId',
      small: stmts(result.small.latency, '江就辦', false),
      large: stmts(result.latency, '江就辦', false),
    },
    {
      request: 'targetProgress Jiangmen, periodId',
      small: stmts(result.small.latency, '江就辦', true),
      large: stmts(result.latency, '江就辦', true),
    },
    { request: 'targetProgress synthetic, no periodId', small: '—', large: stmts(result.latency, '江合成', false) },
    { request: 'targetProgress synthetic, periodId', small: '—', large: stmts(result.latency, '江合成', true) },
    { request: 'saveProgressReport (new, with figures)', small: result.small.statements.save, large: w.statements.save },
    { request: 'saveProgressReport (new, measure without targets)', small: '—', large: w.statements.saveNoFigures },
    { request: 'submitProgressReport', small: result.small.statements.submit, large: w.statements.submit },
  ]);
  console.log('save + submit (new reports by REPORTER users, latency in ms)');
  console.table([
    {
      clients: w.clients,
      agencies: w.agencies,
      seconds: w.seconds,
      pairs: w.pairs,
      'pairs/s': w.pairsPerSecond,
      errors: JSON.stringify(w.errors),
      'save p50/p95': `${w.saveMs.p50}/${w.saveMs.p95}`,
      'submit p50/p95': `${w.submitMs.p50}/${w.submitMs.p95}`,
      'cpu api': w.cpu.apiPct,
      'cpu pg': w.cpu.postgresPct,
      'cpu gen': w.cpu.loadGenPct,
      'cpu other': w.cpu.otherPct,
      'report_total in step': w.reportTotalMismatches === 0 ? 'yes' : `NO (${w.reportTotalMismatches} keys)`,
    },
  ]);
  console.log(
    'targetProgress SQL on the large database (EXPLAIN ANALYZE: median of 5; bare: median of 21 runs from a client; plans in tmp/bench/target-progress-explain.txt)',
  );
  console.table(
    result.explain.map(({ label, planningMs, executionMs, bareMedianMs, jit }) => ({ label, planningMs, executionMs, bareMedianMs, jit })),
  );
  const m = result.memory;
  console.log(
    `API resident memory: max ${m.maxRssMb} MB over ${m.samples} samples every 500 ms (aim < ${AIM.rssMb} MB: ${m.maxRssMb < AIM.rssMb ? 'met' : 'MISSED'}); by phase ${JSON.stringify(m.byPhase)}; small-database API max ${m.smallMaxRssMb} MB`,
  );
  console.log(
    `pool: DB_POOL_SIZE ${result.connections.poolSize}; most connections active at once: ${result.connections.maxActiveTargetProgress16} (targetProgress ×16), ${result.connections.maxActiveWrite} (writes)`,
  );
  const c = result.correctness;
  console.log(
    `targetProgress achieved = sums of accepted figures: synthetic ${c.synthetic.checked - c.synthetic.wrong}/${c.synthetic.checked}, Jiangmen ${c.jiangmen.checked - c.jiangmen.wrong}/${c.jiangmen.checked} AT_LEAST targets`,
  );

  const root = new URL('../..', import.meta.url).pathname;
  mkdirSync(join(root, 'tmp/bench'), { recursive: true });
  writeFileSync(join(root, 'tmp/bench/target-progress-explain.txt'), result.explain.map((e) => `-- ${e.label}\n${e.plan}\n`).join('\n'));
  writeFileSync(
    join(root, 'tmp/bench/reports-load.json'),
    JSON.stringify({ ...result, explain: result.explain.map(({ plan: _plan, ...rest }) => rest) }, null, 2),
  );
  console.log('wrote tmp/bench/reports-load.json and tmp/bench/target-progress-explain.txt');
}

await main();
