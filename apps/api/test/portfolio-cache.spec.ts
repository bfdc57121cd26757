import { TestServer } from './support/test-server';
import { countyId, departmentId, loadVariantNotice, PolicyIds, signedInUser } from './support/fixtures';
import { acceptReport } from './support/supervision-fixtures';
import { PortfolioCache } from '../src/portfolio/portfolio-cache';

const TAISHAN = countyId('440781');
const HRSS = departmentId('市人力資源社會保障局');
const AS_OF = '2024-10-15';

const PORTFOLIO = `query ($asOf: String) {
  policyPortfolio(asOf: $asOf) { policy { id } period { label } completion lights { green yellow red noData } lateUnits { id } openItems attention }
  countyPortfolio(asOf: $asOf) { county { id } lights { green yellow red noData } lateReports }
  unitCompliance(asOf: $asOf) { agency { id } due onTime late missing } }`;

type Standing = { policy: { id: string }; lights: { green: number }; completion: number | null };
type Portfolio = { policyPortfolio: Standing[] };

/**
 * The portfolio is cached per replica, keyed by the data's fingerprint read in each request: a report
 * accepted through another replica (another process, same database) shows at once on this one.
 */
describe('the portfolio cache across replicas', () => {
  let a: TestServer, b: TestServer;
  let p: PolicyIds;
  let leader: string, office: string, hrss: string;

  beforeAll(async () => {
    a = await TestServer.start({ countStatements: true });
    b = await TestServer.start();
    p = await loadVariantNotice(a.dataSource, 1434);
    const admin = await a.adminToken();
    [leader, office, hrss] = await Promise.all([
      signedInUser(a, admin, 'LEADER'),
      signedInUser(a, admin, 'OFFICE'),
      signedInUser(a, admin, 'REPORTER', HRSS),
    ]);
  });
  afterAll(() => Promise.all([a?.close(), b?.close()]));

  it('answers a repeated read from the cache, and sees a report accepted on another replica at once', async () => {
    const miss = await a.statements(PORTFOLIO, { asOf: AS_OF }, leader);
    const first = await a.ok<Portfolio>(PORTFOLIO, { asOf: AS_OF }, leader);
    const hit = await a.statements(PORTFOLIO, { asOf: AS_OF }, leader);
    // A hit: the session, the fingerprint, then the periods, agencies and counties by loader.
    expect(hit).toBeLessThan(miss);
    expect(hit).toBeLessThanOrEqual(5);
    expect(await a.ok<Portfolio>(PORTFOLIO, { asOf: AS_OF }, leader)).toEqual(first);
    const before = first.policyPortfolio.find((s) => s.policy.id === p.policyId)!;

    await acceptReport(
      b,
      p,
      { reporter: hrss, office },
      { agencyId: HRSS, seq: 7, period: '2024Q3', values: [[p.target(7, '見習崗位'), TAISHAN, 1_000_000]] },
    );

    const after = (await a.ok<Portfolio>(PORTFOLIO, { asOf: AS_OF }, leader)).policyPortfolio.find((s) => s.policy.id === p.policyId)!;
    expect(after.lights.green).toBe(before.lights.green + 1);
    expect(after.completion!).toBeGreaterThan(before.completion ?? 0);
    // And cached again from there on, on both replicas alike.
    expect(await b.ok<Portfolio>(PORTFOLIO, { asOf: AS_OF }, leader)).toEqual(await a.ok<Portfolio>(PORTFOLIO, { asOf: AS_OF }, leader));
  });

  it('computes once for concurrent misses, keeps a bounded number of days, and forgets a failure', async () => {
    const cache = new PortfolioCache();
    let runs = 0;
    const compute = () => new Promise<number>((resolve) => setTimeout(() => resolve(++runs), 10));
    const answers = await Promise.all([cache.get('2024-10-15', 'v1', compute), cache.get('2024-10-15', 'v1', compute)]);
    expect(answers).toEqual([1, 1]);
    expect(await cache.get('2024-10-15', 'v2', compute)).toBe(2);
    for (let d = 1; d <= PortfolioCache.MAX_DAYS; d++) await cache.get(`2024-11-0${d}`, 'v2', compute);
    expect(await cache.get('2024-10-15', 'v2', compute)).toBe(3 + PortfolioCache.MAX_DAYS); // evicted: recomputed
    await expect(cache.get('2025-01-01', 'v2', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get('2025-01-01', 'v2', async () => 42)).toBe(42);
  });
});
