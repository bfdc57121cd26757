import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { BuiltServer } from './support/built-server';
import { axeViolations, describeViolations, expectAccessible } from './support/accessibility';
import { ARTIFACTS, describeWithBrowser, launchBrowser } from './support/browser';
import { freshServer } from './support/fresh-server';
import { signIn } from './support/sign-in';

/**
 * Issue 17: every main page, as the role that works in it, with demo data (full tables and charts),
 * at a desktop and a phone width, has no WCAG 2.1 A/AA violation that axe-core can find.
 */
const ADMIN_PASSWORD = 'a11y-admin-pass-1';
const WIDTHS = [1440, 390] as const;

/** Waits until the page has its data: no request in flight, no spinner, no skeleton. */
async function settled(page: Page, ready: string): Promise<void> {
  await page.locator(ready).first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning, .ant-skeleton')
    .first()
    .waitFor({ state: 'detached', timeout: 30_000 })
    .catch(() => undefined);
}

interface Stop {
  label: string;
  /** Opens the page (from wherever the previous stop left the browser) and waits until it is ready. */
  open: (page: Page, url: string) => Promise<void>;
}

const visit = (label: string, path: string, ready: string): Stop => ({
  label,
  open: async (page, url) => {
    await page.goto(`${url}${path}`);
    await settled(page, ready);
  },
});
/** Follows the first link matching `link` on the current page. */
const follow = (label: string, link: string, ready: string): Stop => ({
  label,
  open: async (page) => {
    await page.locator(link).first().click();
    await settled(page, ready);
  },
});

const ROUTES: { role: string; username: string | null; stops: Stop[] }[] = [
  {
    role: 'anonymous',
    username: null,
    stops: [visit('policy page', '/', '[data-testid="measure-card"]'), visit('sign-in page', '/login', 'input[autocomplete="username"]')],
  },
  {
    role: 'county reporter',
    username: 'taishan',
    stops: [
      visit('tasks', '/tasks', '[data-testid="task"]'),
      follow('report form', '[data-testid="fill-report"]', '[data-testid="measure-report"]'),
      visit('follow-up items', '/supervision/items', '[data-testid="my-items"], [data-testid="my-items-empty"]'),
    ],
  },
  {
    role: 'office',
    username: 'office',
    stops: [
      visit('review queue', '/review', '[data-testid="review-item"], [data-testid="review-empty"]'),
      follow('a report', '[data-testid="review-item"] a[href^="/reports/"]', '[data-testid="report-page"]'),
      visit('supervision list', '/supervision', '[data-testid="review-row"]'),
      follow('a supervision review', '[data-testid="review-link"]', '[data-testid="supervision-review"]'),
      visit('chasing', '/chasing', '[data-testid="chasing-page"]'),
      visit('admin: accounts', '/admin/accounts', '[data-testid="accounts-page"]'),
      visit('admin: unit accounts', '/admin/unit-accounts', '[data-testid="unit-accounts-page"]'),
      visit('admin: quotas', '/admin/quotas', '[data-testid="quotas-page"]'),
      visit('admin: periods', '/admin/periods', '[data-testid="periods-page"]'),
      visit('admin: units', '/admin/units', '[data-testid="units-page"]'),
      visit('admin: audit', '/admin/audit', '[data-testid="audit-page"]'),
    ],
  },
  {
    role: 'leader',
    username: 'leader',
    stops: [
      visit('dashboard', '/dashboard', '[data-testid="dashboard"][data-ready="data"] .recharts-yAxis'),
      follow('a county', '[data-testid="county-link"]', '[data-testid="county-page"][data-ready="data"]'),
      visit('dashboard again', '/dashboard', '[data-testid="dashboard"][data-ready="data"] [data-testid="measure-link"]'),
      follow('a measure', '[data-testid="measure-link"]', '[data-testid="measure-page"][data-ready="data"]'),
    ],
  },
];

