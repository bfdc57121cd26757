// Helpers shared by seed-large.mjs and reports-load.mjs: where the databases are, starting and
// stopping the built API, GraphQL calls, contract operations, and /proc readings (RSS, CPU).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import pg from 'pg';

export const root = resolve(new URL('../..', import.meta.url).pathname);
export const apiMain = join(root, 'dist/apps/api/apps/api/src/main.js');
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The bench databases live on this server; the API is pointed at them by DATABASE_URL. */
export const serverUrl = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const LARGE_DB = 'luoshi_bench';
export const SMALL_DB = 'luoshi_bench_small';
export function dbUrl(name) {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}
/** The admin password the bench databases are created with (they hold synthetic data only). */
export const ADMIN_PASSWORD = 'bench-admin-password-0';
/** Bumping this makes seed-large.mjs rebuild the large database instead of reusing it. */
export const SEED_VERSION = 'luoshi-bench-seed v1';

export async function connect(url) {
  const client = new pg.Client({ connectionString: url, application_name: 'luoshi-bench' });
  await client.connect();
  return client;
}

export function requireBuiltApi() {
  if (!existsSync(apiMain)) throw new Error(`No built API at ${apiMain}: run \`npm run build\` first (npm run bench does).`);
}

async function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/**
 * Starts a built API (`main`) with `env` on a free port of 127.0.0.1 and waits for /health/ready.
 * `label` names it in errors. Returns its base URL, its output so far and a stop().
 */
export async function spawnApi({ main = apiMain, env, label, timeoutMs = 180_000 }) {
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label} exited during start:\n${log}`);
    if (
      await fetch(`${base}/health/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (performance.now() - t0 > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`${label} not ready after ${timeoutMs / 1000} s:\n${log}`);
    }
    await sleep(100);
  }
  return {
    pid: child.pid,
    base,
    readySeconds: (performance.now() - t0) / 1000,
    log: () => log,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const exited = await Promise.race([new Promise((r) => child.once('exit', () => r(true))), sleep(15_000).then(() => false)]);
      if (!exited) child.kill('SIGKILL');
    },
  };
}

/**
 * Starts main.js against `database` (it migrates and loads the notice on start) and waits for
 * /health/ready. SQL_STATS=1 so every response says how many statements it ran.
 */
export async function startApi(database, { timeoutMs = 180_000 } = {}) {
  requireBuiltApi();
  // The API runs as it is deployed (NODE_ENV=production: graphql-js skips its development checks).
  const env = { NODE_ENV: 'production', ...process.env, DATABASE_URL: dbUrl(database), ADMIN_PASSWORD, SQL_STATS: '1' };
  return { database, ...(await spawnApi({ env, label: `API on ${database}`, timeoutMs })) };
}

/** One GraphQL POST; returns the parsed body, the wall time and the X-SQL-Statements header. */
export async function gql(base, query, variables = {}, token) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const t0 = performance.now();
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  const ms = performance.now() - t0;
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: `HTTP ${res.status}: ${text.slice(0, 200)}` }] };
  }
  const statements = Number(res.headers.get('x-sql-statements') ?? NaN);
  return { status: res.status, body, ms, statements, bytes: text.length };
}

/** Like gql, but throws on any GraphQL error: for set-up steps that must work. */
export async function gqlOk(base, query, variables, token) {
  const r = await gql(base, query, variables, token);
  if (r.status !== 200 || r.body.errors)
    throw new Error(`GraphQL failed (${r.status}): ${JSON.stringify(r.body.errors ?? r.body).slice(0, 500)}`);
  return r.body.data;
}

/**
 * An operation of the public contract, verbatim (apps/api/test/contract/operations.graphql, the
 * project's copy of ../shared/contract): the bench sends what real clients send.
 */
export function contractOperation(name) {
  const text = readFileSync(join(root, 'apps/api/test/contract/operations.graphql'), 'utf8');
  const start = text.search(new RegExp(`^(query|mutation) ${name}\\b`, 'm'));
  if (start < 0) throw new Error(`operation ${name} is not in the contract`);
  let depth = 0;
  for (let i = text.indexOf('{', start); i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  throw new Error(`operation ${name}: unbalanced braces`);
}

/** Resident memory of a process in MB (VmRSS), or null once it is gone. */
export function rssMb(pid) {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
    return kb / 1024;
  } catch {
    return null;
  }
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux x86-64
/** CPU seconds (user + system) a process has used so far. */
function processCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    return (fields[11] + fields[12]) / TICKS_PER_SECOND; // utime, stime
  } catch {
    return 0;
  }
}

