import type { Request } from 'express';

/**
 * Express's `trust proxy` from TRUST_PROXY. Unset: X-Forwarded-For is ignored and the address is
 * the connection's, so nobody can pick the address the sign-in limits count against. Set it only
 * behind a proxy that overwrites the header: a hop count (`1`), addresses or subnets
 * (`10.0.0.1, 10.0.0.0/8`, `loopback`), or `true` (trust every hop: only if nothing else can reach
 * the API).
 */
export function trustProxySetting(value = process.env.TRUST_PROXY): boolean | number | string {
  const text = value?.trim();
  if (!text || text === 'false' || text === '0') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  return text;
}

/** The client's address as Express sees it (after `trust proxy`), IPv4-mapped IPv6 written as IPv4. */
export function clientAddress(req: Request): string {
  const ip = req.ip ?? req.socket?.remoteAddress ?? '';
  const plain = ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip;
  return plain.slice(0, 64) || 'unknown';
}

/** The browser as it names itself, shortened: kept with the session and in the audit. */
export function clientUserAgent(req: Request): string | null {
  const ua = req.headers['user-agent'];
  return typeof ua === 'string' && ua ? ua.slice(0, 300) : null;
}
