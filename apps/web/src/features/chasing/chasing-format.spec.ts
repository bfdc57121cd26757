import {
  contentPreview,
  formatChinaTime,
  guessKind,
  isWebhookUrl,
  runCounts,
  runOutcome,
  statusColor,
  unitRobots,
  urlFieldMessage,
  urlHost,
  visibleDeliveries,
  type DeliveryChannel,
} from './chasing-format';

describe('chasing-format', () => {
  it('colours each status', () => {
    expect(statusColor('FAILED')).toBe('error');
    expect(statusColor('DELIVERED')).toBe('success');
    expect(statusColor('PENDING')).toBe('processing');
  });

  it('shows times in China time', () => {
    expect(formatChinaTime('2025-01-07T17:05:00.000Z')).toBe('2025-01-08 01:05');
    expect(formatChinaTime(null)).toBe('');
    expect(formatChinaTime('not a date')).toBe('');
  });

  it('sorts newest first and filters by channel', () => {
    const rows: { id: string; createdAt: string; channel: DeliveryChannel }[] = [
      { id: '9', createdAt: '2025-01-01T00:00:00Z', channel: 'IN_APP' },
      { id: '10', createdAt: '2025-01-02T00:00:00Z', channel: 'WECOM' },
      { id: '11', createdAt: '2025-01-02T00:00:00Z', channel: 'IN_APP' },
    ];
    expect(visibleDeliveries(rows, null).map((r) => r.id)).toEqual(['11', '10', '9']);
    expect(visibleDeliveries(rows, 'IN_APP').map((r) => r.id)).toEqual(['11', '9']);
    expect(visibleDeliveries(rows, 'DINGTALK')).toEqual([]);
    expect(rows[0].id).toBe('9'); // the input is left alone
  });

  it('accepts only the WeCom and DingTalk robot endpoints over https', () => {
    expect(isWebhookUrl(' https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc ')).toBe(true);
    expect(isWebhookUrl('https://OAPI.dingtalk.com/robot/send?access_token=abc')).toBe(true);
    expect(isWebhookUrl('http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc')).toBe(false);
    expect(isWebhookUrl('http://127.0.0.1:8080/hook')).toBe(false);
    expect(isWebhookUrl('https://169.254.169.254/latest/meta-data/')).toBe(false);
    expect(isWebhookUrl('https://qyapi.weixin.qq.com.evil.com/cgi-bin/webhook/send?key=abc')).toBe(false);
    expect(isWebhookUrl('https://evil.com#@qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc')).toBe(false);
    expect(isWebhookUrl('https://u:p@qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc')).toBe(false);
    expect(isWebhookUrl('https://qyapi.weixin.qq.com:8443/cgi-bin/webhook/send?key=abc')).toBe(false);
    expect(isWebhookUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send')).toBe(false);
    expect(isWebhookUrl('https://oapi.dingtalk.com/cgi-bin/webhook/send?key=abc')).toBe(false);
    expect(isWebhookUrl('ftp://example.com/x')).toBe(false);
    expect(isWebhookUrl('javascript:alert(1)')).toBe(false);
    expect(isWebhookUrl('qyapi.weixin.qq.com/send')).toBe(false);
    expect(isWebhookUrl('')).toBe(false);
    expect(isWebhookUrl(`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${'x'.repeat(2000)}`)).toBe(false);
  });

  it('shows only the host of an address and guesses its kind', () => {
    expect(urlHost('https://oapi.dingtalk.com/robot/send?access_token=secret')).toBe('oapi.dingtalk.com');
    expect(urlHost('nonsense')).toBe('');
    expect(guessKind('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=1')).toBe('WECOM');
    expect(guessKind('https://oapi.dingtalk.com/robot/send?access_token=1')).toBe('DINGTALK');
    expect(guessKind('http://localhost/hook')).toBeNull();
    expect(guessKind('https://qyapi.weixin.qq.com.evil.com/x')).toBeNull();
  });

  it('previews the first line of long content', () => {
    expect(contentPreview('短消息')).toEqual({ text: '短消息', truncated: false });
    expect(contentPreview('标题\n正文')).toEqual({ text: '标题', truncated: true });
    expect(contentPreview('一'.repeat(100), 10)).toEqual({ text: `${'一'.repeat(10)}…`, truncated: true });
  });

  it('lists departments then counties with their robots', () => {
    const agencies = [
      { id: '1', kind: 'COUNTY' },
      { id: '2', kind: 'DEPARTMENT' },
      { id: '3', kind: 'DEPARTMENT' },
    ];
    const r = unitRobots(agencies, [{ agencyId: '3', kind: 'WECOM' }]);
    expect(r.departments.map((u) => [u.agency.id, u.webhook?.kind ?? null])).toEqual([
      ['2', null],
      ['3', 'WECOM'],
    ]);
    expect(r.counties.map((u) => u.agency.id)).toEqual(['1']);
    expect(r.configured).toBe(1);
  });

  const pass = {
    events: 3,
    notices: 5,
    units: 2,
    webhooksDelivered: 1,
    webhooksFailed: 0,
    webhooksRetrying: 1,
    outstanding: 9,
    unitsUnreached: 0,
  };
  it('names the counts of a pass', () => {
    expect(runCounts({ ...pass, quietReason: null })).toEqual({
      outstanding: 9,
      events: 3,
      notices: 5,
      units: 2,
      delivered: 1,
      retrying: 1,
      failed: 0,
    });
  });

  it('says why a pass told no unit, and which units it could not reach', () => {
    expect(runOutcome({ ...pass, quietReason: null }).map((l) => l.key)).toEqual(['chase.runDone']);
    expect(runOutcome({ ...pass, unitsUnreached: 1, quietReason: null }).map((l) => [l.key, l.vars.n])).toEqual([
      ['chase.runDone', undefined],
      ['chase.unreached', 1],
    ]);
    for (const reason of ['NOTHING_DUE', 'ALREADY_CHASED', 'NO_ONE_TO_TELL'] as const)
      expect(runOutcome({ ...pass, events: 0, quietReason: reason }).map((l) => l.key)).toEqual([`chase.quiet.${reason}`]);
  });

  it('finds the server message for the URL field', () => {
    expect(urlFieldMessage([{ message: 'Webhook 地址须为…', extensions: { code: 'BAD_USER_INPUT', field: 'url' } }])).toBe(
      'Webhook 地址须为…',
    );
    expect(urlFieldMessage([{ message: 'x', extensions: { code: 'NOT_FOUND', field: 'agencyId' } }])).toBeNull();
    expect(urlFieldMessage([{ message: 'x', extensions: { code: 'BAD_USER_INPUT', field: 'agencyId' } }])).toBeNull();
  });
});
