import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { gql, type BuiltServer } from './support/built-server';
import { ARTIFACTS, describeWithBrowser, launchBrowser } from './support/browser';
import { signIn } from './support/sign-in';
import { expectAccessible } from './support/accessibility';
import { freshServer } from './support/fresh-server';

const ADMIN_PASSWORD = 'daily-admin-pass-1';
const REPORTER = { username: 'ts-reporter', password: 'Week-county-pass-1' };
const OFFICE = { username: 'city-office', password: 'Week-office-pass-2' };
const LEADER = { username: 'city-leader', password: 'Week-leader-pass-3' };
const EVIDENCE = '见习基地名单.pdf';

/** Today in China, as the picker's cells name days (2026-11-30). */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Issue 14, a week of real use: each role lands on its own work; the date picker speaks the UI's
 * language and refuses past days for a follow-up item; the template downloads under the unit's and
 * quarter's name; evidence is attached from the form, and the history words it.
 */
describeWithBrowser('an ordinary week, in a real browser', () => {
  let browser: Browser;
  let server: BuiltServer;
  let cleanup: () => Promise<void>;
  let publishedPolicies: string[];

  beforeAll(async () => {
    ({ server, cleanup } = await freshServer(ADMIN_PASSWORD, { DEMO_DATA: '1' }));
    browser = await launchBrowser();
    const login = await gql<{ login: { accessToken: string } }>(
      server.url,
      'mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken}}',
      { u: 'admin', p: ADMIN_PASSWORD },
    );
    const adminToken = login.data!.login.accessToken;
    const setup = await gql<{ agencies: { id: string; name: string }[]; policies: { id: string; status: string }[] }>(
      server.url,
      '{ agencies(kind: COUNTY) { id name } policies { id status } }',
      {},
      adminToken,
    );
    publishedPolicies = setup.data!.policies.filter((p) => p.status === 'PUBLISHED').map((p) => p.id);
    const taishan = setup.data!.agencies.find((a) => a.name === '台山市')!;
    for (const input of [
      { ...REPORTER, role: 'REPORTER', agencyId: taishan.id },
      { ...OFFICE, role: 'OFFICE' },
      { ...LEADER, role: 'LEADER' },
    ]) {
      const created = await gql(server.url, 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: input }, adminToken);
      expect(created.errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await cleanup?.();
  });

  async function withPage<T>(width: number, work: (page: Page) => Promise<T>, name: string): Promise<T> {
    const context = await browser.newContext({
      viewport: { width, height: width < 500 ? 800 : 900 },
      ...(width < 500 ? { isMobile: true, hasTouch: true } : {}),
      acceptDownloads: true,
    });
    const page = await context.newPage();
    try {
      return await work(page);
    } catch (error) {
      await page.screenshot({ path: join(ARTIFACTS, `daily-failed-${name}.png`), fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  }

  it('lands each role on its own work after sign-in, at 1440 and 390 px; an address the person came from wins', async () => {
    const one = publishedPolicies.length === 1;
    const leaderHome = one ? `/p/${publishedPolicies[0]}/dashboard` : '/portfolio';
    // The page's own content, not the login form still shown while the route's code arrives.
    const leaderReady = one ? '[data-testid="dashboard"][data-ready]' : '[data-testid="portfolio"][data-ready]';
    for (const width of [1440, 390]) {
      for (const [role, user, path, ready] of [
        ['reporter', REPORTER, '/tasks', '[data-testid="quarter"]'],
        ['office', OFFICE, '/review', '[data-testid="review-item"]'],
        ['leader', LEADER, leaderHome, leaderReady],
      ] as const) {
        await withPage(
          width,
          async (page) => {
            await signIn(page, server.url, user);
            await page.waitForURL((u) => u.pathname === path);
            await page.locator(ready).first().waitFor();
            expect(await page.locator('input[autocomplete="current-password"]').count()).toBe(0);
            await page.screenshot({ path: join(ARTIFACTS, `daily-landing-${role}-${width}.png`), fullPage: true });
          },
          `landing-${role}-${width}`,
        );
      }
    }
    // Sent to sign in from a page of its own: back there, not to the role's landing page.
    await withPage(
      1440,
      async (page) => {
        await page.goto(`${server.url}/supervision/items`);
        await page.locator('input[autocomplete="username"]').waitFor();
        await page.fill('input[autocomplete="username"]', REPORTER.username);
        await page.fill('input[autocomplete="current-password"]', REPORTER.password);
        await page.getByRole('button', { name: /登\s*录/ }).click();
        await page.waitForURL((u) => u.pathname === '/supervision/items');
      },
      'came-from',
    );
  });

  it('shows the date picker in Chinese and offers no past day for a follow-up item', async () => {
    await withPage(
      1440,
      async (page) => {
        await signIn(page, server.url, OFFICE);
        await page.getByTestId('nav-supervision').click();
        // The demo's 2024Q4 review is open: the office can assign an item.
        await page.locator('[data-testid="review-row"]', { hasText: '2024年第四季度' }).first().getByTestId('review-link').click();
        await page.locator('[data-testid="supervision-review"][data-status="OPEN"]').waitFor();
        const dropdown = page.locator('.ant-picker-dropdown:visible');
        for (let attempt = 0; attempt < 3 && !(await page.locator('.ls-sup-due-picker').isVisible()); attempt++) {
          await page.getByTestId('add-item').click();
          await page
            .locator('.ls-sup-due-picker')
            .waitFor({ timeout: 3000 })
            .catch(() => undefined);
        }
        for (let attempt = 0; attempt < 3 && !(await dropdown.isVisible()); attempt++) {
          await page.locator('.ls-sup-due-picker input').click();
          await dropdown.waitFor({ timeout: 3000 }).catch(() => undefined);
        }
        const weekdays = (await dropdown.locator('.ant-picker-date-panel thead th').allTextContents()).map((d) => d.trim());
        expect(weekdays).toEqual(['一', '二', '三', '四', '五', '六', '日']);
        const header = (await dropdown.locator('.ant-picker-header-view').textContent())!;
        expect(header).toMatch(/^\d{4}年\s*\d{1,2}月$/);
        const text = (await dropdown.textContent())!;
        expect(text).not.toMatch(/\b(Su|Mo|Tu|We|Th|Fr|Sa|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Today)\b/);
        expect(text).toContain('今天');
        // Every day before today is disabled; today and later are not.
        const today = chinaToday();
        const cells = await dropdown
          .locator('td.ant-picker-cell-in-view')
          .evaluateAll((tds) =>
            tds.map((td) => ({ day: td.getAttribute('title') ?? '', disabled: td.classList.contains('ant-picker-cell-disabled') })),
          );
        expect(cells.length).toBeGreaterThanOrEqual(28);
        for (const cell of cells) expect({ day: cell.day, disabled: cell.disabled }).toEqual({ day: cell.day, disabled: cell.day < today });
        await page.screenshot({ path: join(ARTIFACTS, 'daily-due-picker-1440.png') });
      },
      'picker',
    );
  });

  it('downloads the quarter’s template under the unit’s and quarter’s name, and attaches evidence from the form', async () => {
    await withPage(
      1440,
      async (page) => {
        await signIn(page, server.url, REPORTER);
        await page.waitForURL((u) => u.pathname === '/tasks');
        await page.getByTestId('fill-report').first().click();
        await page.waitForURL(/\/report\/q\/\d{4}Q[1-4]/);
        const [, year, quarter] = /\/report\/q\/(\d{4})Q([1-4])/.exec(page.url())!;
        await page.locator('[data-testid="measure-report"]').first().waitFor();

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByTestId('excel-bar').getByRole('button', { name: '下载 Excel 填报表' }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(`台山市-${year}年第${quarter}季度-填报模板.xlsx`);
        const bytes = readFileSync((await download.path())!);
        expect(bytes.subarray(0, 2).toString()).toBe('PK');
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(bytes as unknown as ArrayBuffer);
        expect(book.getWorksheet('工作进展')).toBeTruthy();

        // A measure the reporter can still edit: type, let the draft save, then attach from the form.
        const card = page
          .locator('[data-testid="measure-report"]:is([data-status="NOT_STARTED"], [data-status="DRAFT"], [data-status="RETURNED"])')
          .first();
        await card.waitFor();
        if ((await card.getAttribute('data-status')) === 'NOT_STARTED') {
          await card.getByTestId('form-attachments-later').waitFor();
          await card.getByTestId('field-progress').fill('已完成见习基地核查，名单见附件。');
          await card.getByTestId('field-progress').blur();
        }
        const toggle = card.getByTestId('form-attachments-toggle');
        await toggle.waitFor({ timeout: 15_000 });
        const panel = card.getByTestId('attachments');
        for (let attempt = 0; attempt < 3 && !(await panel.isVisible()); attempt++) {
          await toggle.click();
          await panel.waitFor({ timeout: 5000 }).catch(() => undefined);
        }
        await panel.locator('input[type="file"]').setInputFiles({
          name: EVIDENCE,
          mimeType: 'application/pdf',
          buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
        });
        await panel.getByTestId('attachment').getByText(EVIDENCE).waitFor({ timeout: 15_000 });
        await expectAccessible(page, 'report form with attachments open');
        await page.screenshot({ path: join(ARTIFACTS, 'daily-form-attachment-1440.png'), fullPage: true });

        // The report's history words the upload; no raw action code anywhere on the page.
        const reportId = (await card.locator('[data-report-id]').getAttribute('data-report-id'))!;
        await page.goto(`${server.url}/reports/${reportId}`);
        const attached = page.locator('[data-testid="history-event"][data-action="report.attach"]');
        await attached.getByText('上传附件').waitFor();
        const body = (await page.locator('main').textContent())!;
        expect(body).not.toMatch(/report\.[a-z]+|demo\.create/);
        await expectAccessible(page, 'report page with an attachment');
      },
      'template-attach',
    );
  });
});
