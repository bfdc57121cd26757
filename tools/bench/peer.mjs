#!/usr/bin/env node
// `npm run bench -- peer` (issue 15): Luoshi's targetProgress against PostGraphile 4.14.1 and a raw floor on
// the large bench database (run seed-large.mjs first), the build that is checked out.
//   1. installs PostGraphile into tmp/peer/ (a scratch folder, not a project dependency) when missing;
//   2. recreates schema `peer`: Luoshi's own aggregate (TARGET_PROGRESS_SQL of dist/) as a STABLE function
//      (peer-sql.mjs);
//   3. starts four servers, kept running across rounds: Luoshi with READ_CACHE=off (uncached), Luoshi as
//      deployed (cached), PostGraphile and the raw floor (peer-server.mjs, processes of their own);
//   4. checks that the four answer the same numbers for Jiangmen and the policy with the most targets,
//      with and without a periodId (exit 1 on a difference);
//   5. interleaved load: per round, per case, each server 2 s warm-up then a measured run, 16 keep-alive
//      connections; req/s, p50, p95, CPU per request of the server and of PostgreSQL, 1-minute load average.
// Prints the ratio tables (peer-report.mjs) and writes tmp/bench/peer.md and tmp/bench/peer.json.
// BENCH_QUICK=1: 3 s runs, one round. PEER_ROUNDS (default 2) rounds of 10 s runs. The load asks for each
// case at its latest period with data (what the dashboard asks for); PEER_ALL_PERIODS=1: all periods instead.
// DB_POOL_SIZE passes through to Luoshi.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import {
  ADMIN_PASSWORD,
  apiMain,
  connect,
  contractOperation,
  cores,
  cpuSecondsMeter,
  dbUrl,
  gql,
  gqlOk,
  LARGE_DB,
  percentile,
  postmasterPid,
  requireBuiltApi,
  root,
  round1,
  SEED_VERSION,
  serverUrl,
  spawnApi,
} from './bench-lib.mjs';
import { peerSchemaSql, POSTGRAPHILE_QUERY } from './peer-sql.mjs';
import { aims, markdown } from './peer-report.mjs';

const QUICK = process.env.BENCH_QUICK === '1';
const ROUNDS = QUICK ? 1 : Number(process.env.PEER_ROUNDS ?? 2);
const RUN_MS = QUICK ? 3000 : 10_000;
const WARMUP_MS = 2000;
const CLIENTS = 16;
const WITH_PERIOD = process.env.PEER_ALL_PERIODS !== '1';
const POSTGRAPHILE_VERSION = '4.14.1';
const SCRATCH = join(root, 'tmp/peer');
const JIANGMEN = '江就辦〔2024〕1號';
const LEADER = { username: 'bench-peer-leader', password: 'Peer-bench-reading-0417' };
const op = {
  TargetProgress: contractOperation('TargetProgress'),
  Login: contractOperation('Login'),
  CreateUser: contractOperation('CreateUser'),
};

/** PostGraphile and pg (the root's version) in tmp/peer/, installed with npm's ordinary client when missing. */
function installPeer() {
  const pgVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies.pg;
  const version = (name) => {
    const file = join(SCRATCH, 'node_modules', name, 'package.json');
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : null;
  };
  if (version('postgraphile') === POSTGRAPHILE_VERSION && version('pg') === pgVersion) return;
  mkdirSync(SCRATCH, { recursive: true });
  const manifest = join(SCRATCH, 'package.json');
  if (!existsSync(manifest)) writeFileSync(manifest, JSON.stringify({ name: 'luoshi-bench-peer', private: true }, null, 2));
  const args = ['install', '--prefix', SCRATCH, '--no-audit', '--no-fund', '--save-exact'];
  console.log(`installing postgraphile@${POSTGRAPHILE_VERSION} and pg@${pgVersion} into tmp/peer/`);
  const { status } = spawnSync('npm', [...args, `postgraphile@${POSTGRAPHILE_VERSION}`, `pg@${pgVersion}`], {
    cwd: root,
    stdio: 'inherit',
  });
  if (status !== 0) throw new Error('npm install into tmp/peer failed');
}

