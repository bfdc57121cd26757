import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { gql, type BuiltServer } from './support/built-server';
import { ARTIFACTS, describeWithBrowser, launchBrowser } from './support/browser';
import { freshServer } from './support/fresh-server';
import { signIn } from './support/sign-in';
import { expectAccessible } from './support/accessibility';

const ADMIN_PASSWORD = 'target-years-admin-pass-1';
/** The Jiangmen notice's 每年 target (measure 7). */
const INTERNSHIPS = '見習崗位';

interface PolicyPeriods {
  policies: {
    id: string;
    currentPeriod: { id: string; label: string } | null;
    periods: { id: string; label: string; dueOn: string }[];
    measures: { seq: number; targets: { id: string; name: string; year: number; everyYear: boolean }[] }[];
  }[];
}

/** Today in China, as the dashboard decides what is due. */
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Issue 14, the years after the first (the demo data on today's date): the 每年 target has this
 * year's target, the dashboard opens the latest quarter that is due and says each card's year, and a
 * reporter's current form asks for this year's figure, not "是2024年的指标".
 */
describeWithBrowser('the years after the notice’s first, in a real browser', () => {
  let browser: Browser;
  let server: BuiltServer;
  let cleanup: () => Promise<void>;
  let password: string;
  let policy: PolicyPeriods['policies'][number];
  const thisYear = Number(chinaToday().slice(0, 4));

  beforeAll(async () => {
    ({ server, cleanup } = await freshServer(ADMIN_PASSWORD, { DEMO_DATA: '1' }));
    const match = /演示账号的密码均为 (\S+)/.exec(server.output());
    if (!match) throw new Error(`no demo password in the output:\n${server.output()}`);
    password = match[1];
    const login = await gql<{ login: { accessToken: string } }>(
      server.url,
      'mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken}}',
      { u: 'leader', p: password },
    );
    const got = await gql<PolicyPeriods>(
      server.url,
      '{ policies { id currentPeriod { id label } periods { id label dueOn } measures { seq targets { id name year everyYear } } } }',
      {},
      login.data!.login.accessToken,
    );
    expect(got.errors).toBeUndefined();
    policy = got.data!.policies[0];
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await cleanup?.();
  });

  async function shot(page: Page, name: string) {
    await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true }).catch(() => undefined);
  }

  it('has a 每年 target for every year through this one', () => {
    const years = policy.measures.find((m) => m.seq === 7)!.targets.filter((t) => t.name === INTERNSHIPS);
    expect(years.map((t) => t.year).sort()).toEqual(Array.from({ length: thisYear - 2023 }, (_, i) => 2024 + i));
    expect(years.every((t) => t.everyYear)).toBe(true);
  });

  it('opens the dashboard on the latest quarter that is due, each card saying its target’s year', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await signIn(page, server.url, { username: 'leader', password });
      await page.goto(`${server.url}/dashboard`);
      await page.locator('[data-testid="dashboard"][data-ready="data"]').waitFor({ timeout: 30_000 });
      await page.getByTestId('target-card').first().waitFor();
      // The rule: of the quarters up to the current one, the latest that is due (or has reports).
      const upTo = policy.periods.slice(0, policy.periods.findIndex((p) => p.id === policy.currentPeriod!.id) + 1);
      const due = [...upTo].reverse().find((p) => p.dueOn <= chinaToday())!;
      expect(await page.getByTestId('dashboard').getAttribute('data-period-id')).toBe(due.id);
      expect(due.label.startsWith(String(thisYear))).toBe(true);

      // The 每年 target's card is this year's, and says so; no card of another year stands in for it.
      const thisYears = policy.measures.find((m) => m.seq === 7)!.targets.find((t) => t.name === INTERNSHIPS && t.year === thisYear)!;
      const card = page.locator(`[data-testid="target-card"][data-target-id="${thisYears.id}"]`);
      await card.waitFor();
      expect(await card.getByTestId('card-year').textContent()).toBe(`${thisYear}年度`);
      const cardYears = await page.getByTestId('card-year').allTextContents();
      expect(cardYears.length).toBe(await page.getByTestId('target-card').count());
      expect(cardYears.filter((y) => y === `${thisYear}年度`)).toHaveLength(1);
      await expectAccessible(page, 'dashboard with the years on the cards');
      await shot(page, 'target-years-dashboard-1440.png');
    } catch (error) {
      await shot(page, 'target-years-dashboard-failed.png');
      throw error;
    } finally {
      await context.close();
    }
  });

  it('asks a reporter’s current form for this year’s figure of the 每年 target', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    try {
      await signIn(page, server.url, { username: 'taishan', password });
      const quarter = policy.currentPeriod!.label;
      await page.goto(`${server.url}/report/q/${quarter}`);
      const card = page.locator('[data-testid="measure-report"][data-measure-seq="7"]');
      await card.waitFor({ timeout: 30_000 });
      await card.getByTestId('figure-group').first().waitFor();
      const text = (await card.textContent()) ?? '';
      expect(text).toContain(`（${thisYear}年）`);
      expect(text).not.toContain('本期无需填报数据');
      expect(text).not.toContain('2024年');
      await expectAccessible(page, 'current form with this year’s target (reporter, phone)');
      await shot(page, 'target-years-form-390.png');
    } catch (error) {
      await shot(page, 'target-years-form-failed.png');
      throw error;
    } finally {
      await context.close();
    }
  });

  it('lets the office change this year’s target value on the quota page', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await signIn(page, server.url, { username: 'office', password });
      await page.goto(`${server.url}/admin/quotas`);
      await page.getByTestId('quotas-page').waitFor({ timeout: 30_000 });
      const option = `见习岗位 3,000个（${thisYear}年）`;
      // A click can land while antd's dropdown is still animating: pick until the select shows it.
      for (let attempt = 0; attempt < 4; attempt++) {
        await page.getByTestId('quota-target').click();
        await page
          .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
          .first()
          .click()
          .catch(() => undefined);
        const shown = await page.getByTestId('quota-target').textContent();
        if (shown?.includes(`（${thisYear}年）`)) break;
      }
      await page.getByTestId('quota-editor').getByText(`${thisYear}年市级目标`).waitFor();
      await page.getByTestId('quota-editor').getByText('（每年）').waitFor();
      await page.getByTestId('quota-edit-target').click();
      const input = page.getByTestId('quota-edit-target-value');
      await input.waitFor();
      await input.fill('3200');
      await page.getByTestId('quota-edit-target-ok').click();
      await page.locator('[data-testid="quota-city-target"]', { hasText: '3,200' }).waitFor();
      await expectAccessible(page, 'quota page with a year’s target changed (office)');
      await shot(page, 'target-years-quota-1440.png');
    } catch (error) {
      await shot(page, 'target-years-quota-failed.png');
      throw error;
    } finally {
      await context.close();
    }
  });
});
