import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { gql, type BuiltServer } from './support/built-server';
import { ARTIFACTS, describeWithBrowser, launchBrowser } from './support/browser';
import { signIn } from './support/sign-in';
import { expectAccessible } from './support/accessibility';
import { freshServer } from './support/fresh-server';

const ADMIN_PASSWORD = 'browser-admin-pass-2';
const REPORTER = { username: 'taishan-reporter', password: 'taishan-pass-1' };
const OFFICE = { username: 'office-reviewer', password: 'office-pass-1' };
const RETURN_COMMENT = '请补充见习岗位的行业分布情况。';
/** Measure (七) carries the 見習崗位 target (≥ 3000 in 2024): its figures count only in a 2024 period. */
const INTERNSHIP_MEASURE = 7;
const REPORT_PERIOD = '2024年第四季度';

/** antd's Popconfirm: its OK button, in the popup that is open now. */
const confirmPopup = (page: Page, name: string) => page.locator('.ant-popconfirm:visible').getByRole('button', { name }).click();

const measureCard = (page: Page, seq: number): Locator => page.locator(`[data-testid="measure-report"][data-measure-seq="${seq}"]`);

/** Typed text is saved about 1.5 s after typing stops, or when the field loses focus. */
async function waitForAutosave(card: Locator) {
  await card.locator('[data-testid="save-status"][data-save="idle"]').getByText('已自动保存').waitFor({ timeout: 15_000 });
}

/** Opens the quarter's one form (every policy's measures) from 我的填报. */
async function openForm(page: Page, period = REPORT_PERIOD) {
  await page.getByTestId('nav-tasks').click();
  await page.getByTestId('task').first().waitFor();
  // 我的填报 lists the unit's quarters; the chosen one's measures show beside (below, on a phone).
  await page.getByTestId('quarter').filter({ hasText: period }).click();
  await page.waitForURL(/[?&]quarter=/);
  await page.getByTestId('task').first().waitFor();
  await page.getByTestId('fill-report').click();
  await measureCard(page, INTERNSHIP_MEASURE).waitFor();
}

