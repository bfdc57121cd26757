#!/usr/bin/env node
// npm run bench: how long `npm start` takes to be ready and how much memory the idle API holds.
//   first start  = a fresh clone of HEAD (no dist/, no Nx cache, no data): build + embedded initdb + migrate + seed
//   second start = the same clone again: cached build, existing data
// The clone reuses this checkout's node_modules (npm ci is not what is measured). Writes tmp/bench/startup.json.
import { execSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(new URL('../..', import.meta.url).pathname);
const work = mkdtempSync(join(tmpdir(), 'luoshi-bench-'));
chmodSync(work, 0o755);
const clone = join(work, 'repo');
execSync(`git clone -q "${root}" "${clone}"`);
symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'));
const port = 3900 + Math.floor(Math.random() * 90);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resident memory (MB) of the API: the node process running main.js under this start. */
function apiRssMb() {
  const pids = execSync(`pgrep -f "dist/apps/api/apps/api/src/main.js" || true`).toString().trim().split('\n').filter(Boolean);
  for (const pid of pids) {
    try {
      const cwd = execSync(`readlink /proc/${pid}/cwd`).toString().trim();
      if (cwd !== clone) continue;
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
      return Math.round(kb / 1024);
    } catch {
      /* process gone */
    }
  }
  return null;
}

async function start(label) {
  const t0 = performance.now();
  const env = { ...process.env, PORT: String(port), DATA_DIR: join(work, 'data'), NX_DAEMON: 'false' };
  delete env.DATABASE_URL;
  delete env.ADMIN_PASSWORD;
  const child = spawn('npm', ['start'], { cwd: clone, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label}: npm start exited\n${log}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (performance.now() - t0 > 300_000) throw new Error(`${label}: not ready after 300 s\n${log}`);
    await sleep(100);
  }
  const seconds = (performance.now() - t0) / 1000;
  // A few requests as a user's first visit would make, then idle before reading memory.
  for (let i = 0; i < 20; i++) {
    await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ policies { measures { seq responsibilities { agency { name } } targets { name quotas { quota } } } } }',
      }),
    });
  }
  await sleep(5000);
  const rssMb = apiRssMb();
  process.kill(-child.pid, 'SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await sleep(500);
  return { label, seconds: Number(seconds.toFixed(1)), idleRssMb: rssMb };
}

try {
  const results = [await start('first start (fresh clone: build + initdb)'), await start('second start (same data, cached build)')];
  console.table(results);
  mkdirSync(join(root, 'tmp/bench'), { recursive: true });
  writeFileSync(join(root, 'tmp/bench/startup.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
} finally {
  rmSync(work, { recursive: true, force: true });
}
