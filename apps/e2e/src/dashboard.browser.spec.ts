import { rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { gql, startBuiltServer, tempDataDir, type BuiltServer } from './support/built-server';
import { ARTIFACTS, describeWithBrowser, launchBrowser } from './support/browser';
import { signIn as signInAs } from './support/sign-in';
import { expectAccessible } from './support/accessibility';

const ADMIN_PASSWORD = 'dashboard-admin-pass-1';
/** The seven county-level divisions as the simplified UI names them in the chart. */
const COUNTIES = ['蓬江', '江海', '新会', '台山', '开平', '鹤山', '恩平'];

interface Progress {
  targetProgress: { achieved: number; target: { id: string } }[];
}

/** Signs in as a demo account (leader by default). */
const signIn = (page: Page, url: string, password: string, username = 'leader') => signInAs(page, url, { username, password });

/** The dashboard has loaded data for a period: returns the period's id. */
async function dashboardReady(page: Page): Promise<string> {
  await page.locator('[data-testid="dashboard"][data-ready="data"]').waitFor({ timeout: 30_000 });
  await page.getByTestId('target-card').first().waitFor();
  return (await page.getByTestId('dashboard').getAttribute('data-period-id'))!;
}

describeWithBrowser('the leaders’ dashboard in a real browser', () => {
  let browser: Browser;
  let server: BuiltServer;
  let dataDir: string;
  let password: string;
  let token: string;
  let policyId: string;

  beforeAll(async () => {
    // The embedded database with the generated demo data (as a newcomer first starts it).
    dataDir = tempDataDir('luoshi-dashboard-');
    server = await startBuiltServer({ DATABASE_URL: undefined, DATA_DIR: dataDir, ADMIN_PASSWORD });
    const match = /演示账号的密码均为 (\S+)/.exec(server.output());
    if (!match) throw new Error(`no demo password in the output:\n${server.output()}`);
    password = match[1];
    const login = await gql<{ login: { accessToken: string } }>(
      server.url,
      'mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken}}',
      { u: 'leader', p: password },
    );
    token = login.data!.login.accessToken;
    const policies = await gql<{ policies: { id: string }[] }>(server.url, '{ policies { id } }', {}, token);
    policyId = policies.data!.policies[0].id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function expectCardsMatchApi(page: Page, periodId: string) {
    const progress = await gql<Progress>(
      server.url,
      'query($p:ID!,$per:ID){targetProgress(policyId:$p,periodId:$per){achieved target{id}}}',
      { p: policyId, per: periodId },
      token,
    );
    expect(progress.errors).toBeUndefined();
    const cards = page.getByTestId('target-card');
    await expect(cards.count()).resolves.toBe(4);
    for (const item of progress.data!.targetProgress) {
      const value = await page
        .locator(`[data-testid="target-card"][data-target-id="${item.target.id}"] [data-testid="card-achieved"]`)
        .getAttribute('data-value');
      expect(Number(value)).toBe(item.achieved);
    }
  }

  it('shows the targets as the API counts them, every county, filters in the address, and the figures behind a number', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true });
    const page = await context.newPage();
    try {
      await signIn(page, server.url, password);
      await page.getByTestId('nav-dashboard').click();
      await page.waitForURL(/\/dashboard/);
      const firstPeriod = await dashboardReady(page);
      await page.getByTestId('demo-banner').getByText('演示数据').waitFor();
      await expectCardsMatchApi(page, firstPeriod);
      await page.getByTestId('county-chart').locator('.recharts-yAxis').waitFor();
      await expectAccessible(page, 'dashboard (leader)');

      const chart = page.getByTestId('county-chart');
      await chart.locator('.recharts-yAxis').waitFor();
      const chartText = await chart.textContent();
      for (const name of COUNTIES) expect(chartText).toContain(name);

      // Another quarter: the address says which, and the cards follow.
      // A click during antd's dropdown animation can be lost on a loaded machine: pick until the address says so.
      for (let attempt = 0; attempt < 3 && !/[?&]period=/.test(page.url()); attempt++) {
        await page.getByTestId('period-select').click();
        await page.getByRole('option', { name: '2024年第四季度' }).click();
        await page.waitForURL(/[?&]period=/, { timeout: 5000 }).catch(() => undefined);
      }
      await page.waitForURL(/[?&]period=/);
      const period = new URL(page.url()).searchParams.get('period')!;
      await page.locator(`[data-testid="dashboard"][data-period-id="${period}"][data-ready="data"]`).waitFor();
      await expectCardsMatchApi(page, period);

      // One county: in the address too.
      await page.getByTestId('county-select').click();
      await page.getByRole('option', { name: '台山市' }).click();
      await page.waitForURL(/[?&]county=/);
      expect(new URL(page.url()).searchParams.get('period')).toBe(period);
      await page.getByTestId('trend-chart').waitFor();

      // The figures behind a number, each linking to its report.
      await page.getByTestId('card-achieved').first().click();
      const drawer = page.locator('.ls-sources-drawer');
      await drawer.getByTestId('source-report-link').first().waitFor();
      expect(await drawer.getByTestId('source-report-link').first().getAttribute('href')).toMatch(/\/reports\/[\w-]+$/);
      // The close button rather than Escape: Escape only reaches the drawer once focus has moved into it.
      await drawer.locator('.ant-drawer-close').click();
      await drawer.locator('.ant-drawer-content').waitFor({ state: 'hidden' });

      // The overview as a workbook: one sheet per table.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-excel').click()]);
      expect(download.suggestedFilename()).toBe('落实看板-2024年第四季度.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(await download.path());
      expect(workbook.worksheets.map((w) => w.name)).toEqual(['量化指标完成情况', '各地完成情况', '各项措施落实情况', '各单位报送情况']);
      expect(workbook.getWorksheet('各项措施落实情况')!.rowCount).toBe(16);

      await page.goto(`${server.url}/dashboard?period=${period}`);
      await dashboardReady(page);
      await page.getByTestId('county-chart').locator('.recharts-yAxis').waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-1920.png'), fullPage: true });
    } catch (error) {
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-failed.png'), fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('signs a leader in from a bookmarked /dashboard straight to the policy’s dashboard, its first view in one request', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const operations: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && request.method() === 'POST')
        operations.push((JSON.parse(request.postData() ?? '{}') as { operationName?: string }).operationName ?? '?');
    });
    try {
      await page.goto(`${server.url}/dashboard`);
      await page.locator('input[autocomplete="username"]').waitFor();
      await page.fill('input[autocomplete="username"]', 'leader');
      await page.fill('input[autocomplete="current-password"]', password);
      operations.length = 0; // from pressing Enter on
      await page.locator('input[autocomplete="current-password"]').press('Enter');
      await page.waitForURL(new RegExp(`/p/${policyId}/dashboard$`));
      const period = await dashboardReady(page);
      await page.locator('.recharts-bar-rectangle').first().waitFor();
      // Sign-in, which policy and period, then everything the first view shows in one document; the page's
      // own queries are answered from that (no request of their own for the overview, counties or trend).
      expect(operations.slice(0, 3)).toEqual(['Login', 'DashboardEntry', 'DashboardFirstView']);
      for (const own of ['DashboardOverview', 'DashboardCounties', 'DashboardTrend']) expect(operations).not.toContain(own);
      await expectCardsMatchApi(page, period);
    } catch (error) {
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-bookmark-failed.png'), fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('opens a county page from the dashboard on a phone, its figures as the API counts them', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 780 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    const page = await context.newPage();
    try {
      await signIn(page, server.url, password);
      await page.goto(`${server.url}/dashboard`);
      const period = await dashboardReady(page);
      const link = page.getByTestId('county-link').first();
      await link.waitFor();
      const countyId = (await link.getAttribute('data-county-id'))!;
      await link.click();
      await page.waitForURL(new RegExp(`/dashboard/county/${countyId}\\?period=${period}`));
      await page.locator('[data-testid="county-page"][data-ready="data"]').waitFor({ timeout: 30_000 });
      const progress = await gql<{
        targetProgress: { target: { id: string }; byCounty: { achieved: number; county: { id: string } }[] }[];
      }>(
        server.url,
        'query($p:ID!,$per:ID){targetProgress(policyId:$p,periodId:$per){target{id} byCounty{achieved county{id}}}}',
        { p: policyId, per: period },
        token,
      );
      expect(progress.errors).toBeUndefined();
      for (const item of progress.data!.targetProgress) {
        const expected = item.byCounty.find((r) => r.county.id === countyId)?.achieved ?? 0;
        const value = await page
          .locator(`[data-testid="county-target"][data-target-id="${item.target.id}"] [data-testid="county-achieved"]`)
          .getAttribute('data-value');
        expect(Number(value)).toBe(expected);
      }
      await expect(page.getByTestId('county-measure').count()).resolves.toBe(15);
      await page.getByTestId('trend-chart').waitFor();
      await expectAccessible(page, 'county page (leader, phone)');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(ARTIFACTS, 'county-360.png'), fullPage: true });
    } catch (error) {
      await page.screenshot({ path: join(ARTIFACTS, 'county-failed.png'), fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('opens a measure page from the dashboard’s measures table, with every report of the period', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    try {
      await signIn(page, server.url, password);
      await page.goto(`${server.url}/dashboard`);
      const period = await dashboardReady(page);
      // A measure with targets, so there are figures by county to compare.
      const policies = await gql<{ policies: { measures: { id: string; targets: { id: string }[] }[] }[] }>(
        server.url,
        '{ policies { measures { id targets { id } } } }',
        {},
        token,
      );
      const withTargets = policies.data!.policies[0].measures.find((m) => m.targets.length > 0)!;
      const link = page.locator(`[data-testid="measure-link"][href*="/dashboard/measure/${withTargets.id}"]`);
      await link.waitFor();
      await link.click();
      await page.waitForURL(/\/dashboard\/measure\/[\w-]+\?period=/);
      const measureId = /\/dashboard\/measure\/([\w-]+)/.exec(page.url())![1];
      await page.locator('[data-testid="measure-page"][data-ready="data"]').waitFor({ timeout: 30_000 });
      const reports = await gql<{ progressReports: { id: string }[] }>(
        server.url,
        'query($p:ID!,$per:ID,$m:ID){progressReports(policyId:$p,periodId:$per,measureId:$m){id}}',
        { p: policyId, per: period, m: measureId },
        token,
      );
      expect(reports.errors).toBeUndefined();
      const count = reports.data!.progressReports.length;
      if (count === 0) await page.getByTestId('drill-empty').waitFor();
      else await expect(page.getByTestId('measure-report').count()).resolves.toBe(count);
      // A figure by county, as the API counts it.
      const figure = page.getByTestId('measure-figure').first();
      await figure.waitFor();
      {
        const targetId = (await page.getByTestId('measure-target').first().getAttribute('data-target-id'))!;
        const countyId = (await figure.getAttribute('data-county-id'))!;
        const progress = await gql<{
          targetProgress: { target: { id: string }; byCounty: { achieved: number; county: { id: string } }[] }[];
        }>(
          server.url,
          'query($p:ID!,$per:ID){targetProgress(policyId:$p,periodId:$per){target{id} byCounty{achieved county{id}}}}',
          { p: policyId, per: period },
          token,
        );
        const expected = progress
          .data!.targetProgress.find((p) => p.target.id === targetId)!
          .byCounty.find((r) => r.county.id === countyId)!.achieved;
        expect(Number(await figure.getAttribute('data-value'))).toBe(expected);
      }
      await expectAccessible(page, 'measure page (leader)');
      await page.screenshot({ path: join(ARTIFACTS, 'measure-1920.png'), fullPage: true });
    } catch (error) {
      await page.screenshot({ path: join(ARTIFACTS, 'measure-failed.png'), fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('lets the office set a target’s schedule, which moves its expected share', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      const periods = await gql<{ reportingPeriods: { id: string; label: string }[] }>(
        server.url,
        'query($p:ID!){reportingPeriods(policyId:$p){id label}}',
        { p: policyId },
      );
      const q3 = periods.data!.reportingPeriods.find((p) => p.label === '2024Q3')!.id;
      await signIn(page, server.url, password, 'office');
      await page.goto(`${server.url}/dashboard?period=${q3}`);
      await dashboardReady(page);
      const card = page.locator('[data-testid="target-card"]', { hasText: '见习岗位' });
      await card.getByTestId('card-schedule-edit').click();
      for (const [i, value] of ['10', '30', '50', '100'].entries())
        await page
          .locator(`input[data-testid="schedule-q${i + 1}"], [data-testid="schedule-q${i + 1}"] input`)
          .first()
          .fill(value);
      await page.getByTestId('schedule-save').click();
      await card.getByTestId('card-schedule').waitFor();
      const targetId = (await card.getAttribute('data-target-id'))!;
      const overview = await gql<{ policyOverview: { targets: { target: { id: string }; expectedShare: number }[] } }>(
        server.url,
        'query($p:ID!,$per:ID!){policyOverview(policyId:$p,periodId:$per){targets{target{id} expectedShare}}}',
        { p: policyId, per: q3 },
        token,
      );
      expect(overview.data!.policyOverview.targets.find((t) => t.target.id === targetId)!.expectedShare).toBe(0.5);
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-schedule-1440.png') });
      await card.getByTestId('card-schedule-edit').click();
      await page.getByTestId('schedule-reset').click();
      await card.getByTestId('card-schedule').waitFor({ state: 'detached' });
    } catch (error) {
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-schedule-failed.png'), fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('reads on a phone', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 780 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    const page = await context.newPage();
    try {
      await signIn(page, server.url, password);
      await page.goto(`${server.url}/dashboard`);
      await dashboardReady(page);
      await page.getByTestId('county-chart').locator('.recharts-yAxis').waitFor();
      await page.getByTestId('measure-row').first().waitFor();
      // Nothing wider than the phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-360.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });
});
