#!/usr/bin/env node
// Issue 9's figures: what hostile requests cost the server, and what they cost everyone else.
// A fresh small database; the built API in production mode. For 10 s each:
//   baseline  16 anonymous clients reading PolicyStructure (the contract's public query)
//   attacked  the same 16 clients while 8 more send refused requests (15-level nested query,
//             40 aliases, a 3 MB body) as fast as they can, and a /health/live probe every 50 ms
// then single shots: an Excel zip bomb (~40 KB unpacking to 200 MB) and a body over the limit.
// Writes tmp/bench/hostile-load.json. BENCH_API_MAIN=<main.js> runs another build; BENCH_BASELINE_ONLY=1 skips the attack.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import {
  ADMIN_PASSWORD,
  connect,
  contractOperation,
  dbUrl,
  gqlOk,
  percentile,
  requireBuiltApi,
  root,
  round1,
  serverUrl,
  sleep,
  spawnApi,
} from './bench-lib.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const DB = 'luoshi_bench_hostile';

const nested = (levels) => {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = i % 2 ? `section { measures { ${inner} } }` : `measures { section { ${inner} } }`;
  return `{ policies { sections { ${inner} } } }`;
};
const ALIASES = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: policies { id }`).join(' ')} }`;
const BIG_BODY = JSON.stringify({ query: '{ __typename }', variables: { x: 'x'.repeat(3 * 1024 * 1024) } });

const stats = (ms) => {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: round1(percentile(s, 50)), p95: round1(percentile(s, 95)), max: round1(s[s.length - 1] ?? NaN) };
};

async function timed(fn) {
  const t = performance.now();
  const r = await fn();
  return { ms: performance.now() - t, r };
}

async function run(base, { hostile }) {
  const policyQuery = contractOperation('PolicyStructure');
  const until = performance.now() + SECONDS * 1000;
  const normal = [];
  const refused = [];
  const live = [];
  let normalErrors = 0;
  let refusedWrong = 0;
  const post = (body) => fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const clients = Array.from({ length: 16 }, async () => {
    while (performance.now() < until) {
      const { ms, r } = await timed(async () => (await post(JSON.stringify({ query: policyQuery }))).json());
      if (r.errors) normalErrors++;
      normal.push(ms);
    }
  });
  const attackers = hostile
    ? Array.from({ length: 8 }, async (_, i) => {
        const body = i % 4 === 3 ? BIG_BODY : JSON.stringify({ query: i % 2 ? ALIASES : nested(15) });
        while (performance.now() < until) {
          const { ms, r } = await timed(async () => (await post(body)).status);
          if (r !== 400 && r !== 413) refusedWrong++;
          refused.push(ms);
        }
      })
    : [];
  const probe = (async () => {
    while (performance.now() < until) {
      const { ms } = await timed(() => fetch(`${base}/health/live`).then((r) => r.text()));
      live.push(ms);
      await sleep(50);
    }
  })();
  await Promise.all([...clients, ...attackers, probe]);
  return {
    normal: { ...stats(normal), reqPerSec: round1(normal.length / SECONDS), errors: normalErrors },
    ...(hostile ? { refused: { ...stats(refused), reqPerSec: round1(refused.length / SECONDS), notRefused: refusedWrong } } : {}),
    healthLive: stats(live),
  };
}

async function zipBomb() {
  const row = '<row><c t="s"><v>0</v></c><c><v>1</v></c></row>';
  const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${row.repeat((200 * 1024 * 1024) / row.length)}</sheetData></worksheet>`;
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('xl/workbook.xml', '<workbook/>');
  zip.file('xl/worksheets/sheet1.xml', sheet);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

async function main() {
  requireBuiltApi();
  const admin = await connect(serverUrl);
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const api = await spawnApi({
    main: process.env.BENCH_API_MAIN ?? undefined,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: dbUrl(DB), ADMIN_PASSWORD, DEMO_DATA: '0', SHUTDOWN_DRAIN_MS: '0' },
    label: 'API',
  });
  try {
    const token = (
      await gqlOk(api.base, 'mutation ($p: String!) { login(username: "admin", password: $p) { accessToken } }', { p: ADMIN_PASSWORD })
    ).login.accessToken;
    const baseline = await run(api.base, { hostile: false });
    // BENCH_BASELINE_ONLY=1: the normal load only (e.g. against an older build, which the attack would stall).
    if (process.env.BENCH_BASELINE_ONLY) {
      console.log(JSON.stringify({ baseline }, null, 2));
      return;
    }
    const attacked = await run(api.base, { hostile: true });

    const bomb = await zipBomb();
    const bombMs = [];
    for (let i = 0; i < 10; i++) {
      const form = new FormData();
      form.append('file', new Blob([bomb]), 'bomb.xlsx');
      const { ms, r } = await timed(
        async () =>
          (await fetch(`${api.base}/reports/import.xlsx`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } }))
            .status,
      );
      if (r !== 400) throw new Error(`zip bomb answered ${r}`);
      bombMs.push(ms);
    }
    const result = {
      when: new Date().toISOString(),
      seconds: SECONDS,
      baseline,
      attacked,
      zipBomb: { bytes: bomb.length, unpacksTo: '200 MB', ...stats(bombMs) },
    };
    mkdirSync(join(root, 'tmp/bench'), { recursive: true });
    writeFileSync(join(root, 'tmp/bench/hostile-load.json'), JSON.stringify(result, null, 2));
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await api.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
