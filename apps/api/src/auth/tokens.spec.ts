import { signToken, verifyToken } from './tokens';

describe('access tokens', () => {
  const key = 'k'.repeat(48);
  const claims = {
    sub: '6f1c2b9e-0d4a-4c57-9a3e-2b7d8f1e4c10',
    sid: '0b8e7c1a-5d2f-4e9b-8c3a-1f6d2e9b7a54',
    role: 'ADMIN',
    iat: 1000,
    exp: 2000,
  };

  it('verifies its own tokens until they expire', () => {
    const token = signToken(claims, key);
    expect(verifyToken(token, key, 1500)).toEqual(claims);
    expect(verifyToken(token, key, 2000)).toBeNull();
  });

  it('refuses a token signed with another key or altered', () => {
    const token = signToken(claims, key);
    expect(verifyToken(token, 'x'.repeat(48), 1500)).toBeNull();
    const [h, , s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'OFFICE' })).toString('base64url');
    expect(verifyToken(`${h}.${forged}.${s}`, key, 1500)).toBeNull();
    expect(verifyToken('not-a-token', key, 1500)).toBeNull();
  });

  it('refuses a token without a session id (signed before sessions existed) or with malformed ids', () => {
    const { sid: _sid, ...withoutSid } = claims;
    expect(verifyToken(signToken(withoutSid as typeof claims, key), key, 1500)).toBeNull();
    expect(verifyToken(signToken({ ...claims, sid: "x' OR 1=1" }, key), key, 1500)).toBeNull();
    expect(verifyToken(signToken({ ...claims, sub: 'u1' }, key), key, 1500)).toBeNull();
  });
});
