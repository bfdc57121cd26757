import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { gql, type BuiltServer } from './support/built-server';
import { ARTIFACTS, describeWithBrowser, launchBrowser } from './support/browser';
import { signIn } from './support/sign-in';
import { expectAccessible } from './support/accessibility';
import { freshServer } from './support/fresh-server';

/**
 * Issue 12 ("the office runs it without a developer"), walked in a real browser: 系统管理 creates the
 * units' accounts, a unit changes its temporary password on a phone, the office splits a target,
 * moves a due date, renames a unit, and finds every one of those in 操作日志.
 */
const ADMIN_PASSWORD = 'admin-walk-admin-pass-1';
const OFFICE = { username: 'walk-office', password: 'Office-walk-pass-1' };
const LEADER = { username: 'walk-leader', password: 'Leader-walk-pass-1' };
const TAISHAN_USERNAME = 'r440781'; // `r` + 台山市's division code (unit-accounts.service.ts)
const WEAK_PASSWORD = 'abcdefgh12'; // lower case and digits only: two kinds of character, three wanted
const NEW_PASSWORD = 'Taishan-Walk-2024';
/** County quotas of the 見習崗位 target (3000): 2700 in all, 300 short. */
const QUOTAS = [500, 450, 400, 400, 350, 300, 300];
const DUE_REASON = '国庆假期顺延，报送截止日相应推迟。';
/** 市人力資源社會保障局 (as the notice names it) gets its full name; typed in simplified characters, shown as typed. */
const HR_BUREAU = '市人力資源社會保障局';
const NEW_NAME = '江门市人力资源和社会保障局';

