import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import type { Browser, Locator, Page } from 'playwright-core';
import { gql, type BuiltServer } from './support/built-server';
import { ARTIFACTS, describeWithBrowser, launchBrowser } from './support/browser';
import { signIn } from './support/sign-in';
import { expectAccessible } from './support/accessibility';
import { freshServer } from './support/fresh-server';

/**
 * Issue 10 in a real browser: the office brings in a new notice (pasted; and a .docx read into the
 * textarea), sees its units and targets marked in the text and what to check, maps the unit the
 * import created to an existing one, corrects a target and the date, and publishes; a unit of the
 * new notice then has its task.
 */
const ADMIN_PASSWORD = 'notice-walk-admin-pass-1';
const OFFICE = { username: 'notice-office', password: 'Office-notice-pass-1' };
const REPORTER = { username: 'notice-reporter', password: 'Reporter-notice-pass-1' };
const DOC_NUMBER = '江人社〔2025〕8号';
/** The unit the notice names that no agency matches: the import creates it, the office maps it to 市政務服務數據管理局. */
const NEW_UNIT = '市大数据中心';
const MAPPED_UNIT = '市政務服務數據管理局';
const ISSUED_ON = '2025-03-20';

/** A short simplified notice: no date line (the office enters it), five measures, a unit nobody knows, two targets. */
const NOTICE = [
  DOC_NUMBER,
  '',
  '江门市人力资源和社会保障局关于开展2025年就业服务提质行动的通知',
  '',
  '各县（市、区）人民政府，市有关单位：',
  '',
  '\u3000\u3000为进一步提升就业服务质量，经研究，现就有关事项通知如下。',
  '',
  '一、扩大就业岗位供给',
  '',
  '\u3000\u3000（一）开发就业见习岗位。组织机关事业单位和国有企业开发见习岗位，全年募集见习岗位不少于800个。（市人力资源社会保障局牵头，市财政局配合）',
  '',
  '\u3000\u3000（二）开展职业技能培训。面向重点群体开展订单式培训，全年培训不少于2000人次。（市人力资源社会保障局牵头，市教育局按职责分工负责）',
  '',
  '二、优化就业公共服务',
  '',
  '\u3000\u3000（三）建设零工市场。在各县（市、区）建设规范化零工市场，提供岗位信息和供需对接服务。（市人力资源社会保障局牵头，各县（市、区）人民政府按职责分工负责）',
  '',
  `\u3000\u3000（四）推进就业数据共享。建立跨部门就业数据共享机制，打通部门数据壁垒。（${NEW_UNIT}牵头，市人力资源社会保障局配合）`,
  '',
  '\u3000\u3000（五）加强政策宣传。通过多种渠道宣传就业政策，提高政策知晓度。（市民政局、市人力资源社会保障局按职责分工负责）',
].join('\n');

