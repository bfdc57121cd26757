import { AuthService } from '../src/auth/auth.service';
import { passwordChecks } from '../src/auth/passwords';
import { loadTokenKey } from '../src/auth/token-key';
import { signToken } from '../src/auth/tokens';
import { codeOf, GqlResponse, TestServer, uniqueName } from './support/test-server';

const LOGIN = `mutation Login($username: String!, $password: String!) { login(username: $username, password: $password) { accessToken user { id } } }`;
const LOGOUT = `mutation Logout { logout }`;
const ME = `{ me { id username } }`;
const PASSWORD = 'right-password-1';

let addressCounter = 0;
/** An address no other test (nor another run on the same database server) uses: 2001:db8::/32 is for documentation. */
const uniqueAddress = () =>
  `2001:db8:${(process.pid % 0xffff).toString(16)}:${(Date.now() % 0xffff).toString(16)}::${(addressCounter++).toString(16)}`;

// Two apps on one database are two replicas. Both trust the loopback proxy, so a test names the
// client's address with X-Forwarded-For (without TRUST_PROXY the header is ignored).
describe('sessions that can be ended, and sign-in limits', () => {
  let a: TestServer;
  let b: TestServer;
  let admin: string;

  beforeAll(async () => {
    process.env.TRUST_PROXY = 'loopback';
    try {
      [a, b] = await Promise.all([TestServer.start(), TestServer.start()]);
    } finally {
      delete process.env.TRUST_PROXY;
    }
    admin = await a.adminToken();
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  /** A GraphQL request to `server` from the client address `from`. */
  async function gqlFrom<T = Record<string, unknown>>(
    server: TestServer,
    from: string,
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ) {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResponse<T>;
  }
  const login = (from: string, username: string, password: string) =>
    gqlFrom<{ login: { accessToken: string; user: { id: string } } }>(a, from, LOGIN, { username, password });
  async function newUser(): Promise<{ username: string; id: string }> {
    const username = uniqueName('sess');
    const made = await a.ok<{ createUser: { id: string } }>(
      `mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      { i: { username, password: PASSWORD, role: 'LEADER' } },
      admin,
    );
    return { username, id: made.createUser.id };
  }
  async function signIn(from: string, username: string): Promise<string> {
    const res = await login(from, username, PASSWORD);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.login.accessToken;
  }
  const meOn = async (server: TestServer, token: string) => {
    const res = await server.gql<{ me: { username: string } | null }>(ME, {}, token);
    return res.errors ? codeOf(res) : res.data?.me?.username;
  };
  const isThrottled = (res: GqlResponse<unknown>) => res.errors?.[0]?.extensions?.reason === 'TOO_MANY_ATTEMPTS';
  const auditOf = (entityId: string) =>
    a.dataSource.query(`SELECT action, user_id AS "userId", username, after FROM audit_record WHERE entity_id = $1 ORDER BY id`, [
      entityId,
    ]);

  it('logout ends that token on every replica at once, while another session of the same user goes on', async () => {
    const { username } = await newUser();
    const from = uniqueAddress();
    const [first, second] = [await signIn(from, username), await signIn(from, username)];
    expect([await meOn(a, first), await meOn(b, first), await meOn(b, second)]).toEqual([username, username, username]);

    expect((await gqlFrom(a, from, LOGOUT, {}, first)).data).toEqual({ logout: true });
    expect(await meOn(a, first)).toBe('UNAUTHENTICATED');
    expect(await meOn(b, first)).toBe('UNAUTHENTICATED'); // the other replica: no cache to wait out
    expect(codeOf(await b.gql(LOGOUT, {}, first))).toBe('UNAUTHENTICATED');
    expect([await meOn(a, second), await meOn(b, second)]).toEqual([username, username]);
    expect(codeOf(await a.gql(LOGOUT))).toBe('UNAUTHENTICATED');

    const [ended] = await a.dataSource.query(`SELECT ended_reason, ended_at IS NOT NULL AS ended FROM user_session WHERE id = $1`, [
      sidOf(first),
    ]);
    expect(ended).toEqual({ ended_reason: 'SIGN_OUT', ended: true });
    const audit = await auditOf(sidOf(first));
    expect(audit.map((r: { action: string }) => r.action)).toEqual(['SIGN_IN', 'SIGN_OUT']);
    expect(audit[1]).toMatchObject({ username, after: { username, address: from } });
  });

  it('ends every session of a user at once (endSessions, for account administration)', async () => {
    const { username, id } = await newUser();
    const from = uniqueAddress();
    const tokens = [await signIn(from, username), await signIn(from, username)];
    expect(await a.resolve(AuthService).endSessions(id, 'DEACTIVATED')).toBe(2);
    for (const token of tokens) expect([await meOn(a, token), await meOn(b, token)]).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(await signIn(from, username)).toBeTruthy(); // signing in again makes a new session
  });

  it('refuses a token without a session id (signed before sessions), or naming a missing or another user’s session', async () => {
    const [one, other] = [await newUser(), await newUser()];
    const key = await loadTokenKey(a.dataSource);
    const iat = Math.floor(Date.now() / 1000);
    const base = { sub: one.id, role: 'LEADER', iat, exp: iat + 3600 };
    const othersSession = sidOf(await signIn(uniqueAddress(), other.username));
    const tokens = [
      signToken(base as Parameters<typeof signToken>[0], key),
      signToken({ ...base, sid: '00000000-0000-4000-8000-000000000000' }, key),
      signToken({ ...base, sid: othersSession }, key),
    ];
    for (const token of tokens) expect(await meOn(a, token)).toBe('UNAUTHENTICATED');
  });

  it('counts sixty concurrent wrong passwords atomically: five to ten are checked, the rest refused unchecked', async () => {
    const { username } = await newUser();
    const from = uniqueAddress();
    const checksBefore = passwordChecks.count;
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => login(from, username, `wrong-${i}`)));
    const checked = passwordChecks.count - checksBefore;
    // Five free failures; then 1 s, 2 s, 4 s, 8 s … between checks, so a burst that takes up to
    // 31 s on a loaded machine gets at most five more. The old count-then-insert let 21 through.
    expect(checked).toBeGreaterThanOrEqual(5);
    expect(checked).toBeLessThanOrEqual(10);
    expect(answers.every((r) => codeOf(r) === 'UNAUTHENTICATED')).toBe(true);
    const refused = answers.filter(isThrottled);
    expect(refused).toHaveLength(60 - checked);
    expect(refused[0].errors![0].extensions!.retryAfterSeconds).toEqual(expect.any(Number));
    expect(refused[0].errors![0].message).toMatch(/登录失败次数过多,请 \d+ (秒|分钟)后再试/);

    const audit: { action: string }[] = await auditOf(username);
    expect(audit.filter((r) => r.action === 'SIGN_IN_FAILED')).toHaveLength(checked);
    // One throttled record per backoff period, not one per refused request.
    const throttled = audit.filter((r) => r.action === 'SIGN_IN_THROTTLED').length;
    expect(throttled).toBeGreaterThanOrEqual(1);
    expect(throttled).toBeLessThanOrEqual(checked - 4);
  });

  it('backs a username off without checking its password, lets its owner in from a clean address, and lets everyone in once the wait has passed', async () => {
    const { username } = await newUser();
    const attacker = uniqueAddress();
    for (let i = 0; i < 5; i++) expect(isThrottled(await login(attacker, username, `wrong-${i}`))).toBe(false);
    // The sixth failure would wait 2 s; make it 16 s so a slow machine cannot outlast it.
    await a.dataSource.query(`UPDATE sign_in_throttle SET failures = 9, last_failure_at = clock_timestamp() WHERE key = $1`, [
      `user:${username}`,
    ]);
    const checksBefore = passwordChecks.count;
    const refused = await login(attacker, username, PASSWORD);
    expect(isThrottled(refused)).toBe(true);
    expect(refused.errors![0].extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.errors![0].extensions!.retryAfterSeconds).toBeLessThanOrEqual(16);
    expect(passwordChecks.count).toBe(checksBefore); // no password checked

    // The owner, from an address with no failures, is not kept out by the attacker's.
    expect((await login(uniqueAddress(), username, PASSWORD)).errors).toBeUndefined();
    // That success reset the username; the attacker's address still counts its own failures.
    const [row] = await a.dataSource.query(`SELECT count(*)::int AS n FROM sign_in_throttle WHERE key = $1`, [`user:${username}`]);
    expect(row.n).toBe(0);

    // From many addresses (100 failures of one name) even a clean address waits, until the wait passes.
    await a.dataSource.query(`INSERT INTO sign_in_throttle (key, failures, last_failure_at) VALUES ($1, 100, clock_timestamp())`, [
      `user:${username}`,
    ]);
    expect(isThrottled(await login(uniqueAddress(), username, PASSWORD))).toBe(true);
    expect(isThrottled(await login(attacker, username, PASSWORD))).toBe(true);
    await a.dataSource.query(`UPDATE sign_in_throttle SET last_failure_at = clock_timestamp() - interval '901 seconds' WHERE key = $1`, [
      `user:${username}`,
    ]);
    expect((await login(attacker, username, PASSWORD)).errors).toBeUndefined();
  });

  it('limits one address whatever the usernames, without holding back other addresses', async () => {
    const { username } = await newUser();
    const sprayer = uniqueAddress();
    const checksBefore = passwordChecks.count;
    const answers = await Promise.all(Array.from({ length: 40 }, () => login(sprayer, uniqueName('nobody'), 'guess-1')));
    const checked = passwordChecks.count - checksBefore;
    expect(checked).toBeGreaterThanOrEqual(30); // thirty free failures per address
    expect(checked).toBeLessThanOrEqual(34); // then 1 s, 2 s, 4 s … apart
    expect(answers.filter(isThrottled)).toHaveLength(40 - checked);

    await a.dataSource.query(`UPDATE sign_in_throttle SET failures = 34, last_failure_at = clock_timestamp() WHERE key = $1`, [
      `address:${sprayer}`,
    ]);
    const refused = await login(sprayer, username, PASSWORD);
    expect(isThrottled(refused)).toBe(true);
    expect(refused.errors![0].extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((await login(uniqueAddress(), username, PASSWORD)).errors).toBeUndefined();
    // Audited once per backoff period of the address, under whichever name was tried then.
    const throttled = await a.dataSource.query(
      `SELECT after->>'limitedBy' AS by FROM audit_record WHERE action = 'SIGN_IN_THROTTLED' AND after->>'address' = $1`,
      [sprayer],
    );
    expect(throttled.length).toBeGreaterThanOrEqual(1);
    expect(throttled.every((r: { by: string }) => r.by === 'address')).toBe(true);
  });

  it('audits sign-in, failure, throttling and sign-out, never with the password', async () => {
    const { username, id } = await newUser();
    const from = uniqueAddress();
    const secret = `wrong-secret-${Date.now()}`;
    expect(codeOf(await login(from, username, secret))).toBe('UNAUTHENTICATED');
    const token = await signIn(from, username);
    await gqlFrom(a, from, LOGOUT, {}, token);
    await a.dataSource.query(`INSERT INTO sign_in_throttle (key, failures, last_failure_at) VALUES ($1, 20, clock_timestamp())`, [
      `user:${username}`,
    ]);
    expect(isThrottled(await login(from, username, secret))).toBe(true);

    const rows: { action: string; userId: string | null; after: Record<string, unknown> }[] = [
      ...(await auditOf(username)),
      ...(await auditOf(sidOf(token))),
    ];
    expect(rows.map((r) => r.action).sort()).toEqual(['SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_IN_THROTTLED', 'SIGN_OUT']);
    for (const row of rows) expect(row.after).toMatchObject({ username, address: from });
    expect(rows.find((r) => r.action === 'SIGN_IN_FAILED')!.userId).toBeNull();
    expect(rows.find((r) => r.action === 'SIGN_IN')!.userId).toBe(id);
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
  });
});

/** The session id a token carries. */
function sidOf(token: string): string {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).sid;
}
