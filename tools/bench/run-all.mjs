#!/usr/bin/env node
// npm run bench: every benchmark in turn, stopping at the first that fails.
//   startup.mjs      start-up time and idle memory of a fresh clone (builds in its own clone)
//   npm run build    this checkout's API and web app, which the next ones run (Nx cache: quick when unchanged)
//   seed-large.mjs   the large database (reused when a complete seed is there)
//   reports-load.mjs targetProgress latency, statements per request, save + submit, memory
//   overview-load.mjs the leaders' dashboard queries (policyOverview, targetTrend) at 1 and 16 clients
//   hostile-load.mjs refused hostile requests (deep, aliased, oversized, zip bomb) and what they cost other clients
//   peer.mjs         targetProgress against PostGraphile 4.14.1 and a raw floor, same SQL and data (issue 15)
//   first-paint.mjs  headless chromium: first chart painted on /dashboard (demo data), JS the overview loads
// `npm run bench -- peer` runs only the build, the seed and peer.mjs.
// Results go to tmp/bench/. Not part of CI: it takes several minutes and wants a quiet machine.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(new URL('../..', import.meta.url).pathname);
const build = [
  ['npm', ['run', 'build']],
  [process.execPath, ['tools/bench/seed-large.mjs']],
];
const peer = [process.execPath, ['tools/bench/peer.mjs']];
const modes = {
  all: [
    [process.execPath, ['tools/bench/startup.mjs']],
    ...build,
    [process.execPath, ['tools/bench/reports-load.mjs']],
    [process.execPath, ['tools/bench/overview-load.mjs']],
    [process.execPath, ['tools/bench/hostile-load.mjs']],
    peer,
    // Last: it needs only the build, and a browser figure over its limit should not hide the query figures.
    [process.execPath, ['tools/bench/first-paint.mjs']],
  ],
  peer: [...build, peer],
};
const mode = process.argv[2] ?? 'all';
const steps = modes[mode];
if (!steps) {
  console.error(`usage: npm run bench [-- ${Object.keys(modes).join('|')}]`);
  process.exit(2);
}
for (const [command, args] of steps) {
  const label = [command === process.execPath ? 'node' : command, ...args].join(' ');
  console.log(`\n== ${label}`);
  const t0 = performance.now();
  const { status, signal } = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (status !== 0) {
    console.error(`== ${label} failed (${signal ?? `exit ${status}`})`);
    process.exit(status || 1);
  }
  console.log(`== ${label}: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
