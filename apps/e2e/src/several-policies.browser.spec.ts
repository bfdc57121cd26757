import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { gql, type BuiltServer } from './support/built-server';
import { ARTIFACTS, describeWithBrowser, launchBrowser } from './support/browser';
import { signIn } from './support/sign-in';
import { freshServer } from './support/fresh-server';

/**
 * Issue 11 in a real browser: Jiangmen's notice (demo data: reports, a review) and a second notice
 * imported and published through the API, both tracked at once. Each role walks both; nothing of the
 * first notice disappears when the second is published.
 */
const ADMIN_PASSWORD = 'several-admin-pass-1';
const OFFICE = { username: 'several-office', password: 'Office-several-pass-1' };
const REPORTER = { username: 'several-taishan', password: 'Taishan-several-pass-1' };
const LEADER = { username: 'several-leader', password: 'Leader-several-pass-1' };
/** 开平市's reporter submits a report on the second notice through the API: the office's queue then has both. */
const KAIPING = { username: 'several-kaiping', password: 'Kaiping-several-pass-1' };
const SECOND_DOC = '江人社〔2025〕11号';
const JIANGMEN_DOC = /江就[办辦]〔2024〕1[号號]/;

/** A short notice whose units all exist already; 各县（市、区）人民政府 makes 台山市 responsible too. */
const NOTICE = [
  SECOND_DOC,
  '',
  '江门市人力资源和社会保障局关于做好2025年高校毕业生就业工作的通知',
  '',
  '各县（市、区）人民政府，市有关单位：',
  '',
  '\u3000\u3000为做好2025年高校毕业生就业工作，现就有关事项通知如下。',
  '',
  '一、拓宽就业渠道',
  '',
  '\u3000\u3000（一）开发见习岗位。组织企业开发高校毕业生见习岗位，全年募集见习岗位不少于600个。（市人力资源社会保障局牵头，各县（市、区）人民政府负责）',
  '',
  '\u3000\u3000（二）开展就业指导。面向高校毕业生开展就业指导服务，全年服务不少于3000人次。（市人力资源社会保障局牵头，市教育局配合）',
  '',
  '二、强化就业服务',
  '',
  '\u3000\u3000（三）举办招聘活动。各县（市、区）每季度至少举办一场高校毕业生专场招聘会。（各县（市、区）人民政府负责，市人力资源社会保障局配合）',
  '',
  '江门市人力资源和社会保障局',
  '2025年3月20日',
].join('\n');

type PolicyRow = { id: string; status: string; docNumber: string };

/**
 * Picks a policy in the header's switch until the address names it: on a loaded machine a click can
 * land while antd's dropdown is still animating in, and the choice is silently lost.
 */
async function switchTo(page: Page, policyId: string) {
  for (let attempt = 0; ; attempt++) {
    await page.getByTestId('policy-switch').click();
    const option = page.locator(`.ant-select-dropdown:visible [data-testid="policy-option"][data-policy-id="${policyId}"]`);
    await option.waitFor();
    await page.waitForTimeout(300);
    await option.click().catch(() => undefined);
    const moved = await page.waitForURL(new RegExp(`/p/${policyId}(/|$)`), { timeout: 3000 }).then(
      () => true,
      () => false,
    );
    if (moved) return;
    if (attempt === 2) throw new Error(`could not switch to policy ${policyId}`);
    await page.keyboard.press('Escape');
  }
}
const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `several-policies-${name}.png`), fullPage: true });

