import { MESSAGES, formatMessage, type Lang } from './messages';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  const langs = Object.keys(MESSAGES) as Lang[];
  const keys = Object.keys(MESSAGES['zh-Hans']);

  it.each(langs)('%s has every key, non-empty, with the same placeholders', (lang) => {
    expect(Object.keys(MESSAGES[lang]).sort()).toEqual([...keys].sort());
    for (const key of keys as (keyof (typeof MESSAGES)['zh-Hans'])[]) {
      expect(MESSAGES[lang][key].trim()).not.toBe('');
      expect(placeholders(MESSAGES[lang][key])).toEqual(placeholders(MESSAGES['zh-Hans'][key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('共 {n} 项', { n: 15 })).toBe('共 15 项');
    expect(formatMessage('{a}{b}', { a: 1 })).toBe('1{b}');
  });

  it('uses the words officials expect in the simplified UI', () => {
    expect(MESSAGES['zh-Hans']['login.submit']).toBe('登录');
    // The same words as the API's own message for a bad password.
    expect(MESSAGES['zh-Hans']['login.wrongPassword']).toContain('用户名或密码错误');
    expect(MESSAGES['zh-Hans']['nav.signOut']).toBe('退出登录');
    expect(MESSAGES['zh-Hans']['policy.empty']).toBe('暂无政策文件');
    expect(MESSAGES['zh-Hans']['target.AT_LEAST']).toBe('不少于');
    expect(MESSAGES['zh-Hans']['target.AT_MOST']).toBe('不超过');
  });
});
