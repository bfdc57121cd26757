/** Pure helpers of the chasing page (催办), kept apart so they are tested without rendering. */
import type { MessageKey } from '../../shared/i18n';

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';
export type DeliveryChannel = 'IN_APP' | 'WECOM' | 'DINGTALK';
export type RobotKind = 'WECOM' | 'DINGTALK';

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['PENDING', 'DELIVERED', 'FAILED'];
export const DELIVERY_CHANNELS: readonly DeliveryChannel[] = ['IN_APP', 'WECOM', 'DINGTALK'];
export const ROBOT_KINDS: readonly RobotKind[] = ['WECOM', 'DINGTALK'];

/** antd Tag colour of a delivery status. */
export const statusColor = (status: DeliveryStatus): string => ({ PENDING: 'processing', DELIVERED: 'success', FAILED: 'error' })[status];

/** `2025-01-08 09:05`, in China time whatever the browser's zone (the office works in China time). */
export function formatChinaTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) return '';
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Newest first (by createdAt, then id), and only the channel asked for (null: all). */
export function visibleDeliveries<T extends { id: string; createdAt: string; channel: DeliveryChannel }>(
  rows: readonly T[],
  channel: DeliveryChannel | null,
): T[] {
  return rows
    .filter((r) => !channel || r.channel === channel)
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id.localeCompare(a.id, 'en', { numeric: true }));
}

/** The only robot endpoints the server accepts (it checks again, and again when sending). */
const ROBOT_ENDPOINTS: Record<string, { path: string; param: string }> = {
  'qyapi.weixin.qq.com': { path: '/cgi-bin/webhook/send', param: 'key' },
  'oapi.dingtalk.com': { path: '/robot/send', param: 'access_token' },
};

/**
 * The client-side check of a robot address: https to the WeCom or DingTalk robot endpoint with its
 * key, no port, no user name. Anything else would let the server post inside its own network.
 */
export function isWebhookUrl(raw: string): boolean {
  const url = raw.trim();
  if (!url || url.length > 2000) return false;
  try {
    const parsed = new URL(url);
    const endpoint = ROBOT_ENDPOINTS[parsed.hostname];
    if (parsed.protocol !== 'https:' || !endpoint || parsed.port || parsed.username || parsed.password || parsed.hash) return false;
    const keys = parsed.searchParams.getAll(endpoint.param);
    return parsed.pathname === endpoint.path && keys.length === 1 && keys[0].trim() !== '';
  } catch {
    return false;
  }
}

/** Only the host of a robot address is shown: the key in its query string is a credential. */
export function urlHost(raw: string): string {
  try {
    return new URL(raw).host;
  } catch {
    return '';
  }
}

/** The robot kind the address most likely belongs to, to preselect when the office pastes it. */
export function guessKind(raw: string): RobotKind | null {
  const host = urlHost(raw.trim()).toLowerCase();
  if (host === 'qyapi.weixin.qq.com') return 'WECOM';
  if (host === 'oapi.dingtalk.com') return 'DINGTALK';
  return null;
}

/** A long message shows its first line (up to `max` characters) until expanded. */
export function contentPreview(content: string, max = 80): { text: string; truncated: boolean } {
  const firstLine = content.split('\n', 1)[0] ?? '';
  const text = firstLine.length > max ? `${firstLine.slice(0, max)}…` : firstLine;
  return { text, truncated: text !== content };
}

export interface UnitRow<A, W> {
  agency: A;
  webhook: W | null;
}

/**
 * The 24 units with their robot, departments first then counties (each in the API's order), and
 * how many have one.
 */
export function unitRobots<A extends { id: string; kind: string }, W extends { agencyId: string }>(
  agencies: readonly A[],
  webhooks: readonly W[],
): { departments: UnitRow<A, W>[]; counties: UnitRow<A, W>[]; configured: number } {
  const byAgency = new Map(webhooks.map((w) => [w.agencyId, w]));
  const rows = agencies.map((agency) => ({ agency, webhook: byAgency.get(agency.id) ?? null }));
  return {
    departments: rows.filter((r) => r.agency.kind !== 'COUNTY'),
    counties: rows.filter((r) => r.agency.kind === 'COUNTY'),
    configured: rows.filter((r) => r.webhook).length,
  };
}

/** A runChaseNow result as the page needs it. */
export interface RunResult {
  events: number;
  notices: number;
  units: number;
  webhooksDelivered: number;
  webhooksFailed: number;
  webhooksRetrying: number;
  outstanding: number;
  unitsUnreached: number;
  quietReason: 'NOTHING_DUE' | 'ALREADY_CHASED' | 'NO_ONE_TO_TELL' | null;
}

/**
 * What a pass did, in words: the counts; or, when no unit was told anything, why (nothing late,
 * all chased before, no one to tell); plus the units that could not be reached. Message keys and
 * variables, so the page writes them in its language.
 */
export function runOutcome(r: RunResult): { key: MessageKey; vars: Record<string, number> }[] {
  const vars = runCounts(r);
  if (r.quietReason) return [{ key: `chase.quiet.${r.quietReason}` as const, vars }];
  const out: { key: MessageKey; vars: Record<string, number> }[] = [{ key: 'chase.runDone', vars }];
  if (r.unitsUnreached > 0) out.push({ key: 'chase.unreached', vars: { n: r.unitsUnreached } });
  return out;
}

/** The message variables of a runChaseNow result. */
export function runCounts(r: RunResult): Record<string, number> {
  return {
    outstanding: r.outstanding,
    events: r.events,
    notices: r.notices,
    units: r.units,
    delivered: r.webhooksDelivered,
    retrying: r.webhooksRetrying,
    failed: r.webhooksFailed,
  };
}

/** The server's message for the URL field (BAD_USER_INPUT with `field: 'url'`), if that is what failed. */
export function urlFieldMessage(errors: readonly { message: string; extensions?: Record<string, unknown> }[]): string | null {
  const hit = errors.find(
    (e) => e.extensions?.code === 'BAD_USER_INPUT' && (e.extensions.field === 'url' || e.extensions.field === undefined),
  );
  return hit ? hit.message : null;
}
