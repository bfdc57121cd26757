import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DefinitionNode, FragmentDefinitionNode, OperationDefinitionNode, parse, print, visit } from 'graphql';
import { createScratchDatabase } from '../src/database/scratch-database';
import { TestServer } from './support/test-server';
import { countyId, loadVariantNotice, PolicyIds, REVIEW, ReportRef, SAVE, signedInUser, SUBMIT } from './support/fixtures';
import { acceptReport, ADD_ITEM, OPEN_REVIEW, RATE } from './support/supervision-fixtures';
import { IMPORT, simplifiedNotice } from './support/notice-fixtures';

/**
 * SQL statements per request for every query the web app sends, as the role that sends it, on a policy with
 * reports and a supervision review. Each count must stay within its budget (page-statements.budgets.json): a
 * refactoring may lower a count, never raise it. The measured table goes to tmp/page-statements.json.
 */
const TAISHAN = countyId('440781');
const webRoot = join(__dirname, '../../web/src');

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return graphqlFiles(path);
    return name.endsWith('.graphql') ? [path] : [];
  });
}

/** Each web query by name, printed with the fragments it spreads (as the generated client sends it). */
function webQueries(): Map<string, string> {
  const definitions: DefinitionNode[] = graphqlFiles(webRoot).flatMap((f) => parse(readFileSync(f, 'utf8')).definitions);
  const fragments = new Map(
    definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]),
  );
  const withFragments = (op: OperationDefinitionNode) => {
    const needed = new Set<string>();
    const walk = (node: DefinitionNode) =>
      visit(node, {
        FragmentSpread(spread) {
          if (needed.has(spread.name.value)) return;
          needed.add(spread.name.value);
          walk(fragments.get(spread.name.value)!);
        },
      });
    walk(op);
    return [print(op), ...[...needed].map((n) => print(fragments.get(n)!))].join('\n');
  };
  return new Map(
    definitions
      .filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition' && d.operation === 'query')
      .map((d) => [d.name!.value, withFragments(d)]),
  );
}

/** Counts above their budget (or without one); writes this part of the table to tmp/page-statements-<part>.json. */
function overBudget(measured: Record<string, number>, part: string) {
  const out = join(__dirname, '../../../tmp');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `page-statements-${part}.json`), JSON.stringify(measured, null, 2) + '\n');
  const budgets = JSON.parse(readFileSync(join(__dirname, 'page-statements.budgets.json'), 'utf8')) as Record<string, number>;
  return Object.entries(measured)
    .filter(([key, count]) => !(key in budgets) || count > budgets[key])
    .map(([key, count]) => ({ key, count, budget: budgets[key] }));
}

