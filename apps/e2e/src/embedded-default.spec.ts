import { rmSync } from 'node:fs';
import { gql, startBuiltServer, tempDataDir } from './support/built-server';

// The default a newcomer gets: no DATABASE_URL, an embedded PostgreSQL under DATA_DIR.
describe('the embedded default (no DATABASE_URL)', () => {
  const dataDir = tempDataDir('luoshi-embedded-');
  const env = { DATABASE_URL: undefined, ADMIN_PASSWORD: undefined, NODE_ENV: undefined, DATA_DIR: dataDir };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const POLICY = `{ policies { docNumber measures { seq responsibilities { agency { name } } } } }`;
  type Policies = { policies: { docNumber: string; measures: { seq: number }[] }[] };

  it('starts on a fresh data dir, loads the notice, prints a working admin password, and keeps its data across restarts', async () => {
    const first = await startBuiltServer(env);
    let password: string;
    try {
      const read = await gql<Policies>(first.url, POLICY);
      expect(read.data?.policies).toHaveLength(1);
      expect(read.data?.policies[0].docNumber).toBe('江就辦〔2024〕1號');
      expect(read.data?.policies[0].measures).toHaveLength(15);
      const printed = /管理员账号 admin,初始密码 (\S+)/.exec(first.output());
      expect(printed).not.toBeNull();
      password = printed![1];
      const login = await gql<{ login: { accessToken: string } }>(
        first.url,
        `mutation ($p: String!) { login(username: "admin", password: $p) { accessToken } }`,
        { p: password },
      );
      expect(login.data?.login.accessToken).toBeTruthy();
      // The embedded default comes with demo accounts and reports, and says so.
      const demoPassword = /演示账号的密码均为 (\S+)/.exec(first.output())?.[1];
      expect(demoPassword).toBeTruthy();
      const office = await gql<{ login: { accessToken: string } }>(
        first.url,
        `mutation ($p: String!) { login(username: "office", password: $p) { accessToken } }`,
        { p: demoPassword },
      );
      expect(office.data?.login.accessToken).toBeTruthy();
      expect((await gql<{ appInfo: { demoData: boolean } }>(first.url, `{ appInfo { demoData } }`)).data?.appInfo.demoData).toBe(true);
      const page = await fetch(`${first.url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      expect((await fetch(`${first.url}/health/live`)).status).toBe(200);
    } finally {
      await first.stop();
    }

    const second = await startBuiltServer(env);
    try {
      const read = await gql<Policies>(second.url, POLICY);
      expect(read.data?.policies).toHaveLength(1);
      expect(read.data?.policies[0].measures).toHaveLength(15);
      expect(second.output()).not.toMatch(/初始密码|演示账号的密码/);
      const login = await gql<{ login: { accessToken: string } }>(
        second.url,
        `mutation ($p: String!) { login(username: "admin", password: $p) { accessToken } }`,
        { p: password },
      );
      expect(login.data?.login.accessToken).toBeTruthy();
    } finally {
      await second.stop();
    }
  });
});