/**
 * CPU seconds of each PostgreSQL backend serving `database` (the process title names it:
 * "postgres: [cluster: ]user database host(port) state"), by pid. Other databases and servers on
 * the machine (test runs, an embedded PostgreSQL) are left out.
 */
function postgresCpuByPid(postmasterPid, database) {
  const title = new RegExp(`^postgres: (?:\\S+: )?\\S+ ${database} `); // Debian prefixes the cluster: "15/main: "
  const byPid = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== postmasterPid) continue;
      if (title.test(readFileSync(`/proc/${entry}/cmdline`, 'utf8'))) byPid.set(entry, processCpuSeconds(entry));
    } catch {
      /* process gone */
    }
  }
  return byPid;
}

/**
 * CPU seconds the backends used since `before` (a postgresCpuByPid result). New backends count
 * from 0; a backend that exited meanwhile (the pool closes idle connections) drops out instead of
 * making the sum go backwards: it was idle, so little is lost.
 */
function postgresCpuSince(before, postmasterPid, database) {
  let sum = 0;
  for (const [pid, seconds] of postgresCpuByPid(postmasterPid, database)) sum += seconds - (before.get(pid) ?? 0);
  return sum;
}

/** The postmaster of the server a client is connected to (it must run on this machine: 127.0.0.1). */
export async function postmasterPid(client) {
  const backend = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  return Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${backend}/status`, 'utf8'))[1]);
}

function machineBusySeconds() {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const idle = ticks[3] + ticks[4]; // idle + iowait
  return (ticks.reduce((a, b) => a + b, 0) - idle) / TICKS_PER_SECOND;
}

/**
 * Where the CPU went between start() and the returned stop(), in percent of one core: the API,
 * PostgreSQL (`pg`: { postmaster, database }), this load generator, and everything else (other processes on the machine, the
 * kernel). On a 2-core machine a load generator in the same box competes with what it measures,
 * and so does anything else that runs meanwhile: `otherPct` shows how much.
 */
export function cpuMeter(apiPid, pg) {
  const t0 = performance.now();
  const api0 = processCpuSeconds(apiPid);
  const pg0 = postgresCpuByPid(pg.postmaster, pg.database);
  const self0 = process.cpuUsage();
  const busy0 = machineBusySeconds();
  return () => {
    const wall = (performance.now() - t0) / 1000;
    const self = process.cpuUsage(self0);
    const pct = (s) => Math.round((s / wall) * 100);
    const apiPct = pct(processCpuSeconds(apiPid) - api0);
    const postgresPct = pct(postgresCpuSince(pg0, pg.postmaster, pg.database));
    const loadGenPct = pct((self.user + self.system) / 1e6);
    const busyPct = pct(machineBusySeconds() - busy0);
    return {
      apiPct,
      postgresPct,
      loadGenPct,
      otherPct: Math.max(0, busyPct - apiPct - postgresPct - loadGenPct),
      machineBusyPct: Math.round(busyPct / cores()),
    };
  };
}

/**
 * CPU seconds used between start and the returned stop() by one process (`pid`) and by PostgreSQL's
 * backends of `pg.database` (as cpuMeter, in seconds rather than percent: per-request figures).
 */
export function cpuSecondsMeter(pid, pg) {
  const t0 = performance.now();
  const server0 = processCpuSeconds(pid);
  const pg0 = postgresCpuByPid(pg.postmaster, pg.database);
  return () => ({
    wallSeconds: (performance.now() - t0) / 1000,
    serverSeconds: processCpuSeconds(pid) - server0,
    postgresSeconds: postgresCpuSince(pg0, pg.postmaster, pg.database),
  });
}

export function cores() {
  return readFileSync('/proc/cpuinfo', 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('processor')).length;
}

/** p-th percentile (0..100) of an ascending array, nearest-rank. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const round1 = (x) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : x);