/** Jiangmen and the policy with the most targets, each with its latest period that has submitted or accepted reports. */
async function benchCases(db) {
  const facts = async (label, policyId) => {
    const { rows } = await db.query(
      `SELECT p.id, p.doc_number,
              (SELECT count(*)::int FROM target t JOIN measure m ON m.id = t.measure_id WHERE m.policy_id = p.id) AS targets,
              lp.id AS period_id, lp.label AS period_label
         FROM policy p
         LEFT JOIN LATERAL (SELECT rp.id, rp.label FROM reporting_period rp WHERE rp.policy_id = p.id
                               AND EXISTS (SELECT 1 FROM progress_report r WHERE r.period_id = rp.id AND r.status IN ('SUBMITTED', 'ACCEPTED'))
                             ORDER BY rp.ends_on DESC LIMIT 1) lp ON true
        WHERE p.id = $1`,
      [policyId],
    );
    if (!rows[0]) throw new Error(`${label}: policy not found`);
    return { label, ...rows[0] };
  };
  const jiangmen = (await db.query('SELECT id FROM policy WHERE doc_number = $1', [JIANGMEN])).rows[0];
  if (!jiangmen) throw new Error(`${JIANGMEN} is not in ${LARGE_DB}`);
  const biggest = (
    await db.query(`SELECT m.policy_id FROM target t JOIN measure m ON m.id = t.measure_id GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`)
  ).rows[0].policy_id;
  return [await facts('Jiangmen', jiangmen.id), await facts('most targets', biggest)];
}

/** A LEADER's token (the account is created through the API, as the office would, on the first run). */
async function leaderToken(api) {
  const first = await gql(api.base, op.Login, LEADER);
  if (!first.body.errors) return first.body.data.login.accessToken;
  const admin = (await gqlOk(api.base, op.Login, { username: 'admin', password: ADMIN_PASSWORD })).login.accessToken;
  await gqlOk(api.base, op.CreateUser, { input: { ...LEADER, role: 'LEADER' } }, admin);
  return (await gqlOk(api.base, op.Login, LEADER)).login.accessToken;
}

async function startServers(pg) {
  const env = { NODE_ENV: 'production', ...process.env, DATABASE_URL: dbUrl(LARGE_DB), ADMIN_PASSWORD };
  delete env.READ_CACHE;
  delete env.SQL_STATS; // counting statements costs a little: measure the API as deployed
  const peerEnv = { ...process.env, NODE_ENV: 'production', DATABASE_URL: dbUrl(LARGE_DB), PEER_MODULES: SCRATCH };
  const peerMain = join(root, 'tools/bench/peer-server.mjs');
  const luoshiBody = (c, periodId) => ({ query: op.TargetProgress, variables: { policyId: c.id, periodId } });
  const graphileBody = (c, periodId) => ({ query: POSTGRAPHILE_QUERY, variables: { policyId: c.id, periodId } });
  const specs = [
    { key: 'uncached', label: 'Luoshi uncached', env: { ...env, READ_CACHE: 'off' }, request: luoshiBody, leader: true },
    { key: 'cached', label: 'Luoshi cached', env, request: luoshiBody, leader: true },
    { key: 'postgraphile', label: 'PostGraphile', main: peerMain, env: { ...peerEnv, PEER_KIND: 'postgraphile' }, request: graphileBody },
    { key: 'raw', label: 'raw floor', main: peerMain, env: { ...peerEnv, PEER_KIND: 'raw' }, request: luoshiBody },
  ];
  const servers = [];
  const stopAll = () => Promise.all(servers.map((s) => s.proc.stop()));
  try {
    // One at a time: two APIs migrating the same database at once would race.
    for (const spec of specs) {
      const server = { ...spec, pg, agent: new Agent({ keepAlive: true, maxSockets: CLIENTS }) };
      server.proc = await spawnApi({ main: spec.main, env: spec.env, label: spec.label });
      servers.push(server);
      const token = spec.leader ? await leaderToken(server.proc) : null;
      server.headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
    }
  } catch (e) {
    await stopAll();
    throw e;
  }
  return { servers, stopAll };
}

