import { clearSession, getAccessToken, getSession, isSessionLive, parseExpiresAt, parseStoredSession, saveSession } from './session';

const user = { id: 'u1', username: 'office1', role: 'OFFICE' as const, agency: { id: 'a1', name: '江門市就業工作領導小組辦公室' } };

describe('parseExpiresAt', () => {
  it('reads ISO date-times and epoch seconds or milliseconds', () => {
    expect(parseExpiresAt('2024-07-26T08:00:00.000Z')).toBe(Date.UTC(2024, 6, 26, 8));
    expect(parseExpiresAt('1721980800')).toBe(1721980800_000);
    expect(parseExpiresAt('1721980800000')).toBe(1721980800_000);
    expect(parseExpiresAt('soon')).toBeNaN();
  });
});

describe('isSessionLive', () => {
  it('is false shortly before and after expiry, and for an unreadable expiry', () => {
    const now = Date.UTC(2024, 6, 26);
    expect(isSessionLive({ expiresAt: now + 3_600_000 }, now)).toBe(true);
    expect(isSessionLive({ expiresAt: now + 10_000 }, now)).toBe(false);
    expect(isSessionLive({ expiresAt: now - 1 }, now)).toBe(false);
    expect(isSessionLive({ expiresAt: Number.NaN }, now)).toBe(false);
  });
});

describe('parseStoredSession', () => {
  it('rejects malformed or foreign data', () => {
    expect(parseStoredSession(null)).toBeNull();
    expect(parseStoredSession('not json')).toBeNull();
    expect(parseStoredSession(JSON.stringify({ accessToken: 't', expiresAt: 1, user: { ...user, role: 'KING' } }))).toBeNull();
    expect(parseStoredSession(JSON.stringify({ accessToken: 't', expiresAt: '1', user }))).toBeNull();
  });

  it('accepts what saveSession stores', () => {
    const session = { accessToken: 't', expiresAt: 123, user };
    expect(parseStoredSession(JSON.stringify(session))).toEqual(session);
  });
});

describe('session storage', () => {
  afterEach(() => clearSession());

  it('stores the token until it expires', () => {
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    saveSession({ accessToken: 'abc', expiresAt, user });
    expect(getAccessToken()).toBe('abc');
    expect(getSession()?.user.username).toBe('office1');
    clearSession();
    expect(getAccessToken()).toBeNull();
  });

  it('drops an expired token instead of sending it', () => {
    saveSession({ accessToken: 'old', expiresAt: new Date(Date.now() - 1000).toISOString(), user });
    expect(getAccessToken()).toBeNull();
    expect(window.localStorage.getItem('luoshi.session')).toBeNull();
  });
});
