import { backoffMs, chaseConfig } from './chasing.config';
import { ChaseLine, countsText, officeSummary, unitChaseMessage } from './chase-messages';
import { maskedUrl } from './masked-url';
import { checkWebhookUrl } from './webhooks.service';

const line = (kind: ChaseLine['kind'], seq: number, subject = '擴大就業見習規模'): ChaseLine => ({
  key: `${kind}:${seq}`,
  kind,
  agencyId: 'a',
  dueOn: '2024-10-10',
  policyId: 'p',
  docNumber: '江就辦〔2024〕1號',
  periodLabel: '2024Q3',
  measureSeq: seq,
  subject,
});

describe('chasing messages', () => {
  it('lists a unit’s late and nearly due things in one message, overdue first, in simplified characters', () => {
    const msg = unitChaseMessage('台山市', [
      line('REPORT_DUE_SOON', 3),
      line('REPORT_OVERDUE', 7),
      line('REPORT_OVERDUE', 10),
      line('ITEM_OVERDUE', 7, '请补报见习人数'),
    ]);
    expect(msg.title).toBe('催办：逾期未报 2 项、督办事项逾期未答复 1 项、进展报告即将到期 1 项');
    expect(msg.body.split('\n')).toEqual([
      '【逾期未报】',
      '1. 江就办〔2024〕1号 2024Q3 第7项 扩大就业见习规模（应于 2024-10-10 前报送）',
      '2. 江就办〔2024〕1号 2024Q3 第10项 扩大就业见习规模（应于 2024-10-10 前报送）',
      '【督办事项逾期未答复】',
      '1. 江就办〔2024〕1号 第7项：请补报见习人数（限 2024-10-10 前答复）',
      '【进展报告即将到期】',
      '1. 江就办〔2024〕1号 2024Q3 第3项 扩大就业见习规模（请于 2024-10-10 前报送）',
    ]);
    expect(msg.link).toBe('/tasks');
    expect(msg.text.startsWith('【落实·催办】台山市：\n【逾期未报】')).toBe(true);
    expect(unitChaseMessage('台山市', [line('ITEM_DUE_SOON', 1, 'x'.repeat(80))]).body).toContain('x'.repeat(39) + '…');
    expect(unitChaseMessage('台山市', [line('ITEM_DUE_SOON', 1)]).link).toBe('/supervision/items');
  });

  it('lists at most ten things per section, counting the rest (an old notice published today)', () => {
    const many = Array.from({ length: 25 }, (_, i) => line('REPORT_OVERDUE', i + 1));
    const msg = unitChaseMessage('台山市', many);
    expect(msg.title).toBe('催办：逾期未报 25 项');
    const lines = msg.body.split('\n');
    expect(lines).toHaveLength(1 + 10 + 1);
    expect(lines[10]).toMatch(/^10\. /);
    expect(lines[11]).toBe('……另有 15 项，请登录系统查看');
  });

  it('summarises a run for the office', () => {
    const s = officeSummary([
      { name: '台山市', lines: [line('REPORT_OVERDUE', 1)] },
      { name: '恩平市', lines: [line('ITEM_DUE_SOON', 2)] },
    ]);
    expect(s).toEqual({ title: '本轮已催办 2 个单位', body: '台山市：逾期未报 1 项\n恩平市：督办事项即将到期 1 项', link: '/chasing' });
    expect(countsText([])).toBe('');
  });

  it('reads its settings with sane defaults and backs off exponentially', () => {
    expect(chaseConfig({})).toMatchObject({
      intervalMs: 600_000,
      remindDaysBefore: 3,
      retryBaseMs: 60_000,
      maxAttempts: 6,
      timeoutMs: 5000,
    });
    expect(chaseConfig({ CHASE_INTERVAL_MS: '0', WEBHOOK_MAX_ATTEMPTS: 'x' })).toMatchObject({ intervalMs: 0, maxAttempts: 6 });
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 100))).toEqual([100, 200, 400, 800]);
  });

  it('accepts only http(s) robot addresses and hides their keys in the audit log', () => {
    expect(checkWebhookUrl(' https://oapi.dingtalk.com/robot/send?access_token=abc ')).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=abc',
    );
    for (const bad of ['ftp://x.cn/a', 'x.cn/a', 'mailto:a@b.cn', '']) expect(() => checkWebhookUrl(bad)).toThrow('Webhook 地址');
    expect(maskedUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret')).toBe(
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***',
    );
  });
});