/** The input of an antd field whose data-testid sits on the input itself or on its wrapper. */
const field = (page: Page, testId: string): Locator =>
  page.locator(`input[data-testid="${testId}"], textarea[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
/** An option of the antd Select that is open now. */
const pickOption = (page: Page, text: string) =>
  page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `admin-${name}.png`), fullPage: true });
const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface Setup {
  policyId: string;
  targetId: string;
  counties: { id: string; name: string; regionCode: string }[];
  department: { id: string; name: string };
  period: { id: string; label: string; endsOn: string; dueOn: string };
}

describeWithBrowser('系统管理 in a real browser (issue 12)', () => {
  let browser: Browser;
  let server: BuiltServer;
  let cleanup: () => Promise<void>;
  let adminToken: string;
  let setup: Setup;

  beforeAll(async () => {
    // No demo data: the office starts from the notice alone, with no unit accounts yet.
    ({ server, cleanup } = await freshServer(ADMIN_PASSWORD, { DEMO_DATA: '0' }));
    browser = await launchBrowser();
    const login = await gql<{ login: { accessToken: string } }>(
      server.url,
      'mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken}}',
      { u: 'admin', p: ADMIN_PASSWORD },
    );
    adminToken = login.data!.login.accessToken;
    for (const input of [
      { ...OFFICE, role: 'OFFICE' },
      { ...LEADER, role: 'LEADER' },
    ]) {
      const created = await gql(server.url, 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: input }, adminToken);
      expect(created.errors).toBeUndefined();
    }
    type Found = {
      policies: {
        id: string;
        measures: {
          targets: { id: string; name: string; year: number }[];
          responsibilities: { agency: { id: string; name: string; kind: string } }[];
        }[];
      }[];
      agencies: { id: string; name: string; regionCode: string }[];
    };
    const found = await gql<Found>(
      server.url,
      '{ policies { id measures { targets { id name year } responsibilities { agency { id name kind } } } } agencies(kind: COUNTY) { id name regionCode } }',
      {},
      adminToken,
    );
    expect(found.errors).toBeUndefined();
    const policy = found.data!.policies[0];
    const target = policy.measures.flatMap((m) => m.targets).find((t) => t.name === '見習崗位' && t.year === 2024)!;
    // A department responsible for a measure, so the policy page shows its name.
    const department = policy.measures
      .flatMap((m) => m.responsibilities.map((r) => r.agency))
      .find((a) => a.kind === 'DEPARTMENT' && a.name === HR_BUREAU)!;
    const periods = await gql<{ periodSettings: { period: Setup['period'] }[] }>(
      server.url,
      'query($p: ID!) { periodSettings(policyId: $p) { period { id label endsOn dueOn } } }',
      { p: policy.id },
      adminToken,
    );
    expect(periods.errors).toBeUndefined();
    const counties = [...found.data!.agencies].sort((a, b) => a.regionCode.localeCompare(b.regionCode));
    expect(counties).toHaveLength(QUOTAS.length);
    setup = { policyId: policy.id, targetId: target.id, counties, department, period: periods.data!.periodSettings[0].period };
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await cleanup?.();
  });

  it('the office sets up accounts, quotas, a due date and a unit, a unit changes its password, and the audit lists it all', async () => {
    const officeContext: BrowserContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const reporterContext: BrowserContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const office = await officeContext.newPage();
    const reporter = await reporterContext.newPage();
    try {
      await signIn(office, server.url, OFFICE);
      await office.getByTestId('nav-admin').click();
      await office.getByTestId('accounts-page').waitFor();
      await office.getByTestId('account-row-admin').waitFor();
      await expectAccessible(office, 'admin: accounts (office)');
      const temporaryPassword = await unitAccounts(office);
      await forcedPasswordChange(reporter, temporaryPassword);
      await quotas(office);
      await dueDate(office);
      const newName = await renameUnit(office);
      await audit(office, newName);
    } catch (error) {
      await shot(office, 'failed-office').catch(() => undefined);
      await shot(reporter, 'failed-reporter').catch(() => undefined);
      throw error;
    } finally {
      await officeContext.close();
      await reporterContext.close();
    }
  });

  it('keeps 系统管理 from a leader: no link, and the page says it is not theirs', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await signIn(page, server.url, LEADER);
      await page.getByTestId('nav-dashboard').waitFor();
      await expect(page.getByTestId('nav-admin').count()).resolves.toBe(0);
      await page.goto(`${server.url}/admin`);
      await page.locator('.ant-result-403').waitFor();
      await expect(page.getByTestId('admin-page').count()).resolves.toBe(0);
      await shot(page, 'leader-forbidden-1440');
    } catch (error) {
      await shot(page, 'failed-leader').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  /** 单位账号: accounts for the notice's units, shown once, as Excel and for print. Returns 台山市's temporary password. */
  async function unitAccounts(page: Page): Promise<string> {
    await page.getByTestId('admin-nav-unit-accounts').click();
    await page.getByTestId('unit-accounts-page').waitFor();
    await page.getByTestId('unit-accounts-policy').click();
    await pickOption(page, '江门');
    await page.getByTestId('unit-accounts-create').click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await page.getByTestId('unit-accounts-once').waitFor();
    const table = page.getByTestId('unit-accounts-table');
    const taishanRow = table.locator('tr', { hasText: TAISHAN_USERNAME });
    await taishanRow.getByText('台山市').waitFor();
    const shownRows = await table.locator('tbody tr.ant-table-row').count();
    expect(shownRows).toBeGreaterThan(7); // the seven counties and the departments
    const shownPassword = (await taishanRow.locator('.ls-temporary-password-cell').textContent())!.trim();
    await shot(page, 'unit-accounts-1440');

    // The Excel sheet: a real .xlsx with unit, username and temporary password on each row.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('unit-accounts-download').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const rows = sheet.getSheetValues().slice(2).filter(Boolean) as unknown[][]; // [1] is the header; values are 1-based
    expect(rows).toHaveLength(shownRows);
    const taishan = rows.find((r) => r[2] === TAISHAN_USERNAME)!;
    expect(taishan[1]).toBe('台山市');
    expect(taishan[3]).toBe(shownPassword);
    expect(String(taishan[4])).toBe(`${server.url}/login`);
    for (const r of rows) expect(String(r[3])).toMatch(/^[A-Za-z2-9]{12}$/);

    // The print view: one card per unit, shown only on paper; the button opens the print dialog.
    await expect(page.locator('.ls-unit-accounts-print .ls-print-card').count()).resolves.toBe(shownRows);
    await expect(page.locator('.ls-unit-accounts-print').isVisible()).resolves.toBe(false);
    await page.evaluate(() => {
      const w = window as unknown as { printed: number; print: () => void };
      w.printed = 0;
      w.print = () => void w.printed++;
    });
    await page.getByTestId('unit-accounts-print').click();
    await expect(page.evaluate(() => (window as unknown as { printed: number }).printed)).resolves.toBe(1);
    await page.emulateMedia({ media: 'print' });
    await page.locator('.ls-unit-accounts-print').waitFor();
    await page.locator('.ls-print-card', { hasText: TAISHAN_USERNAME }).getByText(shownPassword, { exact: false }).waitFor();
    await page.emulateMedia({ media: 'screen' });

    // Shown once: leaving and coming back shows nothing of the passwords.
    await page.getByTestId('admin-nav-accounts').click();
    await page.getByTestId('admin-nav-unit-accounts').click();
    await page.getByTestId('unit-accounts-page').waitFor();
    await expect(page.getByTestId('unit-accounts-table').count()).resolves.toBe(0);
    return String(taishan[3]);
  }

  /** 台山市 signs in with the sheet's password on a phone: nothing opens until the password is changed. */
  async function forcedPasswordChange(page: Page, temporaryPassword: string) {
    await page.goto(`${server.url}/login`);
    await page.fill('input[autocomplete="username"]', TAISHAN_USERNAME);
    await page.fill('input[autocomplete="current-password"]', temporaryPassword);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(`${server.url}/change-password`);
    await page.getByTestId('change-password-page').waitFor();

    // 我的填报 leads back to the change.
    await page.goto(`${server.url}/tasks`);
    await page.waitForURL(`${server.url}/change-password`);
    await page.getByTestId('change-password-page').waitFor();
    await expect(page.getByTestId('task').count()).resolves.toBe(0);

    // A weak password is refused, the rule it breaks unticked.
    await field(page, 'current-password').fill(temporaryPassword);
    await field(page, 'new-password').fill(WEAK_PASSWORD);
    await field(page, 'confirm-password').fill(WEAK_PASSWORD);
    await page.locator('[data-testid="password-rule-CLASSES"][data-ok="false"]').waitFor();
    await page.getByTestId('change-password-submit').click();
    await page.locator('.ant-form-item-explain-error', { hasText: '新密码不符合要求' }).waitFor();
    await shot(page, 'forced-change-390');
    expect(page.url()).toBe(`${server.url}/change-password`);

    // A good one: signed in again at once, and 我的填报 opens.
    await field(page, 'new-password').fill(NEW_PASSWORD);
    await field(page, 'confirm-password').fill(NEW_PASSWORD);
    await page.locator('[data-testid="password-rule-CLASSES"][data-ok="true"]').waitFor();
    await page.getByTestId('change-password-submit').click();
    await page.waitForURL((u) => !u.pathname.endsWith('/change-password') && !u.pathname.endsWith('/login'));
    await page.getByTestId('nav-tasks').click();
    await page.getByTestId('task').first().waitFor();
    await expect(page.getByTestId('nav-admin').count()).resolves.toBe(0); // no 系统管理 for a reporter
    await shot(page, 'tasks-after-change-390');

    // The old password no longer signs in; the new one does, without a forced change.
    const old = await gql(server.url, 'mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken}}', {
      u: TAISHAN_USERNAME,
      p: temporaryPassword,
    });
    expect(old.errors).toBeDefined();
    const fresh = await gql<{ login: { user: { mustChangePassword: boolean } } }>(
      server.url,
      'mutation($u:String!,$p:String!){login(username:$u,password:$p){user{mustChangePassword}}}',
      { u: TAISHAN_USERNAME, p: NEW_PASSWORD },
    );
    expect(fresh.errors).toBeUndefined();
    expect(fresh.data!.login.user.mustChangePassword).toBe(false);
  }

  /** 任务分解: county quotas below the city's 3000, the live shortfall, a confirmed save. */
  async function quotas(page: Page) {
    await page.getByTestId('admin-nav-quotas').click();
    await page.getByTestId('quotas-page').waitFor();
    await page.getByTestId('quota-target').click();
    await pickOption(page, '见习岗位');
    await page.locator('[data-testid="quota-city-target"]', { hasText: '3,000' }).waitFor();
    for (const [i, county] of setup.counties.entries()) await field(page, `quota-input-${county.regionCode}`).fill(String(QUOTAS[i]));
    const sum = QUOTAS.reduce((a, b) => a + b, 0);
    await page.locator('[data-testid="quota-sum"]', { hasText: sum.toLocaleString('en') }).waitFor();
    const balance = page.locator('[data-testid="quota-balance"][data-balance="SHORT"]');
    await balance.getByText(String(3000 - sum), { exact: false }).waitFor();
    await page.getByTestId('quota-save').click();
    await page
      .getByTestId('quota-confirm-text')
      .getByText(String(3000 - sum), { exact: false })
      .waitFor();
    await shot(page, 'quotas-confirm-1440');
    await page.getByTestId('quota-confirm-short').click();
    await page.locator('.ant-alert-success[data-testid="quota-result"], [data-testid="quota-result"].ant-alert-success').waitFor();
    await shot(page, 'quotas-saved-1440');

    const stored = await gql<{ quotaTable: { sum: number; shortfall: number; rows: { county: { id: string }; quota: number | null }[] } }>(
      server.url,
      'query($t: ID!) { quotaTable(targetId: $t) { sum shortfall rows { county { id } quota } } }',
      { t: setup.targetId },
      adminToken,
    );
    expect(stored.errors).toBeUndefined();
    expect(stored.data!.quotaTable.sum).toBe(sum);
    expect(stored.data!.quotaTable.shortfall).toBe(3000 - sum);
    const byCounty = new Map(stored.data!.quotaTable.rows.map((r) => [r.county.id, r.quota]));
    setup.counties.forEach((c, i) => expect(byCounty.get(c.id)).toBe(QUOTAS[i]));
  }

  /** 填报期: a later due date with its reason, shown in the table and the period's history. */
  async function dueDate(page: Page) {
    const { period } = setup;
    const newDue = addDays(period.dueOn, 7);
    await page.getByTestId('admin-nav-periods').click();
    await page.getByTestId('periods-page').waitFor();
    const row = page.getByTestId(`period-row-${period.label}`);
    await row.getByTestId('period-due').getByText(period.dueOn).waitFor();
    await row.getByTestId('period-edit').click();
    await field(page, 'period-due-input').fill(newDue);
    await field(page, 'period-reason-input').fill(DUE_REASON);
    await page.getByTestId('period-dialog-ok').click();
    await page.getByTestId('period-result').waitFor();
    await row.getByTestId('period-due').getByText(newDue).waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    const history = page.getByTestId('period-history');
    await history.getByText(DUE_REASON, { exact: false }).waitFor();
    expect(await history.textContent()).toContain(newDue);
    await shot(page, 'periods-1440');
  }

  /** 单位: a department renamed, in the list and on the policy page. Returns the new name. */
  async function renameUnit(page: Page): Promise<string> {
    const { department } = setup;
    const newName = NEW_NAME;
    await page.getByTestId('admin-nav-units').click();
    await page.getByTestId('units-page').waitFor();
    const row = page.getByTestId(`unit-row-${department.id}`);
    await row.getByTestId(`unit-rename-${department.id}`).click();
    await field(page, 'unit-name').fill(newName);
    await page.getByTestId('unit-save').click();
    await row.getByTestId('unit-name-cell').getByText(newName, { exact: true }).waitFor();
    await page.locator('.ant-message-success').waitFor();
    // 停用 asks first (cancelled here: the unit stays in use).
    await row.getByTestId(`unit-active-${department.id}`).click();
    await page.getByTestId('unit-active-confirm').waitFor();
    await page.locator('.ant-modal-confirm:visible').getByRole('button', { name: '取消' }).click();
    await page.getByTestId('unit-active-confirm').waitFor({ state: 'detached' });
    await expect(page.locator('.ant-modal:visible').count()).resolves.toBe(0);
    await shot(page, 'units-1440');

    await page.getByTestId('nav-policy').click();
    await page.getByText(newName, { exact: true }).first().waitFor();
    return newName;
  }

  /** 操作日志: each change above, listed; the reporter's own change found by filtering on the reporter. */
  async function audit(page: Page, newName: string) {
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-nav-audit').click();
    await page.getByTestId('audit-page').waitFor();
    await page.getByTestId('audit-row').first().waitFor();
    await expectAccessible(page, 'admin: audit');
    // Every page of the list, then the actions on it.
    while ((await page.getByTestId('audit-more').count()) > 0) {
      const before = await page.getByTestId('audit-row').count();
      await page.getByTestId('audit-more').click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="audit-row"]').length > n, before);
    }
    const actions = await page.locator('[data-testid="audit-what"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    // Each in words (libs/domain's label table must know the names the API writes).
    const labels: Record<string, string> = {
      'user.create': '创建账号',
      'user.password_change': '修改密码',
      'quota.setAll': '分解任务到各县（市、区）',
      'period.update': '调整报送截止日期',
      'agency.rename': '单位更名',
    };
    for (const [action, label] of Object.entries(labels)) {
      expect(actions).toContain(action);
      expect(await page.locator(`[data-testid="audit-what"][data-action="${action}"]`).first().textContent()).toContain(label);
    }
    // As many account creations as units got accounts, plus the two made in the set-up (and admin's own).
    expect(actions.filter((a) => a === 'user.create').length).toBeGreaterThan(7 + 2);
    await shot(page, 'audit-1440');

    // The rename row names the unit by its new name.
    const rename = page.locator('[data-testid="audit-row"]', {
      has: page.locator('[data-testid="audit-what"][data-action="agency.rename"]'),
    });
    await rename.getByText(newName, { exact: false }).first().waitFor();

    // Filtered on the reporter: their password change, done by themselves.
    await field(page, 'audit-filter-user').fill(TAISHAN_USERNAME);
    await page.getByTestId('audit-search').click();
    const change = page.locator('[data-testid="audit-row"]', {
      has: page.locator('[data-testid="audit-what"][data-action="user.password_change"]'),
    });
    await change.getByTestId('audit-who').getByText(TAISHAN_USERNAME, { exact: false }).waitFor();
    // Only what was done as the reporter is left: their sign-ins and change, and the refused sign-in under their name.
    await page.waitForFunction((name) => {
      const rows = Array.from(document.querySelectorAll('[data-testid="audit-row"]'));
      const own = (row: Element) =>
        (row.querySelector('[data-testid="audit-who"]')?.textContent ?? '').startsWith(name) ||
        row.querySelector('[data-testid="audit-what"]')?.getAttribute('data-action') === 'SIGN_IN_FAILED';
      return rows.length > 0 && rows.every(own);
    }, TAISHAN_USERNAME);
    await shot(page, 'audit-reporter-1440');
  }
});
