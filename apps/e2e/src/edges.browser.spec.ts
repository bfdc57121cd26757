import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { gql, type BuiltServer } from './support/built-server';
import { ARTIFACTS, describeWithBrowser, launchBrowser } from './support/browser';
import { signIn } from './support/sign-in';
import { expectAccessible } from './support/accessibility';
import { freshServer } from './support/fresh-server';

/**
 * Issue 14's rough edges of supervision and the dashboard, on the demo data: the start-review dialog offers only ended
 * quarters; follow-up items name their quarter; a ceiling county without data reads 尚无数据; with one county's quota set
 * every county keeps its bar and the 时间进度 label is never clipped; the county scope's heading names the county.
 */
const ADMIN_PASSWORD = 'edges-admin-pass-1';
const OFFICE = { username: 'edges-office', password: 'Office-edges-pass-1' };
const LEADER = { username: 'edges-leader', password: 'Leader-edges-pass-1' };
const REPORTER = { username: 'edges-reporter', password: 'Reporter-edges-pass-1' };
const COUNTIES = ['蓬江', '江海', '新会', '台山', '开平', '鹤山', '恩平'];

interface Period {
  id: string;
  label: string;
  endsOn: string;
}
interface CountyRow {
  county: { id: string; name: string; shortName: string };
  quota: number | null;
  achieved: number;
  pending: number;
}
interface TargetRow {
  target: { id: string; name: string; direction: string };
  byCounty: CountyRow[];
}

