import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { BuiltServer } from './support/built-server';
import { ARTIFACTS, describeWithBrowser, launchBrowser } from './support/browser';
import { freshServer } from './support/fresh-server';
import { expectAccessible } from './support/accessibility';

const ADMIN_PASSWORD = 'browser-admin-pass-1';

describeWithBrowser('the policy page in a real browser', () => {
  let browser: Browser;
  let server: BuiltServer;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ server, cleanup } = await freshServer(ADMIN_PASSWORD));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await cleanup?.();
  });

  it('shows all 15 measures before sign-in, and again after the admin signs in', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/`);
    await page
      .getByRole('heading', { name: /江就[办辦]〔2024〕1[号號]/ })
      .first()
      .waitFor();
    await page.locator('[data-testid="measure-card"]').nth(14).waitFor();
    expect(await page.locator('[data-testid="measure-card"]').count()).toBe(15);
    await expectAccessible(page, 'policy page (anonymous)');

    await page.goto(`${server.url}/login`);
    await page.locator('input[autocomplete="username"]').waitFor(); // the sign-in page is a lazy route
    expect(await page.locator('input[autocomplete="current-password"]').count()).toBe(1);
    await page.fill('input[autocomplete="username"]', 'admin');
    await page.fill('input[autocomplete="current-password"]', ADMIN_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    // An admin lands on the review queue (each role on its own work, issue 14); the policy page is one step away.
    await page.waitForURL((u) => u.pathname === '/review');
    await page.goto(`${server.url}/`);
    await page.waitForURL((u) => u.pathname === '/' || /^\/p\/[^/]+$/.test(u.pathname));
    await page.getByText('admin').first().waitFor();
    await page.locator('[data-testid="measure-card"]').nth(14).waitFor();
    expect(await page.locator('[data-testid="measure-card"]').count()).toBe(15);
    await page.screenshot({ path: join(ARTIFACTS, 'policy-1280.png'), fullPage: false });
    await page.close();
  });

  it('refuses a wrong password with a message in Chinese', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/login`);
    await page.locator('input[autocomplete="username"]').waitFor();
    await page.fill('input[autocomplete="username"]', 'admin');
    await page.fill('input[autocomplete="current-password"]', 'wrong-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('用户名或密码错误').first().waitFor();
    expect(page.url()).toContain('/login');
    await page.close();
  });

  it('reads on a 360 px phone and a 1920 px meeting-room screen without sideways scrolling', async () => {
    for (const width of [360, 1920]) {
      const page = await browser.newPage({ viewport: { width, height: width === 360 ? 780 : 1080 } });
      await page.goto(`${server.url}/`);
      await page.locator('[data-testid="measure-card"]').nth(14).waitFor();
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(ARTIFACTS, `policy-${width}.png`), fullPage: false });
      await page.close();
    }
  });
});