describeWithBrowser('accessibility (WCAG 2.1 AA, axe-core) of every page, for each role', () => {
  let browser: Browser;
  let server: BuiltServer;
  let cleanup: () => Promise<void>;
  let password: string;

  beforeAll(async () => {
    ({ server, cleanup } = await freshServer(ADMIN_PASSWORD, { DEMO_DATA: '1' }));
    const match = /演示账号的密码均为 (\S+)/.exec(server.output());
    if (!match) throw new Error(`no demo password in the output:\n${server.output()}`);
    password = match[1];
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await cleanup?.();
  });

  const cases = ROUTES.flatMap((route) => WIDTHS.map((width) => [route.role, width, route] as const));
  it.each(cases)('%s at %i px: no violations', async (_role, width, route) => {
    const phone = width < 600;
    const context = await browser.newContext({ viewport: { width, height: phone ? 844 : 900 }, isMobile: phone, hasTouch: phone });
    const page = await context.newPage();
    // Every page is checked before the test fails, so one run lists everything to fix.
    const failures: string[] = [];
    try {
      if (route.username) await signIn(page, server.url, { username: route.username, password });
      for (const stop of route.stops) {
        await stop.open(page, server.url);
        const violations = await axeViolations(page);
        if (violations.length > 0) {
          failures.push(`${stop.label} (${new URL(page.url()).pathname}):\n${describeViolations(violations)}`);
          await page.screenshot({
            path: join(ARTIFACTS, `a11y-${route.role.replace(/\W+/g, '-')}-${stop.label.replace(/\W+/g, '-')}-${width}.png`),
            fullPage: true,
          });
        }
      }
    } finally {
      await context.close();
    }
    if (failures.length > 0) throw new Error(`${route.role} at ${width}px:\n\n${failures.join('\n\n')}`);
  });

  it('keeps 大字 per user, sets <html lang> with the UI language, holds at 200% zoom and returns focus from a dialog', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await signIn(page, server.url, { username: 'leader', password });
      await page.goto(`${server.url}/dashboard`);
      await settled(page, '[data-testid="dashboard"][data-ready="data"] .recharts-yAxis');
      const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.ls-dash-card-name')!).fontSize));
      const normal = await fontSize();
      await page.getByTestId('text-size').getByText('大字').click();
      await page.locator('html[data-text-size="large"]').waitFor({ state: 'attached' });
      expect(await fontSize()).toBeGreaterThanOrEqual(normal * 1.2);
      await page.reload();
      await settled(page, '[data-testid="dashboard"][data-ready="data"] .recharts-yAxis');
      expect(await page.getAttribute('html', 'data-text-size')).toBe('large');
      await expectAccessible(page, 'dashboard in 大字');

      // 200% zoom of a 1440 px window is a 720 px layout at twice the pixels: nothing wider than the window.
      await page.setViewportSize({ width: 720, height: 450 });
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(ARTIFACTS, 'a11y-dashboard-large-200pct.png'), fullPage: true });
      await page.setViewportSize({ width: 1440, height: 900 });

      // The page language follows the UI: 繁體 is zh-TW, English en.
      const language = (label: string) => page.locator('.ant-segmented-item', { hasText: label }).click();
      await language('繁體');
      await page.locator('html[lang="zh-TW"]').waitFor({ state: 'attached' });
      await language('English');
      await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
      await language('简体');
      await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });

      // A dialog gives focus back to the button that opened it.
      const opener = page.getByTestId('header-change-password');
      await opener.focus();
      await page.keyboard.press('Enter');
      await page.locator('.ant-modal').waitFor();
      await page.keyboard.press('Escape');
      await page.locator('.ant-modal').waitFor({ state: 'hidden' });
      await expect(opener.evaluate((el) => el === document.activeElement)).resolves.toBe(true);

      // Another account on the same browser has its own choice (standard until it picks 大字).
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.goto(`${server.url}/login`);
      await page.fill('input[autocomplete="username"]', 'office');
      await page.fill('input[autocomplete="current-password"]', password);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByTestId('nav-review').waitFor();
      expect(await page.getAttribute('html', 'data-text-size')).toBe('normal');
    } finally {
      await context.close();
    }
  });
});
