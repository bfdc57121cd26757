// The tables and aim lines of `npm run bench -- peer` (peer.mjs), from its result object.

const SERVERS = [
  ['uncached', 'Luoshi uncached'],
  ['cached', 'Luoshi cached'],
  ['postgraphile', 'PostGraphile'],
  ['raw', 'raw floor'],
];
const AIM = { uncachedVsRaw: 0.8, cachedVsPeer: 3, cachedP95Ms: 50 };

const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2) : '—');
const runsOf = (result, round, label) =>
  Object.fromEntries(result.runs.filter((r) => r.round === round && r.case === label).map((r) => [r.server, r]));

function caseTitle(result, c) {
  const kb = result.runs.find((r) => r.case === c.label && r.server === 'uncached')?.kbPerResponse;
  const shown = result.check.answers.find((a) => a.case === c.label && (a.periodId !== null) === result.withPeriod)?.targets;
  const period = result.withPeriod ? `at ${c.period}` : 'all periods';
  return `${c.label} ${c.policy} (${shown} of its ${c.targets} targets ${period}, ${kb} KB)`;
}

/** The markdown written to stdout and tmp/bench/peer.md: one figures table and one ratio table per round, then the aims. */
export function markdown(result) {
  const out = [
    `# targetProgress: Luoshi vs PostGraphile 4.14.1 vs a raw floor (${result.at}, ${result.commit})`,
    '',
    `${result.clients} keep-alive connections, ${result.warmupSeconds} s warm-up + ${result.runSeconds} s per run, interleaved ` +
      `(per round and case: Luoshi uncached, Luoshi cached, PostGraphile, raw floor); ${result.serversKept}. ` +
      `${result.cores} cores; the load generator runs on the same machine. Luoshi pool ${result.luoshiDbPoolSize}, peers 16. ` +
      `CPU per request: the server process + every PostgreSQL backend of the bench database. ` +
      `Check: ${result.check.numbers} numbers compared, ${result.check.diffs.length} differences.`,
    '',
  ];
  for (let round = 1; round <= result.rounds; round++) {
    out.push(`## Round ${round}`, '');
    out.push(`| case | | ${SERVERS.map(([, l]) => l).join(' | ')} |`, `|---|---|${SERVERS.map(() => '---').join('|')}|`);
    for (const c of result.cases) {
      const runs = runsOf(result, round, c.label);
      const row = (name, f) =>
        `| ${name === 'req/s' ? caseTitle(result, c) : ''} | ${name} | ${SERVERS.map(([k]) => f(runs[k])).join(' | ')} |`;
      out.push(
        row('req/s', (r) => `${r.perSecond}${r.errors ? ` (${r.errors} errors)` : ''}`),
        row('p50 / p95 ms', (r) => `${r.p50} / ${r.p95}`),
        row('CPU ms/req server + pg', (r) => `${r.serverCpuMs} + ${r.postgresCpuMs}`),
        row('load avg 1 min at start', (r) => r.load1.toFixed(2)),
      );
    }
    out.push('');
    out.push(
      '| case | uncached / PostGraphile | uncached / raw | cached / PostGraphile | server CPU ms/req uncached · cached · PostGraphile · raw | load avg |',
      '|---|---|---|---|---|---|',
    );
    for (const c of result.cases) {
      const r = runsOf(result, round, c.label);
      const loads = SERVERS.map(([k]) => r[k].load1);
      out.push(
        `| ${c.label} | ${ratio(r.uncached.perSecond, r.postgraphile.perSecond)} | ${ratio(r.uncached.perSecond, r.raw.perSecond)} | ` +
          `${ratio(r.cached.perSecond, r.postgraphile.perSecond)} | ${SERVERS.map(([k]) => r[k].serverCpuMs).join(' · ')} | ` +
          `${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)} |`,
      );
    }
    out.push('');
  }
  out.push('## Aims (issue 15), every round', '', ...result.aims.map((a) => `- ${a.met ? 'AIM MET' : 'AIM MISSED'}: ${a.text}`), '');
  return out.join('\n');
}

/** The issue's aims per case, met when met in every round; the text gives each round's figures. */
export function aims(result) {
  const list = [];
  for (const c of result.cases) {
    const rounds = Array.from({ length: result.rounds }, (_, i) => runsOf(result, i + 1, c.label));
    const aim = (text, test, figures) =>
      list.push({ case: c.label, met: rounds.every(test), text: `${c.label}: ${text} (${rounds.map(figures).join('; ')})` });
    aim(
      `uncached ≥ PostGraphile and ≥ ${AIM.uncachedVsRaw} × raw floor (req/s)`,
      (r) => r.uncached.perSecond >= r.postgraphile.perSecond && r.uncached.perSecond >= AIM.uncachedVsRaw * r.raw.perSecond,
      (r) => `${r.uncached.perSecond} vs ${r.postgraphile.perSecond} and ${r.raw.perSecond}`,
    );
    aim(
      'uncached server CPU per request ≤ PostGraphile’s (ms)',
      (r) => r.uncached.serverCpuMs <= r.postgraphile.serverCpuMs,
      (r) => `${r.uncached.serverCpuMs} vs ${r.postgraphile.serverCpuMs}`,
    );
    aim(
      `cached ≥ ${AIM.cachedVsPeer} × PostGraphile (req/s) and cached p95 ≤ ${AIM.cachedP95Ms} ms`,
      (r) => r.cached.perSecond >= AIM.cachedVsPeer * r.postgraphile.perSecond && r.cached.p95 <= AIM.cachedP95Ms,
      (r) => `${r.cached.perSecond} vs ${r.postgraphile.perSecond}, p95 ${r.cached.p95}`,
    );
    aim(
      'no errors under load',
      (r) => Object.values(r).every((x) => x.errors === 0),
      (r) => `${Object.values(r).reduce((n, x) => n + x.errors, 0)} errors`,
    );
  }
  return list;
}