describeWithBrowser('several published policies at once in a real browser (issue 11)', () => {
  let browser: Browser;
  let server: BuiltServer;
  let cleanup: () => Promise<void>;
  let jiangmen: PolicyRow;
  let second: PolicyRow;
  /** What the first notice showed before the second was published: the same afterwards. */
  let before: { reviews: string[]; queue: number; measures: number };
  let officeToken: string;

  const api = async <T>(query: string, variables: Record<string, unknown>, token: string) => {
    const res = await gql<T>(server.url, query, variables, token);
    expect(res.errors).toBeUndefined();
    return res.data!;
  };

  beforeAll(async () => {
    ({ server, cleanup } = await freshServer(ADMIN_PASSWORD, { DEMO_DATA: '1' }));
    browser = await launchBrowser();
    const login = await gql<{ login: { accessToken: string } }>(
      server.url,
      'mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken}}',
      { u: 'admin', p: ADMIN_PASSWORD },
    );
    const admin = login.data!.login.accessToken;
    const counties = await api<{ agencies: { id: string; name: string }[] }>('{ agencies(kind: COUNTY) { id name } }', {}, admin);
    const taishan = counties.agencies.find((a) => a.name === '台山市')!;
    const kaiping = counties.agencies.find((a) => a.name === '开平市' || a.name === '開平市')!;
    for (const input of [
      { ...KAIPING, role: 'REPORTER', agencyId: kaiping.id },
      { ...OFFICE, role: 'OFFICE' },
      { ...REPORTER, role: 'REPORTER', agencyId: taishan.id },
      { ...LEADER, role: 'LEADER' },
    ]) {
      await api('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: input }, admin);
    }

    // The first notice as it stood with nothing beside it.
    jiangmen = (await api<{ policies: PolicyRow[] }>('{ policies { id status docNumber } }', {}, admin)).policies[0];
    const seen = await api<{ supervisionReviews: { id: string }[]; reviewQueue: { id: string }[]; policy: { measures: { id: string }[] } }>(
      'query($p: ID!) { supervisionReviews(policyId: $p) { id } reviewQueue(policyId: $p) { id } policy(id: $p) { measures { id } } }',
      { p: jiangmen.id },
      admin,
    );
    before = { reviews: seen.supervisionReviews.map((r) => r.id), queue: seen.reviewQueue.length, measures: seen.policy.measures.length };

    // The second notice: imported, its date confirmed if the text's was not read, published.
    const imported = await api<{ importNotice: { id: string; version: number; issuedOnConfirmed: boolean } }>(
      'mutation($t: String!) { importNotice(text: $t) { id version issuedOnConfirmed } }',
      { t: NOTICE },
      admin,
    );
    if (!imported.importNotice.issuedOnConfirmed) {
      await api(
        'mutation($i: UpdateDraftPolicyInput!) { updateDraftPolicy(input: $i) { id } }',
        { i: { id: imported.importNotice.id, version: imported.importNotice.version, issuedOn: '2025-03-20' } },
        admin,
      );
    }
    const published = await api<{ publishPolicy: PolicyRow }>(
      'mutation($id: ID!) { publishPolicy(id: $id) { id status docNumber } }',
      { id: imported.importNotice.id },
      admin,
    );
    second = published.publishPolicy;
    expect(second.status).toBe('PUBLISHED');

    // 开平市 reports on the second notice's measure (三) (各县（市、区）人民政府负责) for its current quarter.
    const kaipingLogin = await gql<{ login: { accessToken: string } }>(
      server.url,
      'mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken}}',
      { u: KAIPING.username, p: KAIPING.password },
    );
    const kaipingToken = kaipingLogin.data!.login.accessToken;
    const shape = await api<{
      policy: { currentPeriod: { id: string } | null; periods: { id: string }[]; measures: { id: string; seq: number }[] };
    }>('query($id: ID!) { policy(id: $id) { currentPeriod { id } periods { id } measures { id seq } } }', { id: second.id }, admin);
    const periodId = shape.policy.currentPeriod?.id ?? shape.policy.periods[0].id;
    const measureId = shape.policy.measures.find((m) => m.seq === 3)!.id;
    const saved = await api<{ saveProgressReport: { id: string; version: number } }>(
      'mutation($i: SaveProgressReportInput!) { saveProgressReport(input: $i) { id version } }',
      {
        i: {
          agencyId: kaiping.id,
          measureId,
          periodId,
          progress: '本季度举办高校毕业生专场招聘会2场，达成意向186人。',
          unitStatus: 'ON_TRACK',
        },
      },
      kaipingToken,
    );
    await api(
      'mutation($id: ID!, $v: Int!) { submitProgressReport(id: $id, version: $v) { id } }',
      { id: saved.saveProgressReport.id, v: saved.saveProgressReport.version },
      kaipingToken,
    );
    const officeLogin = await gql<{ login: { accessToken: string } }>(
      server.url,
      'mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken}}',
      { u: OFFICE.username, p: OFFICE.password },
    );
    officeToken = officeLogin.data!.login.accessToken;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await cleanup?.();
  });

  it('nothing of the first notice disappears when the second is published', async () => {
    const office = officeToken;
    const seen = await api<{ supervisionReviews: { id: string }[]; reviewQueue: { id: string }[]; policy: { measures: { id: string }[] } }>(
      'query($p: ID!) { supervisionReviews(policyId: $p) { id } reviewQueue(policyId: $p) { id } policy(id: $p) { measures { id } } }',
      { p: jiangmen.id },
      office,
    );
    expect(seen.supervisionReviews.map((r) => r.id)).toEqual(before.reviews);
    expect(seen.reviewQueue).toHaveLength(before.queue);
    expect(seen.policy.measures).toHaveLength(before.measures);
  });

  it('the leader finds each notice at its own address, switches between them in the header, and the choice is remembered', async () => {
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await signIn(page, server.url, LEADER);

      // The leader lands on the portfolio: both notices, each one click from its own dashboard.
      await page.waitForURL(/\/portfolio$/);
      await page.locator('[data-testid="portfolio"][data-ready]').waitFor();
      const cards = page.getByTestId('portfolio-policy');
      expect((await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-policy-id')))).sort()).toEqual(
        [jiangmen.id, second.id].sort(),
      );
      await shot(page, 'leader-portfolio-1440');
      for (const policy of [second, jiangmen]) {
        await page.locator(`[data-testid="portfolio-policy"][data-policy-id="${policy.id}"] [data-testid="portfolio-open"]`).click();
        await page.waitForURL(new RegExp(`/p/${policy.id}/dashboard$`));
        await page.locator('[data-testid="dashboard"][data-ready]', { hasText: policy === second ? SECOND_DOC : JIANGMEN_DOC }).waitFor();
        await page.getByTestId('nav-portfolio').click();
        await page.locator('[data-testid="portfolio"][data-ready]').waitFor();
      }

      // Each notice at its own address, the header's switch naming it.
      await page.goto(`${server.url}/p/${jiangmen.id}`);
      await page.getByRole('heading', { name: JIANGMEN_DOC }).first().waitFor();
      const switcher = page.getByTestId('policy-switch');
      await switcher.waitFor();
      expect(await switcher.textContent()).toMatch(JIANGMEN_DOC);

      // On the dashboard, switching opens the other notice's dashboard.
      await page.getByTestId('nav-dashboard').click();
      await page.waitForURL(new RegExp(`/p/${jiangmen.id}/dashboard`));
      await page.locator('[data-testid="dashboard"][data-ready]').waitFor();
      await switchTo(page, second.id);
      await page.waitForURL(new RegExp(`/p/${second.id}/dashboard$`));
      await page.locator('[data-testid="dashboard"][data-ready]', { hasText: SECOND_DOC }).waitFor();
      await shot(page, 'leader-dashboard-second-1440');

      // The main links now lead into the second notice; `/` and an old link too (remembered).
      expect(await page.getByTestId('nav-supervision').getAttribute('href')).toBe(`/p/${second.id}/supervision`);
      await page.goto(`${server.url}/`);
      await page.waitForURL(new RegExp(`/p/${second.id}$`));
      await page.goto(`${server.url}/dashboard`);
      await page.waitForURL(new RegExp(`/p/${second.id}/dashboard$`));

      // An old link naming a period of the first notice still leads to the first notice.
      const periods = await page.evaluate(
        async ([url, id]) => {
          const session = JSON.parse(localStorage.getItem('luoshi.session')!);
          const res = await fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
            body: JSON.stringify({ query: 'query($id: ID!) { policy(id: $id) { currentPeriod { id } } }', variables: { id } }),
          });
          return (await res.json()) as { data: { policy: { currentPeriod: { id: string } } } };
        },
        [server.url, jiangmen.id] as const,
      );
      const jiangmenPeriod = periods.data.policy.currentPeriod.id;
      await page.goto(`${server.url}/dashboard?period=${jiangmenPeriod}`);
      await page.waitForURL(new RegExp(`/p/${jiangmen.id}/dashboard\\?period=${jiangmenPeriod}$`));
      await page.locator('[data-testid="dashboard"][data-ready]').waitFor();

      // The first notice's finalized review is still there, at its address and by its old link.
      if (before.reviews.length > 0) {
        await page.goto(`${server.url}/supervision/${before.reviews[0]}`);
        await page.waitForURL(new RegExp(`/p/${jiangmen.id}/supervision/${before.reviews[0]}$`));
        await page.getByTestId('supervision-review').waitFor();
      }

      // A made-up policy is a 404 in words.
      await page.goto(`${server.url}/p/00000000-0000-4000-8000-000000000000/dashboard`);
      await page.getByTestId('policy-not-found').waitFor();
    } catch (error) {
      await shot(page, 'failed-leader').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('台山’s reporter fills one form for the quarter, covering both notices', async () => {
    // The quarter both notices report on: the second notice's current one.
    const quarters = await api<{ policies: { id: string; currentPeriod: { label: string } | null; periods: { label: string }[] }[] }>(
      '{ policies { id currentPeriod { label } periods { label } } }',
      {},
      officeToken,
    );
    const quarter = quarters.policies.find((p) => p.id === second.id)!.currentPeriod!.label;
    expect(quarters.policies.find((p) => p.id === jiangmen.id)!.periods.map((p) => p.label)).toContain(quarter);

    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    try {
      await signIn(page, server.url, REPORTER);
      await page.getByTestId('nav-tasks').click();
      await page.getByTestId('quarters').waitFor();
      await page.locator(`[data-testid="quarter"][data-quarter="${quarter}"]`).click();
      await page.waitForURL(new RegExp(`[?&]quarter=${quarter}`));
      const groups = page.locator(`[data-testid="quarter-tasks"][data-quarter="${quarter}"] [data-testid="policy-group"]`);
      await groups.first().waitFor();
      expect(await groups.evaluateAll((els) => els.map((e) => e.getAttribute('data-policy')))).toEqual(
        expect.arrayContaining([jiangmen.docNumber, second.docNumber]),
      );
      await shot(page, 'reporter-tasks-360');

      // One form: a part per notice.
      await page.getByTestId('fill-report').click();
      await page.waitForURL(new RegExp(`/report/q/${quarter}`));
      const parts = page.getByTestId('form-policy');
      await parts.nth(1).waitFor();
      expect(await parts.evaluateAll((els) => els.map((e) => e.getAttribute('data-policy')))).toEqual(
        expect.arrayContaining([jiangmen.docNumber, second.docNumber]),
      );
      await shot(page, 'reporter-form-360');
    } catch (error) {
      await shot(page, 'failed-reporter').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('the office’s review queue has both notices and filters by policy', async () => {
    const queueOf = async (policyId: string) =>
      (
        await api<{ reviewQueue: { id: string }[] }>('query($p: ID) { reviewQueue(policyId: $p) { id } }', { p: policyId }, officeToken)
      ).reviewQueue
        .map((r) => r.id)
        .sort();
    const firstIds = await queueOf(jiangmen.id);
    const secondIds = await queueOf(second.id);
    expect(secondIds).toHaveLength(1);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const shown = async () => {
      await page.locator('[data-testid="review-item"], [data-testid="review-empty"]').first().waitFor();
      return (
        await page.locator('[data-testid="review-item"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-report-id')!))
      ).sort();
    };
    try {
      await signIn(page, server.url, OFFICE);
      await page.getByTestId('nav-review').click();
      await page.getByTestId('list-filters').waitFor();
      await page.locator(`[data-testid="review-item"][data-report-id="${secondIds[0]}"]`).waitFor();
      expect(await shown()).toEqual([...firstIds, ...secondIds].sort());
      await shot(page, 'office-queue-both-1440');

      await page.goto(`${server.url}/review?policy=${second.id}`);
      await page.locator(`[data-testid="review-item"][data-report-id="${secondIds[0]}"]`).waitFor();
      expect(await shown()).toEqual(secondIds);
      await page.goto(`${server.url}/review?policy=${jiangmen.id}`);
      await page.getByTestId('list-filters').waitFor();
      expect(await shown()).toEqual(firstIds);
    } catch (error) {
      await shot(page, 'failed-office').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('on a phone the switch is compact: the doc number, on its own row', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/p/${second.id}`);
      await page.getByRole('heading', { name: SECOND_DOC }).first().waitFor();
      const switcher = page.getByTestId('policy-switch');
      await switcher.waitFor();
      expect((await switcher.textContent())?.trim()).toBe(SECOND_DOC);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await shot(page, 'visitor-second-360');
    } finally {
      await context.close();
    }
  });
});
