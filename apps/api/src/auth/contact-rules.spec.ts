import { checkDisplayName, checkPhone } from './contact-rules';

describe('contact rules', () => {
  it('keeps a mobile as its 11 digits and a landline as 区号-号码', () => {
    expect(checkPhone('138 0013 8000')).toEqual({ value: '13800138000' });
    expect(checkPhone(13800138000)).toEqual({ value: '13800138000' });
    expect(checkPhone('+86 138-0013-8000')).toEqual({ value: '13800138000' });
    expect(checkPhone('0750-3201234')).toEqual({ value: '0750-3201234' });
    expect(checkPhone('（0750）3201234')).toEqual({ value: '0750-3201234' });
    expect(checkPhone('02083331234')).toEqual({ value: '020-83331234' });
    expect(checkPhone('0750-3201234-801')).toEqual({ value: '0750-3201234-801' });
    expect(checkPhone('  ')).toEqual({ value: null });
    expect(checkPhone(null)).toEqual({ value: null });
  });

  it('refuses what is neither', () => {
    for (const bad of ['1380013800', '12800138000', '3201234', '138001380001', 'abc', '0750-0201234', '138-0013-800x']) {
      expect({ bad, result: checkPhone(bad) }).toEqual({ bad, result: { problem: expect.stringContaining('手机') } });
    }
  });

  it('tidies a name and refuses one over 50 characters', () => {
    expect(checkDisplayName('  张  三 ')).toEqual({ value: '张 三' });
    expect(checkDisplayName('')).toEqual({ value: null });
    expect(checkDisplayName('张'.repeat(50))).toEqual({ value: '张'.repeat(50) });
    expect(checkDisplayName('张'.repeat(51))).toEqual({ problem: expect.stringContaining('50') });
    expect(checkDisplayName('张\u0007三')).toEqual({ problem: expect.stringContaining('控制字符') });
  });
});