const quarterName = (label: string) => {
  const [, year, q] = /^(\d{4})Q([1-4])$/.exec(label)!;
  return `${year}年第${'一二三四'[Number(q) - 1]}季度`;
};
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describeWithBrowser('supervision and dashboard rough edges (issue 14) in a real browser', () => {
  let browser: Browser;
  let server: BuiltServer;
  let cleanup: () => Promise<void>;
  let admin: string;
  let policyId: string;
  let periods: Period[];

  const api = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const res = await gql<T>(server.url, query, variables, admin);
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const progressAt = async (periodId: string) =>
    (
      await api<{ targetProgress: TargetRow[] }>(
        'query($p:ID!,$per:ID){targetProgress(policyId:$p,periodId:$per){target{id name direction} byCounty{county{id name shortName} quota achieved pending}}}',
        { p: policyId, per: periodId },
      )
    ).targetProgress;

  beforeAll(async () => {
    ({ server, cleanup } = await freshServer(ADMIN_PASSWORD, { DEMO_DATA: '1' }));
    browser = await launchBrowser();
    const login = await gql<{ login: { accessToken: string } }>(
      server.url,
      'mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken}}',
      { u: 'admin', p: ADMIN_PASSWORD },
    );
    admin = login.data!.login.accessToken;
    policyId = (await api<{ policies: { id: string }[] }>('{ policies { id } }')).policies[0].id;
    periods = (await api<{ policy: { periods: Period[] } }>('query($id:ID!){policy(id:$id){periods{id label endsOn}}}', { id: policyId }))
      .policy.periods;
    // A reporter of the unit the demo's first follow-up item is assigned to.
    const items = await api<{ supervisionItems: { agency: { id: string } }[] }>('{ supervisionItems { agency { id } } }');
    for (const input of [
      { ...OFFICE, role: 'OFFICE' },
      { ...LEADER, role: 'LEADER' },
      { ...REPORTER, role: 'REPORTER', agencyId: items.supervisionItems[0].agency.id },
    ]) {
      await api('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: input });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await cleanup?.();
  });

  async function withPage(name: string, viewport: { width: number; height: number }, run: (page: Page) => Promise<void>) {
    const mobile = viewport.width < 600;
    const context: BrowserContext = await browser.newContext({ viewport, isMobile: mobile, hasTouch: mobile });
    const page = await context.newPage();
    try {
      await run(page);
    } catch (error) {
      await page.screenshot({ path: join(ARTIFACTS, `edges-${name}-failed.png`), fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  }

  it('the start-review dialog offers only quarters that have ended', async () => {
    const today = chinaToday();
    const ended = periods.filter((p) => p.endsOn < today).map((p) => quarterName(p.label));
    const notEnded = periods.filter((p) => p.endsOn >= today).map((p) => quarterName(p.label));
    expect(notEnded.length).toBeGreaterThan(0); // the current quarter exists and must not be offered
    await withPage('start-review', { width: 1440, height: 900 }, async (page) => {
      await signIn(page, server.url, OFFICE);
      await page.getByTestId('nav-supervision').click();
      await page.getByTestId('review-row').first().waitFor();
      const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      for (let attempt = 0; attempt < 3 && (await options.count()) === 0; attempt++) {
        if (!(await page.getByTestId('start-period').isVisible())) await page.getByTestId('start-review').click();
        await page
          .getByTestId('start-period')
          .click({ timeout: 5000 })
          .catch(() => undefined);
        await options
          .first()
          .waitFor({ timeout: 5000 })
          .catch(() => undefined);
      }
      await options.first().waitFor();
      // The list is virtual: read the options' titles from the select's own listbox instead of the rendered rows.
      const offered = await page
        .locator('.ant-select-dropdown:visible [role="listbox"] [role="option"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
      const titles = await options.evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''));
      for (const name of notEnded) {
        expect(titles).not.toContain(name);
        expect(offered.join('|')).not.toContain(name);
      }
      // The latest ended quarter comes first.
      expect(titles[0]).toBe(ended[ended.length - 1]);
      for (const t of titles) expect(ended).toContain(t);
      await expectAccessible(page, 'start-review dialog');
    });
  });

  it('follow-up items say which quarter’s review they come from (office 1440, unit 390)', async () => {
    const reviews = await api<{ supervisionReviews: { id: string; period: { label: string } }[] }>(
      'query($p:ID!){supervisionReviews(policyId:$p){id period{label}}}',
      { p: policyId },
    );
    const review = reviews.supervisionReviews[0];
    const quarter = `${quarterName(review.period.label)}督查`;
    await withPage('items-office', { width: 1440, height: 900 }, async (page) => {
      await signIn(page, server.url, OFFICE);
      await page.goto(`${server.url}/supervision/${review.id}`);
      const rows = page.locator('[data-testid="items"] [data-testid="item-row"]');
      await rows.first().waitFor();
      const count = await rows.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) await expect(rows.nth(i).getByTestId('item-quarter').textContent()).resolves.toBe(quarter);
      await page.locator('th', { hasText: '来自督查' }).first().waitFor();
    });
    await withPage('items-unit', { width: 390, height: 844 }, async (page) => {
      await signIn(page, server.url, REPORTER);
      await page.getByTestId('nav-supervision-items').click();
      const mine = page.getByTestId('my-item');
      await mine.first().waitFor();
      await expect(mine.first().getByTestId('item-quarter').textContent()).resolves.toBe(quarter);
      await page.screenshot({ path: join(ARTIFACTS, 'edges-items-390.png'), fullPage: true });
    });
  });

  it('a ceiling county without an accepted figure reads 尚无数据, and the county scope’s heading names the county', async () => {
    // The latest quarter where some county has no figure at all for the ceiling (the demo's newest quarter has none).
    let found: { period: Period; target: TargetRow['target']; county: CountyRow['county'] } | null = null;
    for (const period of [...periods].reverse().filter((p) => p.endsOn < chinaToday())) {
      const ceiling = (await progressAt(period.id)).find((t) => t.target.direction === 'AT_MOST');
      const county = ceiling?.byCounty.find((c) => c.achieved === 0 && c.pending === 0);
      if (ceiling && county) {
        found = { period, target: ceiling.target, county: county.county };
        break;
      }
    }
    expect(found).not.toBeNull();
    const { period, target, county } = found!;
    await withPage('ceiling', { width: 1440, height: 900 }, async (page) => {
      await signIn(page, server.url, LEADER);
      await page.goto(`${server.url}/dashboard?period=${period.id}&county=${county.id}`);
      await page.locator('[data-testid="dashboard"][data-ready]').waitFor({ timeout: 30_000 });
      const ready = await page.getByTestId('dashboard').getAttribute('data-ready');
      if (ready === 'data') {
        const card = page.locator(`[data-testid="target-card"][data-target-id="${target.id}"]`);
        await card.waitFor();
        expect(await card.getAttribute('data-no-figure')).toBe('true');
        await expect(card.getByTestId('card-achieved').textContent()).resolves.toBe('尚无数据');
        const text = (await card.textContent()) ?? '';
        expect(text).not.toMatch(/(^|\D)0\s*天/);
        expect(text).not.toMatch(/待审核 \d/);
        // The heading names the county, not 全市.
        const heading = (await page.getByTestId('targets').locator('h2').textContent()) ?? '';
        expect(COUNTIES.map((c) => `量化指标完成情况 · ${c}`)).toContain(heading);
        await page.screenshot({ path: join(ARTIFACTS, 'edges-ceiling-county-1440.png'), fullPage: true });
      } else {
        throw new Error(`the dashboard shows no data for ${period.label}`);
      }
    });
  });

  it('with one county’s quota set all seven counties keep their bars, and the 时间进度 label lies inside the chart (1440, 390)', async () => {
    // The latest ended quarter where every county has an accepted figure on a count target.
    let chosen: { period: Period; target: TargetRow } | null = null;
    for (const period of [...periods].reverse().filter((p) => p.endsOn < chinaToday())) {
      const target = (await progressAt(period.id)).find(
        (t) => t.target.direction === 'AT_LEAST' && t.byCounty.length === 7 && t.byCounty.every((c) => c.achieved > 0),
      );
      if (target) {
        chosen = { period, target };
        break;
      }
    }
    expect(chosen).not.toBeNull();
    const { period, target } = chosen!;
    expect(target.byCounty.filter((c) => c.quota !== null)).toEqual([]); // the demo data sets no quotas
    const quotaCounty = target.byCounty[0].county;
    await api('mutation($t:ID!,$c:ID!,$v:Float!){setQuota(targetId:$t,countyId:$c,value:$v){quota}}', {
      t: target.target.id,
      c: quotaCounty.id,
      v: Math.max(1, target.byCounty[0].achieved * 2),
    });
    const after = (await progressAt(period.id)).find((t) => t.target.id === target.target.id)!;
    expect(after.byCounty.filter((c) => c.quota !== null && c.quota > 0)).toHaveLength(1);

    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ]) {
      await withPage(`quota-${viewport.width}`, viewport, async (page) => {
        await signIn(page, server.url, LEADER);
        await page.goto(`${server.url}/dashboard?period=${period.id}`);
        await page.locator('[data-testid="dashboard"][data-ready="data"]').waitFor({ timeout: 30_000 });
        await chooseTarget(page, target.target.id);
        const chart = page.getByTestId('county-chart');
        await chart.getByTestId('county-legend').waitFor();
        await chart.locator('.recharts-yAxis').waitFor();
        const text = (await chart.textContent()) ?? '';
        for (const name of COUNTIES) expect(text).toContain(name);
        // Seven bars, each of some length.
        const widths = await chart
          .locator('.recharts-bar-rectangle path, .recharts-bar-rectangle rect')
          .evaluateAll((els) => els.map((e) => (e as SVGGraphicsElement).getBBox().width));
        expect(widths).toHaveLength(7);
        for (const w of widths) expect(w).toBeGreaterThan(0);
        // The 时间进度 label over the dashed line lies inside the chart's drawing.
        const label = chart.locator('svg.recharts-surface text', { hasText: '时间进度' });
        await expectInside(label, chart.locator('svg.recharts-surface').first());
        await expectAccessible(page, `county chart with one quota (${viewport.width})`);
        await page.screenshot({ path: join(ARTIFACTS, `edges-county-chart-${viewport.width}.png`), fullPage: true });
      });
    }
  });
});

/** Picks a target in the switch above the charts (its options in the cards' order) until it is selected. */
async function chooseTarget(page: Page, targetId: string) {
  const ids = await page.getByTestId('target-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-target-id')));
  const option = page.getByTestId('target-switch').locator('.ant-segmented-item').nth(ids.indexOf(targetId));
  for (let attempt = 0; attempt < 3; attempt++) {
    if (((await option.getAttribute('class')) ?? '').includes('ant-segmented-item-selected')) return;
    await option.click();
    await page.waitForTimeout(300);
  }
  expect((await option.getAttribute('class')) ?? '').toContain('ant-segmented-item-selected');
}

async function expectInside(inner: Locator, outer: Locator) {
  await inner.waitFor();
  const a = (await inner.boundingBox())!;
  const b = (await outer.boundingBox())!;
  expect(a.width).toBeGreaterThan(0);
  expect(a.x).toBeGreaterThanOrEqual(b.x - 0.5);
  expect(a.y).toBeGreaterThanOrEqual(b.y - 0.5);
  expect(a.x + a.width).toBeLessThanOrEqual(b.x + b.width + 0.5);
  expect(a.y + a.height).toBeLessThanOrEqual(b.y + b.height + 0.5);
}
