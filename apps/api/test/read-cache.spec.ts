import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, isObjectType } from 'graphql';
import { Agency } from '../src/policy/agency.entity';
import { AnswerCache, requestKey } from '../src/read-cache/answer-cache';
import { Target } from '../src/policy/target.entity';
import { codeOf, TestServer } from './support/test-server';
import { countyId, loadVariantNotice, PolicyIds, REVIEW, ReportRef, SAVE, signedInUser, SUBMIT, TARGET_PROGRESS } from './support/fixtures';

/**
 * targetProgress as issue 15 serves it: one statement when computed, and a repeated read answered from
 * the answer cache after one statement (the session and the data version together), never stale, on
 * any replica (two servers on one database), per kind of viewer.
 */
describe('targetProgress: one statement, and the answer cache (issue 15)', () => {
  let a: TestServer; // replica A counts statements
  let b: TestServer;
  let p: PolicyIds;
  let admin: string, office: string, leader: string, reporter: string;
  const COUNTY = countyId('440781');

  beforeAll(async () => {
    a = await TestServer.start({ countStatements: true });
    b = await TestServer.start();
    p = await loadVariantNotice(a.dataSource, 1841);
    admin = await a.adminToken();
    office = await signedInUser(a, admin, 'OFFICE');
    leader = await signedInUser(a, admin, 'LEADER');
    reporter = await signedInUser(a, admin, 'REPORTER', COUNTY);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  async function raw(server: TestServer, variables: Record<string, unknown>, token?: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query: TARGET_PROGRESS, variables }),
    });
    return {
      status: res.status,
      text: await res.text(),
      statements: Number(res.headers.get('x-sql-statements')),
      type: res.headers.get('content-type'),
      encoding: res.headers.get('content-encoding'),
    };
  }
  const internships = (text: string) =>
    (
      JSON.parse(text) as { data: { targetProgress: { target: { id: string }; pending: number; achieved: number }[] } }
    ).data.targetProgress.find((t) => t.target.id === p.target(7, '見習崗位'))!;

  async function acceptOne(label: string, value: number) {
    const input = {
      measureId: p.measure(7),
      periodId: p.period(label),
      agencyId: COUNTY,
      progress: label,
      values: [{ targetId: p.target(7, '見習崗位'), countyId: COUNTY, value }],
    };
    const saved = (await a.ok<{ saveProgressReport: ReportRef }>(SAVE, { input }, reporter)).saveProgressReport;
    const submitted = (await b.ok<{ submitProgressReport: ReportRef }>(SUBMIT, { id: saved.id, version: saved.version }, reporter))
      .submitProgressReport;
    return { id: saved.id, version: submitted.version };
  }

  it('computes in two statements (data version, then the answer) and answers a repeat in one, with the same bytes', async () => {
    const vars = { policyId: p.policyId, periodId: p.period('2025Q1') };
    const first = await raw(a, vars);
    const again = await raw(a, vars);
    expect(JSON.parse(first.text).errors).toBeUndefined();
    expect(first.statements).toBe(2);
    expect(again.statements).toBe(1);
    expect(again.text).toBe(first.text);
    expect(again.type).toBe(first.type);
    // Compressed once and kept: the same JSON whichever encoding the client takes.
    for (const encoding of ['gzip', 'br', 'gzip']) {
      const compressed = await raw(a, vars, undefined, { 'accept-encoding': encoding });
      expect(compressed).toMatchObject({ text: first.text, statements: 1, encoding });
    }
    // Signed in: the session is checked in that same one statement.
    await raw(a, vars, leader);
    const signedIn = await raw(a, vars, leader);
    expect(signedIn.statements).toBe(1);
    expect(signedIn.text).toBe(first.text);
  });

  it('is never stale: a submit on B and an accept on A show at once on both replicas', async () => {
    const vars = { policyId: p.policyId, periodId: p.period('2024Q4') };
    for (const server of [a, b, a, b]) await raw(server, vars, leader); // both caches hold the answer
    const before = internships((await raw(a, vars, leader)).text);
    const report = await acceptOne('2024Q4', 17);
    for (const server of [a, b]) expect(internships((await raw(server, vars, leader)).text).pending).toBe(before.pending + 17);
    await b.ok(REVIEW, { id: report.id, version: report.version, decision: 'ACCEPT' }, office);
    // After a write, signed in: the middleware's one check (session + version), then the answer's one statement.
    expect((await raw(a, vars, leader)).statements).toBe(2);
    expect((await raw(a, vars, leader)).statements).toBe(1);
    for (const server of [a, b]) {
      const now = internships((await raw(server, vars, leader)).text);
      expect(now).toMatchObject({ pending: before.pending, achieved: before.achieved + 17 });
    }
  });

  it('keeps answers per kind of viewer: a withdrawn policy is NOT_FOUND to everyone but the office at once', async () => {
    const draft = await loadVariantNotice(a.dataSource, 1842);
    const vars = { policyId: draft.policyId, periodId: null };
    for (const token of [undefined, leader, office, undefined, leader, office]) expect((await raw(b, vars, token)).status).toBe(200);
    // Back to DRAFT (as withdrawing a notice would): the policy row raises its data version.
    await a.dataSource.query(`UPDATE policy SET status = 'DRAFT' WHERE id = $1`, [draft.policyId]);
    for (const token of [undefined, leader]) expect(codeOf(JSON.parse((await raw(b, vars, token)).text))).toBe('NOT_FOUND');
    expect(JSON.parse((await raw(b, vars, office)).text).data.targetProgress.length).toBeGreaterThan(0);
  });

  it('refuses an ended session at once on the other replica, though its answer is kept', async () => {
    const token = await signedInUser(a, admin, 'LEADER');
    const vars = { policyId: p.policyId, periodId: p.period('2025Q2') };
    await raw(b, vars, token);
    expect((await raw(b, vars, token)).status).toBe(200);
    await a.ok(`mutation { logout }`, {}, token);
    expect(codeOf(JSON.parse((await raw(b, vars, token)).text))).toBe('UNAUTHENTICATED');
    expect(codeOf(JSON.parse((await raw(b, vars, 'not-a-token')).text))).toBe('UNAUTHENTICATED');
  });

  it('leaves other content types to Apollo', async () => {
    const vars = { policyId: p.policyId, periodId: p.period('2025Q2') };
    await raw(a, vars);
    const other = await raw(a, vars, undefined, { accept: 'application/graphql-response+json' });
    expect(other.type).toContain('application/graphql-response+json');
  });

  it('builds the entities as JSON with every column of Target and Agency (they stand in for loaded entities)', async () => {
    const query = `query ($p: ID!) { targetProgress(policyId: $p) {
      target { id name unit targetValue direction year sourcePhrase trajectory everyYear version span { start end } quotas { quota } }
      byCounty { county { id name nameSimplified shortName kind regionCode active createdByImport mergedInto { id } } } } }`;
    const data = await a.ok<{ targetProgress: { target: { id: string; year: number } }[] }>(query, { p: p.policyId }, office);
    expect(data.targetProgress.length).toBeGreaterThan(0);
    const [row]: { target: Record<string, unknown>; county: Record<string, unknown> }[] = await a.dataSource.query(
      `SELECT ${(await import('../src/policy/policy-for-progress.queries')).TARGET_AS_JSON} AS target,
              ${(await import('../src/policy/policy-for-progress.queries')).AGENCY_AS_JSON} AS county
         FROM target t, agency a WHERE t.id = $1 AND a.id = $2`,
      [p.target(7, '見習崗位'), COUNTY],
    );
    const columns = (entity: object) =>
      a.dataSource
        .getMetadata(entity as never)
        .columns.map((c) => c.propertyName)
        .sort();
    expect(Object.keys(row.target).sort()).toEqual(columns(Target));
    expect(Object.keys(row.county).sort()).toEqual(columns(Agency));
  });

  it('reaches only types whose rows raise the policy’s or the counties’ data version (what the cache declares)', () => {
    const schema = buildSchema(readFileSync(join(__dirname, '../schema.gql'), 'utf8'));
    const reachedFrom = (root: string) => {
      const reached = new Set<string>();
      const walk = (name: string) => {
        const type = schema.getType(name);
        if (!isObjectType(type) || reached.has(name)) return;
        reached.add(name);
        for (const field of Object.values(type.getFields())) walk(getNamedType(field.type).name);
      };
      walk(root);
      return [...reached].sort();
    };
    // A new field that reaches further must be checked against the scopes the resolvers declare (the policy and
    // 'all': progress.resolver.ts, dashboard.resolver.ts) before these lists grow. Sections change only with the
    // policy row (import, deleting a draft); a period, the only way into an overview, exists once it is published.
    expect(reachedFrom('TargetProgress')).toEqual(['Agency', 'CountyProgress', 'CountyQuota', 'Target', 'TargetProgress', 'TextSpan']);
    expect(reachedFrom('TargetTrend')).toEqual([
      'Agency',
      'CountyQuota',
      'ReportingPeriod',
      'Target',
      'TargetTrend',
      'TextSpan',
      'TrendPoint',
    ]);
    expect(reachedFrom('PolicyOverview')).toEqual([
      'Agency',
      'CountyQuota',
      'Measure',
      'MeasureStatus',
      'PolicyOverview',
      'ReportingPeriod',
      'Responsibility',
      'Section',
      'Target',
      'TargetCard',
      'TextSpan',
      'UnitCompliance',
      'UnitReportStatus',
    ]);
  });

  it('serves a repeated targetTrend in one statement, and a new accepted figure at once', async () => {
    const query = `query ($p: ID!) { targetTrend(policyId: $p) { target { id } points { period { label } achieved cumulative } } }`;
    const post = async () => {
      const res = await fetch(`${a.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${leader}` },
        body: JSON.stringify({ query, variables: { p: p.policyId } }),
      });
      const text = await res.text();
      const trend = JSON.parse(text).data.targetTrend as {
        target: { id: string };
        points: { period: { label: string }; achieved: number }[];
      }[];
      const point = trend.find((t) => t.target.id === p.target(7, '見習崗位'))!.points.find((x) => x.period.label === '2024Q3')!;
      return { text, achieved: point.achieved, statements: Number(res.headers.get('x-sql-statements')) };
    };
    const first = await post();
    const again = await post();
    expect(again).toEqual({ ...first, statements: 1 });
    const report = await acceptOne('2024Q3', 5);
    await b.ok(REVIEW, { id: report.id, version: report.version, decision: 'ACCEPT' }, office);
    expect((await post()).achieved).toBe(first.achieved + 5);
  });

  it('serves a repeated policyOverview in one statement, and not once the clock has passed what the answer depends on', async () => {
    const query = `query ($p: ID!, $period: ID!) { policyOverview(policyId: $p, periodId: $period) {
      targets { target { name } achieved rating } measures { measure { seq } rating missing units { agency { name } overdue } }
      compliance { agency { name } onTime late } } }`;
    const vars = { p: p.policyId, period: p.period('2025Q1') };
    const post = async () => {
      const res = await fetch(`${a.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${leader}` },
        body: JSON.stringify({ query, variables: vars }),
      });
      return { text: await res.text(), statements: Number(res.headers.get('x-sql-statements')) };
    };
    const first = await post();
    expect(JSON.parse(first.text).errors).toBeUndefined();
    const again = await post();
    expect(again).toEqual({ text: first.text, statements: 1 });
    // As if the next due date had just passed: the kept answer no longer holds, Apollo computes.
    const cache = a.resolve(AnswerCache);
    const key = requestKey({ query, variables: vars })!;
    for (const answer of cache.answersTo(key)!.values()) answer.validUntil = Date.now() / 1000 - 1;
    expect((await post()).statements).toBeGreaterThan(1);
  });
});