describeWithBrowser('reporting and review in a real browser', () => {
  let browser: Browser;
  let server: BuiltServer;
  let cleanup: () => Promise<void>;
  let adminToken: string;
  let policyId: string;

  beforeAll(async () => {
    // No demo data: the flow starts from a unit that has reported nothing yet.
    ({ server, cleanup } = await freshServer(ADMIN_PASSWORD, { DEMO_DATA: '0' }));
    browser = await launchBrowser();
    const login = await gql<{ login: { accessToken: string } }>(
      server.url,
      'mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken}}',
      { u: 'admin', p: ADMIN_PASSWORD },
    );
    adminToken = login.data!.login.accessToken;
    const setup = await gql<{ policies: { id: string }[]; agencies: { id: string; name: string }[] }>(
      server.url,
      '{ policies { id } agencies(kind: COUNTY) { id name } }',
      {},
      adminToken,
    );
    policyId = setup.data!.policies[0].id;
    const taishan = setup.data!.agencies.find((a) => a.name === '台山市')!;
    const createUser = 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }';
    for (const input of [
      { ...REPORTER, role: 'REPORTER', agencyId: taishan.id },
      { ...OFFICE, role: 'OFFICE' },
    ]) {
      const created = await gql(server.url, createUser, { i: input }, adminToken);
      expect(created.errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await cleanup?.();
  });

  it('a county reports a figure, the office returns it with a comment, the county fixes it, the office accepts', async () => {
    // Separate contexts: each person has their own sign-in (localStorage), as on two phones.
    const reporterContext: BrowserContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const officeContext: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const reporter = await reporterContext.newPage();
    const office = await officeContext.newPage();
    try {
      await reportReturnFixAccept(reporter, office);
    } catch (error) {
      // What each person saw when it went wrong, for whoever reads the CI log.
      await reporter.screenshot({ path: join(ARTIFACTS, 'reporting-flow-failed-reporter.png'), fullPage: true }).catch(() => undefined);
      await office.screenshot({ path: join(ARTIFACTS, 'reporting-flow-failed-office.png'), fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await reporterContext.close();
      await officeContext.close();
    }
  });

  it('keeps what was typed when the same draft was saved from another tab, and re-applies it on request', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      const first = await context.newPage();
      await signIn(first, server.url, REPORTER);
      await openForm(first, '2024年第三季度');
      const firstCard = measureCard(first, INTERNSHIP_MEASURE);
      await firstCard.getByTestId('field-progress').fill('第一个页面写的进展');
      await firstCard.getByTestId('field-progress').blur();
      await waitForAutosave(firstCard);

      // The same form in a second tab (same sign-in) saves a newer version.
      const second = await context.newPage();
      await second.goto(first.url());
      const secondCard = measureCard(second, INTERNSHIP_MEASURE);
      await secondCard.getByTestId('field-progress').fill('第二个页面写的进展');
      await secondCard.getByTestId('field-progress').blur();
      await waitForAutosave(secondCard);

      // Back in the first tab: the next save is refused as stale; the words stay, autosave stops.
      await first.bringToFront();
      await firstCard.getByTestId('field-problems').fill('第一个页面后来写的问题');
      await firstCard.getByTestId('field-problems').blur();
      await firstCard.getByTestId('conflict-alert').waitFor();
      expect(await firstCard.getByTestId('field-problems').inputValue()).toBe('第一个页面后来写的问题');

      await firstCard.getByRole('button', { name: '载入最新版本' }).click();
      await firstCard.getByTestId('mine-alert').waitFor();
      expect(await firstCard.getByTestId('field-progress').inputValue()).toBe('第二个页面写的进展');
      await firstCard.getByRole('button', { name: '重新应用我的内容' }).click();
      await waitForAutosave(firstCard);
      expect(await firstCard.getByTestId('field-problems').inputValue()).toBe('第一个页面后来写的问题');
      expect(await firstCard.getByTestId('field-progress').inputValue()).toBe('第一个页面写的进展');
    } finally {
      await context.close();
    }
  });

  it('downloads the Excel template and an attachment through the served app: the files, not the web page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    try {
      const page = await context.newPage();
      await signIn(page, server.url, REPORTER);
      await openForm(page, '2024年第三季度');
      const [template] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('excel-bar').getByRole('button', { name: '下载 Excel 填报表' }).click(),
      ]);
      const xlsx = readFileSync((await template.path())!);
      expect(xlsx.subarray(0, 2).toString()).toBe('PK');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
      expect(workbook.worksheets.length).toBeGreaterThan(0);

      // A draft of the reporter's own, with an evidence file uploaded on its page and downloaded again.
      const token = (
        await gql<{ login: { accessToken: string } }>(
          server.url,
          'mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken}}',
          { u: REPORTER.username, p: REPORTER.password },
        )
      ).data!.login.accessToken;
      const ids = await gql<{
        policies: { measures: { id: string; seq: number }[]; periods: { id: string; label: string }[] }[];
        me: { agency: { id: string } };
      }>(server.url, '{ policies { measures { id seq } periods { id label } } me { agency { id } } }', {}, token);
      const policy = ids.data!.policies[0];
      const saved = await gql<{ saveProgressReport: { id: string } }>(
        server.url,
        'mutation($i: SaveProgressReportInput!) { saveProgressReport(input: $i) { id } }',
        {
          i: {
            measureId: policy.measures.find((m) => m.seq === 3)!.id,
            periodId: policy.periods.find((p) => p.label === '2024Q3')!.id,
            agencyId: ids.data!.me.agency.id,
            progress: '附件测试',
          },
        },
        token,
      );
      const reportId = saved.data!.saveProgressReport.id;
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
      await page.goto(`${server.url}/reports/${reportId}`);
      await page.getByTestId('attachments').waitFor();
      await page
        .getByTestId('attachments')
        .locator('input[type=file]')
        .setInputFiles({ name: '佐证材料.png', mimeType: 'image/png', buffer: png });
      await page.getByTestId('attachment').getByText('佐证材料.png').waitFor();
      const [attachment] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('attachment').getByRole('button', { name: '下载' }).click(),
      ]);
      expect(attachment.suggestedFilename()).toBe('佐证材料.png');
      expect(readFileSync((await attachment.path())!).equals(png)).toBe(true);
    } finally {
      await context.close();
    }
  });

  async function reportReturnFixAccept(reporter: Page, office: Page) {
    // The reporter fills (七)'s 见习岗位 for 台山市 and a progress text, and waits for the autosave.
    await signIn(reporter, server.url, REPORTER);
    await openForm(reporter);
    const card = measureCard(reporter, INTERNSHIP_MEASURE);
    const figure = card.getByRole('textbox', { name: '见习岗位 台山市' });
    await figure.fill('-5');
    await card.getByText('不能为负数').waitFor(); // checked as typed, in Chinese
    await figure.fill('120');
    await card.getByTestId('field-progress').fill('本季度新开发见习岗位 120 个，已全部上岗。');
    await waitForAutosave(card);
    await expectAccessible(reporter, 'report form (reporter, typed)');
    expect(await reporter.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await card.scrollIntoViewIfNeeded();
    await reporter.screenshot({ path: join(ARTIFACTS, 'report-form-390.png') });
    await card.getByTestId('submit-measure').click();
    await confirmPopup(reporter, '提交');
    await reporter.locator(`[data-testid="measure-report"][data-measure-seq="${INTERNSHIP_MEASURE}"][data-status="SUBMITTED"]`).waitFor();

    // The office finds it in the queue and returns it with a comment.
    await signIn(office, server.url, OFFICE);
    await office.getByTestId('nav-review').click();
    const item = office.locator(`[data-testid="review-item"][data-measure-seq="${INTERNSHIP_MEASURE}"]`);
    await item.waitFor();
    await item.getByText('本季度新开发见习岗位 120 个').waitFor();
    await item.locator('tr[data-county="440781"]').getByText('120').waitFor();
    await expectAccessible(office, 'review queue (office)');
    await office.screenshot({ path: join(ARTIFACTS, 'review-queue-1280.png') });
    await item.getByTestId('review-return').click();
    await office.getByTestId('return-confirm').click();
    await office.getByText('请填写退回意见').waitFor(); // a return needs a comment
    await office.getByTestId('return-comment-input').fill(RETURN_COMMENT);
    await office.getByTestId('return-confirm').click();
    await office.getByTestId('review-empty').waitFor();

    // The reporter sees the comment on the task list and on the form, fixes the text, resubmits.
    // 我的填报 opens on the quarter due first (2024Q3, nothing reported), and points to the one returned in 2024Q4.
    await reporter.getByTestId('nav-tasks').click();
    await reporter
      .getByTestId('returned-elsewhere')
      .getByRole('button', { name: /2024年第四季度/ })
      .click();
    const task = reporter.locator(`[data-testid="task"][data-measure-seq="${INTERNSHIP_MEASURE}"][data-state="RETURNED"]`);
    await task.waitFor();
    expect(await task.getByTestId('return-comment').innerText()).toContain(RETURN_COMMENT);
    await reporter.getByTestId('fill-report').click();
    await card.getByTestId('return-comment').getByText(RETURN_COMMENT).waitFor();
    await card.getByTestId('field-progress').fill('本季度新开发见习岗位 120 个，其中制造业 70 个、服务业 50 个。');
    await card.getByTestId('field-progress').blur();
    await waitForAutosave(card);
    await card.getByTestId('submit-measure').click();
    await confirmPopup(reporter, '提交');
    await reporter.locator(`[data-testid="measure-report"][data-measure-seq="${INTERNSHIP_MEASURE}"][data-status="SUBMITTED"]`).waitFor();

    // The office accepts the revised report.
    await office.reload();
    await item.getByText('制造业 70 个').waitFor();
    await item.getByTestId('review-accept').click();
    await confirmPopup(office, '通过');
    await office.getByTestId('review-empty').waitFor();

    // The report's page tells its story, review comment included.
    const reportId = await reporter.evaluate(async () => {
      const link = document.querySelector<HTMLAnchorElement>('[data-testid="measure-report"][data-measure-seq="7"] a[href^="/reports/"]');
      return link?.getAttribute('href')?.split('/').pop() ?? null;
    });
    expect(reportId).toBeTruthy();
    await office.goto(`${server.url}/reports/${reportId}`);
    await office.locator('[data-testid="report-page"][data-status="ACCEPTED"]').waitFor();
    const actions = await office.getByTestId('history-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    // Autosaves (report.update) come in between, as many as the typing pauses made.
    expect(actions.filter((a) => a !== 'report.update')).toEqual([
      'report.create',
      'report.submit',
      'report.return',
      'report.submit',
      'report.accept',
    ]);
    await office.getByText(`意见：${RETURN_COMMENT}`).waitFor();

    // The accepted figure counts toward the target.
    const progress = await gql<{
      targetProgress: { target: { name: string }; byCounty: { county: { name: string }; achieved: number }[] }[];
    }>(
      server.url,
      'query($p: ID!) { targetProgress(policyId: $p) { target { name } byCounty { county { name } achieved } } }',
      { p: policyId },
      adminToken,
    );
    const interns = progress.data!.targetProgress.find((t) => t.target.name === '見習崗位')!;
    expect(interns.byCounty.find((c) => c.county.name === '台山市')!.achieved).toBe(120);
  }
});