/** The input of an antd field whose data-testid sits on the input itself or on its wrapper. */
const field = (scope: Page | Locator, testId: string): Locator =>
  scope.locator(`input[data-testid="${testId}"], textarea[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `notice-import-${name}.png`), fullPage: true });

type DraftView = {
  policy: {
    status: string;
    issuedOn: string;
    issuedOnConfirmed: boolean;
    periods: { id: string }[];
    measures: {
      seq: number;
      title: string;
      responsibilities: { role: string; agency: { id: string; name: string } }[];
      targets: { targetValue: number; unit: string }[];
    }[];
  };
};

describeWithBrowser('importing, reviewing and publishing a notice in a real browser (issue 10)', () => {
  let browser: Browser;
  let server: BuiltServer;
  let cleanup: () => Promise<void>;
  let adminToken: string;
  let mapped: { id: string; name: string };

  beforeAll(async () => {
    ({ server, cleanup } = await freshServer(ADMIN_PASSWORD, { DEMO_DATA: '0' }));
    browser = await launchBrowser();
    const login = await gql<{ login: { accessToken: string } }>(
      server.url,
      'mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken}}',
      { u: 'admin', p: ADMIN_PASSWORD },
    );
    adminToken = login.data!.login.accessToken;
    const created = await gql(
      server.url,
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      { i: { ...OFFICE, role: 'OFFICE' } },
      adminToken,
    );
    expect(created.errors).toBeUndefined();
    const agencies = await gql<{ agencies: { id: string; name: string }[] }>(server.url, '{ agencies { id name } }', {}, adminToken);
    mapped = agencies.data!.agencies.find((a) => a.name === MAPPED_UNIT)!;
    expect(mapped).toBeDefined();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await cleanup?.();
  });

  it('the office imports a notice, corrects the draft and publishes it; a unit of it has its task', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    let policyId = '';
    try {
      await signIn(page, server.url, OFFICE);
      await page.goto(`${server.url}/admin/notices`);
      await page.getByTestId('notices-no-drafts').waitFor();
      await page.getByTestId('notices-import').click();
      await page.getByTestId('notice-import-page').waitFor();

      // A .docx as it arrives: its text lands in the textarea for the office to check.
      const docx = await Packer.toBuffer(new Document({ sections: [{ children: NOTICE.split('\n').map((line) => new Paragraph(line)) }] }));
      await page.locator('[data-testid="notice-upload"] input[type="file"], .ant-upload input[type="file"]').first().setInputFiles({
        name: '就业服务提质行动.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: docx,
      });
      await page.getByTestId('notice-file-note').waitFor();
      await page.waitForFunction(() =>
        (document.querySelector('textarea[data-testid="notice-text"]') as HTMLTextAreaElement | null)?.value.includes('推进就业数据共享'),
      );
      await shot(page, 'uploaded-1440');
      await expectAccessible(page, 'admin: notice import (upload)');

      // Something that is no notice is refused in words, and nothing is stored.
      await field(page, 'notice-text').fill('这不是一份通知。\n只是随手写的两行字。');
      await page.getByTestId('notice-submit').click();
      await page.getByTestId('notice-import-error').waitFor();

      // The pasted notice becomes a draft and opens its review page.
      await field(page, 'notice-text').fill(NOTICE);
      await page.getByTestId('notice-submit').click();
      await page.waitForURL((u) => /\/admin\/notices\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/import'));
      policyId = page.url().split('/').pop()!;
      const review = page.getByTestId('draft-review-page');
      await review.waitFor();
      await expect(review.getAttribute('data-status')).resolves.toBe('DRAFT');

      // The text is marked: five measure numbers, the units' words, the two goals.
      const text = page.getByTestId('draft-text');
      await expect(text.locator('.ls-mark-measure').count()).resolves.toBe(5);
      expect(await text.locator('[data-kind="unit"]').count()).toBeGreaterThanOrEqual(8);
      await text.locator('.ls-mark-target', { hasText: '800' }).first().waitFor();
      await text.locator('.ls-mark-target', { hasText: '2000' }).first().waitFor();
      // What to check: the new unit and the missing date.
      await page.locator('[data-testid="draft-warning"][data-kind="NEW_AGENCY"]').first().waitFor();
      await page.getByTestId('draft-date-unconfirmed').waitFor();
      await shot(page, 'review-1440');
      await expectAccessible(page, 'admin: draft review');

      // A warning shows its line in the text.
      await page.locator('[data-testid="draft-warning"][data-kind="NEW_AGENCY"] a').first().click();
      await text.locator('.ls-line-active', { hasText: NEW_UNIT }).first().waitFor();

      // 对应到已有单位: the unit the import created stands for an existing one (remembered as an alias).
      const measure4 = page.getByTestId('draft-measure-4');
      await measure4.getByTestId('draft-unit-new').waitFor();
      await measure4.getByTestId('draft-unit-map').click();
      // Pick the unit until the dialog takes it: a click during antd's dropdown animation is lost on a loaded machine.
      const picker = page.locator('.ant-modal:visible [data-testid="map-agency-to"]');
      const ok = page.getByTestId('map-agency-ok');
      for (let attempt = 0; attempt < 3 && !(await ok.isEnabled()); attempt++) {
        await picker.click();
        if (attempt === 0) await page.keyboard.type('数据管理');
        const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /数据管理局|數據管理局/ }).first();
        await option.waitFor();
        await page.waitForTimeout(300);
        await option.click().catch(() => undefined);
        await page
          .waitForFunction(
            () => !(document.querySelector('[data-testid="map-agency-ok"]') as HTMLButtonElement | null)?.disabled,
            undefined,
            { timeout: 3000 },
          )
          .catch(() => undefined);
      }
      await page.getByTestId('map-agency-ok').click();
      await measure4.locator(`[data-testid="draft-unit"][data-agency="${mapped.id}"]`).waitFor();
      await expect(measure4.getByTestId('draft-unit-new').count()).resolves.toBe(0);
      await page.locator('[data-testid="draft-warning"][data-kind="NEW_AGENCY"]').waitFor({ state: 'detached' });

      // A target's value, corrected in place (saved when the field is left).
      const version = Number(await review.getAttribute('data-version'));
      const value = field(page.getByTestId('draft-measure-1'), 'target-value');
      await value.fill('1000');
      await value.press('Tab');
      await page.waitForFunction(
        (v) => Number(document.querySelector('[data-testid="draft-review-page"]')?.getAttribute('data-version')) > v,
        version,
      );

      // The date the text did not give.
      await field(page, 'draft-issued-on').fill(ISSUED_ON);
      await page.getByTestId('draft-header-save').click();
      await page.getByTestId('draft-date-unconfirmed').waitFor({ state: 'detached' });

      await page.setViewportSize({ width: 390, height: 844 });
      await shot(page, 'review-390');
      await expectAccessible(page, 'admin: draft review (phone)');
      await page.setViewportSize({ width: 1440, height: 900 });

      // 发布: the confirmation says what it does; the page then shows the policy published, read-only.
      await page.getByTestId('draft-publish').click();
      await page.getByTestId('draft-publish-ok').click();
      await page.getByTestId('draft-published').waitFor();
      await expect(review.getAttribute('data-status')).resolves.toBe('PUBLISHED');
      await expect(page.getByTestId('draft-publish').count()).resolves.toBe(0);
      await shot(page, 'published-1440');
      await expectAccessible(page, 'admin: published notice');
    } catch (error) {
      await shot(page, 'failed-office').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }

    // What the office did is what is stored.
    const stored = await gql<DraftView>(
      server.url,
      'query($id: ID!) { policy(id: $id) { status issuedOn issuedOnConfirmed periods { id } measures { seq title responsibilities { role agency { id name } } targets { targetValue unit } } } }',
      { id: policyId },
      adminToken,
    );
    expect(stored.errors).toBeUndefined();
    const policy = stored.data!.policy;
    expect(policy).toMatchObject({ status: 'PUBLISHED', issuedOn: ISSUED_ON, issuedOnConfirmed: true });
    expect(policy.measures.find((m) => m.seq === 1)!.targets[0].targetValue).toBe(1000);
    const lead4 = policy.measures.find((m) => m.seq === 4)!.responsibilities.find((r) => r.role === 'LEAD')!;
    expect(lead4.agency.id).toBe(mapped.id);
    expect(policy.periods.length).toBeGreaterThan(0);

    // A reporter of the mapped unit sees the new notice's measure on 我的填报, in a quarter of the new
    // notice (the page opens on the quarter due first, which may be another notice's); the task is
    // also checked through the API with this notice's period.
    const reporterUser = await gql(
      server.url,
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      { i: { ...REPORTER, role: 'REPORTER', agencyId: mapped.id } },
      adminToken,
    );
    expect(reporterUser.errors).toBeUndefined();
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const reporterPage = await phone.newPage();
    try {
      await signIn(reporterPage, server.url, REPORTER);
      await reporterPage.goto(`${server.url}/tasks`);
      await reporterPage.getByTestId('quarter').filter({ hasText: DOC_NUMBER }).first().click();
      await reporterPage.getByText('推进就业数据共享').first().waitFor();
      await shot(reporterPage, 'reporter-tasks-390');
      const reporterLogin = await gql<{ login: { accessToken: string } }>(
        server.url,
        'mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken}}',
        { u: REPORTER.username, p: REPORTER.password },
      );
      const tasks = await gql<{ reportTasks: { measure: { title: string }; role: string }[] }>(
        server.url,
        'query($p: ID!) { reportTasks(periodId: $p) { role measure { title } } }',
        { p: policy.periods[0].id },
        reporterLogin.data!.login.accessToken,
      );
      expect(tasks.errors).toBeUndefined();
      expect(tasks.data!.reportTasks).toEqual([
        expect.objectContaining({ role: 'LEAD', measure: expect.objectContaining({ title: expect.stringContaining('数据共享') }) }),
      ]);
    } catch (error) {
      await shot(reporterPage, 'failed-reporter').catch(() => undefined);
      throw error;
    } finally {
      await phone.close();
    }
  });
});
