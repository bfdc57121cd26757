import { request } from 'node:http';
import { Socket } from 'node:net';
import type { WebhookKind } from './agency-webhook.entity';
import { isPublicAddress } from './public-address';
import { ALLOWED_ROBOT_ADDRESSES, checkRobotUrl } from './robot-address';
import { PinnedTarget, RobotDialer } from './robot-dialer';

/** A message that was not sent and never will be: retrying cannot help, so it fails at once. */
export class RobotRefused extends Error {}

/** A robot answers `{"errcode":0,"errmsg":"ok"}`; anything much larger is not a robot's answer. */
export const MAX_ANSWER_BYTES = 8 * 1024;

/**
 * Posts a text message to a WeCom or DingTalk group robot. The address is checked again here (a
 * row stored before the allowlist, or queued from one, is refused, never sent); the host is
 * resolved once, every address it gives must be public, and the connection goes to the address
 * checked (no second lookup a rebinding DNS could answer differently). Both robots take the same
 * body and answer `{"errcode":0,…}` on success; anything else throws with a reason in our own
 * words for the delivery record: a status, an errcode number, a network error code — never the
 * other side's text, so the record cannot be used to read what some server answers.
 */
export async function postRobotText(
  dialer: RobotDialer,
  delivery: { url: string; channel: string },
  content: string,
  timeoutMs: number,
  deliveryId: string,
): Promise<void> {
  const kind = delivery.channel === 'WECOM' || delivery.channel === 'DINGTALK' ? (delivery.channel as WebhookKind) : undefined;
  const checked = checkRobotUrl(delivery.url, kind);
  if (!checked.ok || !kind) throw new RobotRefused(`地址不是允许的机器人地址，未发送（${ALLOWED_ROBOT_ADDRESSES}）`);
  const host = checked.url.hostname;
  const deadline = Date.now() + timeoutMs;

  let addresses: { address: string; family: number }[];
  try {
    addresses = await withTimeout(dialer.lookup(host), timeoutMs);
  } catch (error) {
    throw new Error(reasonOf(error, timeoutMs, '域名解析失败'));
  }
  if (!addresses.length) throw new Error('网络错误：域名解析无结果');
  if (addresses.some((a) => !isPublicAddress(a.address))) {
    throw new RobotRefused(`${host} 解析到内网或保留地址，为安全起见未发送`);
  }
  const target: PinnedTarget = { url: checked.url, address: addresses[0].address, family: addresses[0].family };

  const payload = JSON.stringify({ msgtype: 'text', text: { content } });
  const answer = await exchange(dialer, target, payload, deliveryId, Math.max(deadline - Date.now(), 1), timeoutMs);
  if (answer.status >= 300 && answer.status <= 399) throw new Error(`HTTP ${answer.status}（重定向，不跟随）`);
  if (answer.status < 200 || answer.status > 299) throw new Error(`HTTP ${answer.status}`);
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    // handled below: an answer that is not the robots' JSON is not a delivery
  }
  if (!parsed || typeof parsed !== 'object') throw new Error('应答不是机器人的 JSON');
  const errcode = (parsed as { errcode?: unknown }).errcode;
  // The errcode is the robots' documented API (e.g. 93000: invalid key); errmsg is their free text and is not kept.
  if (typeof errcode !== 'number' || !Number.isSafeInteger(errcode)) throw new Error('应答缺少 errcode');
  if (errcode !== 0) throw new Error(`errcode ${errcode}`);
}

/**
 * One POST over the dialer's connection, no agent, no redirects (node:http follows none): the
 * status, and the body of a 2xx answer read up to MAX_ANSWER_BYTES.
 */
function exchange(
  dialer: RobotDialer,
  target: PinnedTarget,
  payload: string,
  deliveryId: string,
  waitMs: number,
  timeoutMs: number,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, value?: { status: number; body: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      if (error) reject(error);
      else resolve(value!);
    };
    const req = request(
      {
        method: 'POST',
        host: target.url.hostname,
        path: `${target.url.pathname}${target.url.search}`,
        setHost: false,
        headers: {
          host: target.url.hostname,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          // The id lets a receiver (or a test) tell a retry of one message from a second message.
          'x-luoshi-delivery': deliveryId,
        },
        createConnection: () => {
          try {
            return dialer.connect(target);
          } catch (error) {
            // Reported through the request's 'error' event like any other connection failure.
            const failed = new Socket();
            process.nextTick(() => failed.destroy(error as Error));
            return failed;
          }
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status < 200 || status > 299) return finish(null, { status, body: '' });
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) return finish(new Error(`应答过大（超过 ${MAX_ANSWER_BYTES / 1024} KB）`));
          chunks.push(chunk);
        });
        res.on('end', () => finish(null, { status, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (error) => finish(new Error(reasonOf(error, timeoutMs))));
      },
    );
    const timer = setTimeout(() => finish(new Error(`超时（${timeoutMs} 毫秒无应答）`)), waitMs);
    req.on('error', (error) => finish(new Error(reasonOf(error, timeoutMs))));
    req.end(payload);
  });
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { name: 'TimeoutError' })), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** A network failure by its code only (ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED…): error texts can carry the other side's bytes. */
function reasonOf(error: unknown, timeoutMs: number, what = ''): string {
  const e = error as { name?: string; code?: unknown; cause?: { code?: unknown } };
  if (e?.name === 'TimeoutError') return `超时（${timeoutMs} 毫秒无应答）`;
  const code = [e?.code, e?.cause?.code].find((c) => typeof c === 'string' && /^[A-Z0-9_]{2,64}$/i.test(c));
  const detail = [what, code].filter(Boolean).join(' ');
  return detail ? `网络错误：${detail}` : '网络错误';
}