describe('SQL statements per request of every web query', () => {
  let server: TestServer;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let p: PolicyIds;
  const tokens: Record<string, string> = {};
  let reportId: string;
  let reviewId: string;

  beforeAll(async () => {
    // A database of its own: a list's count depends on what it holds (an empty list runs no loaders), and the
    // shared test database holds whatever other files left there by then. Here the rows are this file's.
    scratch = await createScratchDatabase(process.env.TEST_SERVER_URL as string, 'luoshi_budgets');
    const shared = process.env.TEST_DATABASE_URL;
    process.env.TEST_DATABASE_URL = scratch.url;
    try {
      server = await TestServer.start({ countStatements: true });
    } finally {
      process.env.TEST_DATABASE_URL = shared;
    }
    p = await loadVariantNotice(server.dataSource, 1501);
    tokens.ADMIN = await server.adminToken();
    tokens.OFFICE = await signedInUser(server, tokens.ADMIN, 'OFFICE');
    tokens.LEADER = await signedInUser(server, tokens.ADMIN, 'LEADER');
    tokens.REPORTER = await signedInUser(server, tokens.ADMIN, 'REPORTER', TAISHAN);
    const reporting = { reporter: tokens.REPORTER, office: tokens.OFFICE };
    reportId = await acceptReport(server, p, reporting, {
      agencyId: TAISHAN,
      seq: 7,
      period: '2024Q4',
      values: [[p.target(7, '見習崗位'), TAISHAN, 300]],
    });
    await acceptReport(server, p, reporting, {
      agencyId: TAISHAN,
      seq: 11,
      period: '2024Q3',
      values: [[p.target(11, '公益性崗位'), TAISHAN, 40]],
    });
    // Lists that are empty run fewer statements (no rows, no loaders): this file has rows of its own in each,
    // so that its counts do not depend on what other files left in the shared database.
    const pending = { ...reporting, office: '' };
    const submitted = await server.ok<{ saveProgressReport: ReportRef }>(
      SAVE,
      {
        input: {
          measureId: p.measure(11),
          periodId: p.period('2024Q4'),
          agencyId: TAISHAN,
          progress: '进展',
          unitStatus: 'ON_TRACK',
          values: [{ targetId: p.target(11, '公益性崗位'), countyId: TAISHAN, value: 20 }],
        },
      },
      pending.reporter,
    );
    await server.ok(SUBMIT, { id: submitted.saveProgressReport.id, version: submitted.saveProgressReport.version }, pending.reporter);
    await server.ok(IMPORT, { text: simplifiedNotice().text }, tokens.ADMIN);
    reviewId = (
      await server.ok<{ openSupervisionReview: { id: string } }>(OPEN_REVIEW, { p: p.policyId, period: p.period('2024Q4') }, tokens.OFFICE)
    ).openSupervisionReview.id;
    await server.ok(
      ADD_ITEM,
      { input: { reviewId, measureId: p.measure(7), agencyId: TAISHAN, request: '补充台账', dueOn: '2099-01-31' } },
      tokens.OFFICE,
    );
  });
  afterAll(async () => {
    await server?.close();
    await scratch?.drop();
  });

  it('stays within each query’s budget', async () => {
    const queries = webQueries();
    const period = p.period('2024Q4');
    const target = p.target(7, '見習崗位');
    // [query, role, variables]: what each page asks first, as the role that opens it.
    const requests: [string, string, Record<string, unknown>][] = [
      ['Me', 'REPORTER', {}],
      ['PolicyChoices', 'LEADER', {}],
      ['PolicyStructure', 'LEADER', { id: p.policyId }],
      ['Portfolio', 'LEADER', {}],
      ['DashboardPolicy', 'LEADER', { policyId: p.policyId }],
      ['DashboardEntry', 'LEADER', {}],
      ['DashboardFirstView', 'LEADER', { policyId: p.policyId, periodId: period, withTexts: true }],
      ['DashboardOverview', 'LEADER', { policyId: p.policyId, periodId: period }],
      ['DashboardOverview', 'LEADER', { policyId: p.policyId, periodId: period, countyId: TAISHAN }],
      ['DashboardCounties', 'LEADER', { policyId: p.policyId, periodId: period }],
      ['DashboardTrend', 'LEADER', { policyId: p.policyId }],
      ['FigureSources', 'LEADER', { targetId: target, periodId: period }],
      ['DashboardCountyList', 'LEADER', {}],
      ['SimplifiedTexts', 'LEADER', { policyId: p.policyId }],
      ['MeasureDetail', 'LEADER', { policyId: p.policyId, periodId: period, measureId: p.measure(7) }],
      ['ReportingQuarters', 'REPORTER', {}],
      ['ReportTasks', 'REPORTER', { quarter: '2024Q4' }],
      ['ReportForm', 'REPORTER', { quarter: '2024Q4' }],
      ['LatestReport', 'REPORTER', { id: reportId }],
      ['ReportDetail', 'REPORTER', { id: reportId }],
      ['FormReportAttachments', 'REPORTER', { id: reportId }],
      ['UnreadNoticeCount', 'REPORTER', {}],
      ['MyNotices', 'REPORTER', { limit: 20 }],
      ['ReviewQueue', 'OFFICE', {}],
      ['ReviewQueue', 'OFFICE', { policyId: p.policyId }],
      ['ListFilterOptions', 'OFFICE', {}],
      ['SupervisionPolicy', 'OFFICE', { policyId: p.policyId }],
      ['SupervisionReviews', 'OFFICE', { policyId: p.policyId }],
      ['SupervisionReview', 'OFFICE', { id: reviewId }],
      ['SupervisionItems', 'OFFICE', { reviewId }],
      ['ChaseDeliveries', 'OFFICE', { limit: 50 }],
      ['ChasingWebhooks', 'ADMIN', {}],
      ['AdminUsers', 'ADMIN', {}],
      ['AccountAgencies', 'ADMIN', {}],
      ['UnitAccountPolicies', 'ADMIN', {}],
      ['AuditRecords', 'ADMIN', { first: 20 }],
      ['AuditFilterOptions', 'ADMIN', {}],
      ['AdminNoticeList', 'ADMIN', {}],
      ['AdminPeriodPolicies', 'ADMIN', {}],
      ['AdminPeriodSettings', 'ADMIN', { policyId: p.policyId }],
      ['AdminQuotaPolicies', 'ADMIN', {}],
      ['AdminQuotaTable', 'ADMIN', { targetId: target }],
      ['AgencyStats', 'ADMIN', {}],
    ];
    const measured: Record<string, number> = {};
    for (const [name, role, variables] of requests) {
      const query = queries.get(name);
      if (!query) throw new Error(`the web app has no query ${name}`);
      const key = Object.keys(variables).length ? `${name}(${Object.keys(variables).join(',')})` : name;
      measured[key] = await server.statements(query, variables, tokens[role]);
    }
    expect(overBudget(measured, 'queries')).toEqual([]);
  });

  it('keeps the writes a reporter and the office make every quarter within budget', async () => {
    const measured: Record<string, number> = {};
    const count = async (key: string, query: string, variables: Record<string, unknown>, role: string) => {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[role]}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data: Record<string, ReportRef>; errors?: unknown[] };
      if (body.errors?.length) throw new Error(`${key}: ${JSON.stringify(body.errors)}`);
      measured[key] = Number(res.headers.get('x-sql-statements'));
      return Object.values(body.data)[0];
    };
    const input = {
      measureId: p.measure(7),
      periodId: p.period('2024Q3'),
      agencyId: TAISHAN,
      progress: '进展',
      unitStatus: 'ON_TRACK',
      values: [{ targetId: p.target(7, '見習崗位'), countyId: TAISHAN, value: 120 }],
    };
    const saved = await count('saveProgressReport', SAVE, { input }, 'REPORTER');
    const submitted = await count('submitProgressReport', SUBMIT, { id: saved.id, version: saved.version }, 'REPORTER');
    await count('reviewProgressReport', REVIEW, { id: saved.id, version: submitted.version, decision: 'ACCEPT' }, 'OFFICE');
    await count('rateMeasure', RATE, { r: reviewId, m: p.measure(7), rating: 'YELLOW', reason: '台账不全' }, 'OFFICE');
    expect(overBudget(measured, 'writes')).toEqual([]);
  });
});
