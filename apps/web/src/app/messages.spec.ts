import { LANGS, formatMessage, type Lang } from '../shared/i18n';
import { MESSAGES, MESSAGE_PARTS } from './catalogue';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Each part's texts (the shell's, shared/'s, every feature's messages.ts) as plain records. */
const parts = Object.entries(MESSAGE_PARTS) as [string, Record<Lang, Record<string, string>>][];

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

  it.each(parts)("%s's messages.ts has every key in every language, non-empty, with the same placeholders", (_part, texts) => {
    expect(Object.keys(texts).sort()).toEqual([...LANGS].sort());
    const partKeys = Object.keys(texts['zh-Hans']);
    expect(partKeys.length).toBeGreaterThan(0);
    for (const lang of LANGS) {
      expect(Object.keys(texts[lang]).sort()).toEqual([...partKeys].sort());
      for (const key of partKeys) {
        expect(texts[lang][key].trim()).not.toBe('');
        expect(placeholders(texts[lang][key])).toEqual(placeholders(texts['zh-Hans'][key]));
      }
    }
  });

  it('owns each key in one part only, and the catalogue holds exactly the parts’ keys', () => {
    const owners = new Map<string, string[]>();
    for (const [part, texts] of parts) for (const key of Object.keys(texts['zh-Hans'])) owners.set(key, [...(owners.get(key) ?? []), part]);
    expect([...owners].filter(([, owning]) => owning.length > 1)).toEqual([]);
    expect([...owners.keys()].sort()).toEqual([...keys].sort());
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
