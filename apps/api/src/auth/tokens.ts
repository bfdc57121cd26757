import { createHmac, timingSafeEqual } from 'node:crypto';

/** Claims of a Luoshi access token (a JWT signed with HS256). */
export interface TokenClaims {
  sub: string;
  /** The session (user_session.id) the token belongs to: ending it refuses the token. */
  sid: string;
  role: string;
  iat: number;
  exp: number;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');
const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export function signToken(claims: TokenClaims, key: string): string {
  const body = `${HEADER}.${b64url(JSON.stringify(claims))}`;
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The claims of a valid, unexpired token; null for anything else (forged, expired, malformed, or
 * signed before sessions existed: a token without `sid` cannot be ended, so it must sign in again).
 */
export function verifyToken(token: string, key: string, nowSeconds = Math.floor(Date.now() / 1000)): TokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return null;
  const expected = createHmac('sha256', key).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as TokenClaims;
    if (typeof claims.sub !== 'string' || !UUID.test(claims.sub) || typeof claims.sid !== 'string' || !UUID.test(claims.sid)) return null;
    if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) return null;
    return claims;
  } catch {
    return null;
  }
}

/** The claims of the request's `Authorization: Bearer <token>` header when it carries a valid token; null otherwise. */
export function bearerClaims(authorization: string | undefined, key: string): TokenClaims | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match ? verifyToken(match[1], key) : null;
}
