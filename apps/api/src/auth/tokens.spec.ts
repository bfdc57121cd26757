import { signToken, verifyToken } from './tokens';

describe('access tokens', () => {
  const key = 'k'.repeat(48);
  const claims = { sub: 'u1', role: 'ADMIN', iat: 1000, exp: 2000 };

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
});
