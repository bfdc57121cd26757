import { isIP } from 'node:net';
import type { WebhookKind } from './agency-webhook.entity';

/**
 * The only places a robot message may go: WeCom's and DingTalk's group-robot endpoints, over
 * https on the default port. An allowlist rather than a blocklist: a robot address is typed in by
 * a user, and anything else (another host, a port, an IP) would let the API reach inside the network.
 */
export const ROBOT_ENDPOINTS: Record<WebhookKind, { host: string; path: string; param: string }> = {
  WECOM: { host: 'qyapi.weixin.qq.com', path: '/cgi-bin/webhook/send', param: 'key' },
  DINGTALK: { host: 'oapi.dingtalk.com', path: '/robot/send', param: 'access_token' },
};

const example = (kind: WebhookKind) =>
  `https://${ROBOT_ENDPOINTS[kind].host}${ROBOT_ENDPOINTS[kind].path}?${ROBOT_ENDPOINTS[kind].param}=…`;

/** What the office is told when an address is refused (and what the delivery record says). */
export const ALLOWED_ROBOT_ADDRESSES = `只接受企业微信群机器人地址 ${example('WECOM')} 或钉钉群机器人地址 ${example('DINGTALK')}`;

export type RobotUrlCheck = { ok: true; url: URL; kind: WebhookKind } | { ok: false; reason: string };

/**
 * Checks a robot address against the allowlist; `kind` (when given) must match the endpoint. The
 * URL comes back normalised (lower-case host, default port dropped): that spelling is what is
 * stored and what is sent, so the check and the request can never read the address differently.
 */
export function checkRobotUrl(raw: string, kind?: WebhookKind): RobotUrlCheck {
  const refused = { ok: false as const, reason: `Webhook 地址不是允许的机器人地址：${ALLOWED_ROBOT_ADDRESSES}` };
  const text = raw.trim();
  if (!text || text.length > 2000) return refused;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refused;
  }
  // The URL parser has already lower-cased the host, dropped `:443` and decoded the host's escapes.
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '' || url.hash !== '') return refused;
  if (isIP(url.hostname.replace(/^\[|\]$/g, ''))) return refused;
  const found = (Object.keys(ROBOT_ENDPOINTS) as WebhookKind[]).find((k) => ROBOT_ENDPOINTS[k].host === url.hostname);
  if (!found) return refused;
  const endpoint = ROBOT_ENDPOINTS[found];
  const keys = url.searchParams.getAll(endpoint.param);
  if (url.pathname !== endpoint.path || keys.length !== 1 || !keys[0].trim()) {
    return { ok: false, reason: `Webhook 地址不完整：${found === 'WECOM' ? '企业微信' : '钉钉'}群机器人的地址为 ${example(found)}` };
  }
  if (kind && kind !== found) {
    return { ok: false, reason: `Webhook 地址与所选类型不符：${kind === 'WECOM' ? '企业微信' : '钉钉'}群机器人的地址为 ${example(kind)}` };
  }
  return { ok: true, url, kind: found };
}
