#!/usr/bin/env node
// The leaders' dashboard on the large benchmark database: policyOverview and targetTrend for the
// Jiangmen policy, and the portfolio of every policy, at 1 and 16 clients (issue 4's aim: p95 <= 50 ms at 16 clients).
// Needs `node tools/bench/seed-large.mjs` first (npm run bench does it). Writes tmp/bench/overview-load.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_PASSWORD, gqlOk, LARGE_DB, percentile, root, rssMb, startApi } from './bench-lib.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 600);
const PORTFOLIO_REQUESTS = Number(process.env.BENCH_PORTFOLIO_REQUESTS ?? 5);
const ONLY_PORTFOLIO = process.env.BENCH_ONLY_PORTFOLIO === '1';

async function load(base, query, variables, token, clients, requests = REQUESTS, vary = null) {
  const latencies = [];
  let statements = null;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < requests) {
        next++;
        const t = performance.now();
        const res = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          // vary(): the variables of each request (the uncached portfolio: a new asOf each time).
          body: JSON.stringify({ query, variables: vary ? vary() : variables }),
        });
        const body = await res.json();
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        latencies.push(performance.now() - t);
        statements = res.headers.get('x-sql-statements');
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const ms = (p) => Number(percentile(latencies, p).toFixed(1));
  return {
    clients,
    requests: latencies.length,
    perSecond: Math.round(latencies.length / seconds),
    p50: ms(50),
    p95: ms(95),
    p99: ms(99),
    statements,
  };
}

const api = await startApi(LARGE_DB);
try {
  const { login } = await gqlOk(api.base, `mutation ($p: String!) { login(username: "admin", password: $p) { accessToken } }`, {
    p: ADMIN_PASSWORD,
  });
  const token = login.accessToken;
  const { policies } = await gqlOk(api.base, `{ policies { id docNumber periods { id label } } }`);
  const jiangmen = policies.find((p) => p.docNumber === '江就辦〔2024〕1號');
  const period = jiangmen.periods.find((p) => p.label === '2024Q4');
  const overview = `query ($p: ID!, $period: ID!) { policyOverview(policyId: $p, periodId: $period) { hasReports
    targets { target { name } achieved pending percent expectedShare rating }
    measures { measure { seq } rating missing lastReportAt units { agency { name } state onTime overdue unitStatus } }
    compliance { agency { name } onTime late missing total onTimeRate } } }`;
  const trend = `query ($p: ID!) { targetTrend(policyId: $p) { target { name } points { period { label } achieved cumulative expected } } }`;
  // The leaders' portfolio: every published policy (121 here) and both roll-ups, as /portfolio asks.
  const portfolio = `query ($asOf: String) { policyPortfolio(asOf: $asOf) { policy { id } period { label } timeElapsed completion lights { green yellow red noData } lateUnits { id } openItems attention }
    countyPortfolio(asOf: $asOf) { county { id } lights { red } lateReports } unitCompliance(asOf: $asOf) { agency { id } due onTime late missing } }`;
  const rows = [];
  for (const [name, query, variables] of ONLY_PORTFOLIO
    ? []
    : [
        ['policyOverview', overview, { p: jiangmen.id, period: period.id }],
        ['targetTrend', trend, { p: jiangmen.id }],
      ]) {
    await load(api.base, query, variables, token, 4); // warm-up
    for (const clients of [1, 16]) rows.push({ request: name, ...(await load(api.base, query, variables, token, clients)) });
  }
  // The portfolio on 121 policies (see README, Benchmarks). Uncached: each request asks for another
  // day (asOf), so each computes; a few requests, they take a second or more. Cached: the same day again.
  const day = (i) => ({ asOf: new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10) });
  let days = 0;
  const uncached = () => day(days++);
  await load(api.base, portfolio, {}, token, 1, 1, uncached);
  for (const clients of [1, 4])
    rows.push({
      request: 'portfolio uncached',
      ...(await load(api.base, portfolio, {}, token, clients, PORTFOLIO_REQUESTS * clients, uncached)),
    });
  for (const clients of [1, 4])
    rows.push({ request: 'portfolio cached', ...(await load(api.base, portfolio, { asOf: '2025-01-01' }, token, clients, REQUESTS)) });
  const memory = rssMb(api.pid);
  console.table(rows);
  console.log(`API RSS after: ${memory} MB`);
  mkdirSync(join(root, 'tmp/bench'), { recursive: true });
  writeFileSync(join(root, 'tmp/bench/overview-load.json'), JSON.stringify({ at: new Date().toISOString(), rows, rssMb: memory }, null, 2));
} finally {
  await api.stop();
}
