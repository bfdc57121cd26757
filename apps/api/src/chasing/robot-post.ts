/**
 * Posts a text message to a WeCom or DingTalk group robot. Both take the same body and answer
 * `{"errcode":0,…}` on success; anything else — a non-2xx status, no answer within the timeout, a
 * network error, another errcode — throws, with a short reason for the delivery record.
 */
export async function postRobotText(url: string, content: string, timeoutMs: number, deliveryId: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      // The id lets a receiver (or a test) tell a retry of one message from a second message.
      headers: { 'content-type': 'application/json', 'x-luoshi-delivery': deliveryId },
      body: JSON.stringify({ msgtype: 'text', text: { content } }),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new Error(reasonOf(error, timeoutMs));
  }
  let text: string;
  try {
    text = await res.text();
  } catch (error) {
    throw new Error(reasonOf(error, timeoutMs));
  }
  if (res.status < 200 || res.status > 299) throw new Error(`HTTP ${res.status}`);
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // handled below: an answer that is not the robots' JSON is not a delivery
  }
  if (!parsed || typeof parsed !== 'object') throw new Error('应答不是 JSON');
  const answer = parsed as { errcode?: unknown; errmsg?: unknown };
  if (answer.errcode !== 0) throw new Error(`errcode ${String(answer.errcode)}${answer.errmsg ? `: ${String(answer.errmsg).slice(0, 200)}` : ''}`);
}

function reasonOf(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `超时(${timeoutMs} 毫秒无应答)`;
  const cause = e?.cause?.code ?? e?.cause?.message;
  return `网络错误:${cause ?? e?.message ?? String(error)}`.slice(0, 300);
}