/** One POST on a keep-alive connection of `server`'s agent: status and the body's bytes (not parsed). */
function post(server, payload) {
  return new Promise((resolve, reject) => {
    const url = new URL('/graphql', server.proc.base);
    const req = request(
      {
        agent: server.agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { ...server.headers, 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The answer in the contract's shape, whichever server gave it (PostGraphile's rows are flat). */
function normalized(server, text) {
  const json = JSON.parse(text);
  if (json.errors || !json.data) throw new Error(`${server.label}: ${JSON.stringify(json.errors ?? json).slice(0, 500)}`);
  if (server.key !== 'postgraphile') return json.data.targetProgress;
  return json.data.targetProgress.map((t) => ({
    target: { id: t.targetId, name: t.name, unit: t.unit, targetValue: t.targetValue },
    achieved: t.achieved,
    pending: t.pending,
    percent: t.percent,
    byCounty: t.byCounty.map((b) => ({
      county: { id: b.countyId, name: b.countyName, regionCode: b.regionCode },
      quota: b.quota,
      achieved: b.achieved,
      pending: b.pending,
    })),
  }));
}

/** Differences between two answers (same targets in the same order, each county's numbers) and how many numbers were compared. */
function compare(ref, got, where) {
  const diffs = [];
  let numbers = 0;
  const same = (path, a, b) => {
    if (typeof a === 'number' || typeof b === 'number') {
      numbers++;
      if (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))) return;
    } else if (a === b) return;
    diffs.push(`${where} ${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
  };
  same('targets', ref.length, got.length);
  ref.slice(0, got.length).forEach((r, i) => {
    const g = got[i];
    for (const k of ['id', 'name', 'unit', 'targetValue']) same(`[${i}].target.${k}`, r.target[k], g.target[k]);
    for (const k of ['achieved', 'pending', 'percent']) same(`[${i}].${k}`, r[k], g[k]);
    same(`[${i}].byCounty`, r.byCounty.length, g.byCounty.length);
    r.byCounty.slice(0, g.byCounty.length).forEach((rc, j) => {
      const gc = g.byCounty[j];
      for (const k of ['id', 'name', 'regionCode']) same(`[${i}].byCounty[${j}].county.${k}`, rc.county[k], gc.county[k]);
      for (const k of ['quota', 'achieved', 'pending']) same(`[${i}].byCounty[${j}].${k}`, rc[k], gc[k]);
    });
  });
  return { numbers, diffs };
}

/** Every server's answer against Luoshi uncached's, for each case with and without its period. */
async function check(servers, cases) {
  let numbers = 0;
  const diffs = [];
  const answers = [];
  for (const c of cases) {
    for (const periodId of [null, c.period_id]) {
      const [ref, ...others] = await Promise.all(
        servers.map(async (s) => normalized(s, (await post(s, JSON.stringify(s.request(c, periodId)))).body.toString('utf8'))),
      );
      answers.push({ case: c.label, periodId, targets: ref.length, counties: ref.reduce((n, t) => n + t.byCounty.length, 0) });
      others.forEach((got, i) => {
        const r = compare(ref, got, `${c.label} ${periodId ? c.period_label : 'all periods'} ${servers[i + 1].label}:`);
        numbers += r.numbers;
        diffs.push(...r.diffs);
      });
    }
  }
  return { numbers, diffs, answers };
}

/** Closed loop: CLIENTS workers on keep-alive connections, each sending its next request when answered, for `ms`. */
async function runLoad(server, payload, ms) {
  const latencies = [];
  let errors = 0;
  let bytes = 0;
  const load1 = loadavg()[0];
  const cpu = cpuSecondsMeter(server.proc.pid, server.pg);
  const t0 = performance.now();
  const deadline = t0 + ms;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) {
        const s = performance.now();
        const { status, body } = await post(server, payload);
        latencies.push(performance.now() - s);
        bytes += body.length;
        if (status !== 200 || body.includes('"errors"')) errors++;
      }
    }),
  );
  const used = cpu();
  const n = latencies.length;
  latencies.sort((a, b) => a - b);
  return {
    requests: n,
    errors,
    seconds: round1(used.wallSeconds),
    perSecond: round1(n / used.wallSeconds),
    p50: round1(percentile(latencies, 50)),
    p95: round1(percentile(latencies, 95)),
    p99: round1(percentile(latencies, 99)),
    kbPerResponse: round1(bytes / n / 1024),
    serverCpuMs: round1((used.serverSeconds * 1000) / n),
    postgresCpuMs: round1((used.postgresSeconds * 1000) / n),
    load1: Math.round(load1 * 100) / 100,
  };
}

async function main() {
  requireBuiltApi();
  installPeer();
  const admin = await connect(serverUrl);
  const pg = { postmaster: await postmasterPid(admin), database: LARGE_DB };
  const note =
    (await admin.query(`SELECT shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname = $1`, [LARGE_DB])).rows[0]
      ?.note ?? '';
  await admin.end();
  if (!new RegExp(`^${SEED_VERSION} policies=\\d+ complete `).test(note))
    throw new Error(`${LARGE_DB} is not seeded: run node tools/bench/seed-large.mjs first`);
  const seed = JSON.parse(note.slice(note.indexOf('{')));

  // The aggregate of the build under test, as the peers serve it.
  const { TARGET_PROGRESS_SQL } = createRequire(import.meta.url)(join(apiMain, '../progress/progress.queries.js'));
  const db = await connect(dbUrl(LARGE_DB));
  const cases = await benchCases(db);
  await db.query('BEGIN');
  await db.query(peerSchemaSql(TARGET_PROGRESS_SQL));
  await db.query('COMMIT');
  await db.end();
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
  const result = {
    at: new Date().toISOString(),
    commit,
    quick: QUICK,
    rounds: ROUNDS,
    runSeconds: RUN_MS / 1000,
    warmupSeconds: WARMUP_MS / 1000,
    clients: CLIENTS,
    withPeriod: WITH_PERIOD,
    cores: cores(),
    luoshiDbPoolSize: Number(process.env.DB_POOL_SIZE ?? 10),
    seed: { reports: seed.reports, figures: seed.figures, policies: seed.policies },
    cases: cases.map((c) => ({ label: c.label, policy: c.doc_number, targets: c.targets, period: c.period_label })),
    serversKept: 'each server started once and kept running across rounds',
  };
  console.log(`large database: ${seed.reports} reports, ${seed.figures} figures, ${seed.policies} policies; ${cores()} cores; ${commit}`);

  const { servers, stopAll } = await startServers(pg);
  try {
    result.check = await check(servers, cases);
    console.log(
      `check: ${result.check.numbers} numbers compared (${servers.length - 1} servers against Luoshi uncached, ${result.check.answers.length} answers each): ${result.check.diffs.length} differences`,
    );
    if (result.check.diffs.length) {
      for (const d of result.check.diffs.slice(0, 10)) console.error(`  ${d}`);
      process.exitCode = 1;
      return;
    }
    result.runs = [];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const c of cases) {
        for (const s of servers) {
          const payload = JSON.stringify(s.request(c, WITH_PERIOD ? c.period_id : null));
          await runLoad(s, payload, WARMUP_MS);
          const r = { round, case: c.label, server: s.key, ...(await runLoad(s, payload, RUN_MS)) };
          result.runs.push(r);
          console.log(
            `  round ${round} ${c.label} ${s.label}: ${r.perSecond} req/s, p50 ${r.p50} p95 ${r.p95} ms, CPU/req server ${r.serverCpuMs} pg ${r.postgresCpuMs} ms, ${r.kbPerResponse} KB, errors ${r.errors}, load ${r.load1}`,
          );
        }
      }
    }
  } finally {
    await stopAll();
  }
  result.aims = aims(result);
  const md = markdown(result);
  console.log(`\n${md}`);
  mkdirSync(join(root, 'tmp/bench'), { recursive: true });
  writeFileSync(join(root, 'tmp/bench/peer.md'), md);
  writeFileSync(join(root, 'tmp/bench/peer.json'), JSON.stringify(result, null, 2));
  console.log('wrote tmp/bench/peer.md and tmp/bench/peer.json');
}

await main();
