import { checkRobotUrl } from './robot-address';
import { checkWebhookUrl } from './webhooks.service';

const WECOM = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';
const DINGTALK = 'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef';

describe('robot addresses: only the WeCom and DingTalk robot endpoints', () => {
  it.each([
    [WECOM, 'WECOM', WECOM],
    [DINGTALK, 'DINGTALK', DINGTALK],
    [`  ${WECOM}  `, 'WECOM', WECOM],
    ['https://QYAPI.Weixin.QQ.com/cgi-bin/webhook/send?key=abc', 'WECOM', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc'],
    ['HTTPS://oapi.dingtalk.com/robot/send?access_token=t', 'DINGTALK', 'https://oapi.dingtalk.com/robot/send?access_token=t'],
    ['https://qyapi.weixin.qq.com:443/cgi-bin/webhook/send?key=abc', 'WECOM', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc'],
    [
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc&debug=1',
      'WECOM',
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc&debug=1',
    ],
  ])('accepts %s as %s, normalised', (raw, kind, normalised) => {
    const checked = checkRobotUrl(raw);
    expect(checked).toMatchObject({ ok: true, kind });
    expect(checked.ok && checked.url.href).toBe(normalised);
    expect(checkWebhookUrl(raw, kind as 'WECOM' | 'DINGTALK')).toBe(normalised);
  });

  it.each([
    ['http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc', 'plain http'],
    ['ftp://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc', 'another scheme'],
    ['javascript:alert(1)', 'javascript'],
    ['qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc', 'no scheme'],
    ['', 'empty'],
    ['https://example.com/cgi-bin/webhook/send?key=abc', 'another host'],
    ['https://weixin.qq.com/cgi-bin/webhook/send?key=abc', 'a parent domain'],
    ['https://evil.qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc', 'a subdomain'],
    ['https://qyapi.weixin.qq.com.evil.com/cgi-bin/webhook/send?key=abc', 'the host as a prefix'],
    ['https://qyapi.weixin.qq.com./cgi-bin/webhook/send?key=abc', 'a trailing dot'],
    ['https://evil.com#@qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc', 'the host after a fragment'],
    ['https://evil.com?@qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc', 'the host after a query'],
    ['https://qyapi.weixin.qq.com@evil.com/cgi-bin/webhook/send?key=abc', 'the host as userinfo'],
    ['https://user:pass@qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc', 'userinfo'],
    ['https://user@qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc', 'a user name'],
    ['https://qyapi.weixin.qq.com:8443/cgi-bin/webhook/send?key=abc', 'a port'],
    ['https://qyapi.weixin.qq.com:80/cgi-bin/webhook/send?key=abc', 'port 80'],
    ['https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc#x', 'a fragment'],
    ['https://127.0.0.1/cgi-bin/webhook/send?key=abc', 'an IPv4 literal'],
    ['https://2130706433/cgi-bin/webhook/send?key=abc', 'a decimal IPv4'],
    ['https://0x7f.1/cgi-bin/webhook/send?key=abc', 'a hex IPv4'],
    ['https://0177.0.0.1/cgi-bin/webhook/send?key=abc', 'an octal IPv4'],
    ['https://127.1/cgi-bin/webhook/send?key=abc', 'a short IPv4'],
    ['https://169.254.169.254/latest/meta-data/', 'the metadata address'],
    ['https://[::1]/cgi-bin/webhook/send?key=abc', 'an IPv6 literal'],
    ['https://[::ffff:127.0.0.1]/cgi-bin/webhook/send?key=abc', 'an IPv4-mapped IPv6 literal'],
    ['http://localhost:8080/cgi-bin/webhook/send?key=abc', 'localhost'],
    ['https://qyapi.weixin.qq.com/cgi-bin/webhook/send', 'no key'],
    ['https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=', 'an empty key'],
    ['https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=a&key=b', 'two keys'],
    ['https://qyapi.weixin.qq.com/cgi-bin/webhook/upload_media?key=abc', 'another path'],
    ['https://qyapi.weixin.qq.com/CGI-BIN/webhook/send?key=abc', 'another path (case)'],
    ['https://qyapi.weixin.qq.com/cgi-bin/webhook/send/../../x?key=abc', 'a path that normalises elsewhere'],
    ['https://qyapi.weixin.qq.com\\@evil.com/cgi-bin/webhook/send?key=abc', 'a backslash'],
    ['https://oapi.dingtalk.com/robot/send?key=abc', 'DingTalk without access_token'],
    ['https://oapi.dingtalk.com/cgi-bin/webhook/send?key=abc', 'the WeCom path on DingTalk'],
    [`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${'x'.repeat(2000)}`, 'too long'],
  ])('refuses %s (%s)', (raw) => {
    expect(checkRobotUrl(raw).ok).toBe(false);
    expect(() => checkWebhookUrl(raw, 'WECOM')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'url' } }));
  });

  it('says which addresses are accepted, and refuses an address of the other kind', () => {
    const other = checkRobotUrl('http://10.0.0.1/hook');
    expect(!other.ok && other.reason).toMatch(/qyapi\.weixin\.qq\.com.*oapi\.dingtalk\.com/);
    const mismatch = checkRobotUrl(DINGTALK, 'WECOM');
    expect(!mismatch.ok && mismatch.reason).toContain('与所选类型不符');
    expect(!mismatch.ok && mismatch.reason).toContain('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=');
    expect(checkRobotUrl(DINGTALK, 'DINGTALK').ok).toBe(true);
  });
});
