import { randomInt } from 'node:crypto';
import { isCommonPassword, passwordClasses, passwordProblems, temporaryPassword } from './passwords';

describe('password rules', () => {
  it('asks for 8 to 200 characters of at least three kinds', () => {
    expect(passwordProblems('Ab1!xyz')).toEqual(['MIN_LENGTH']);
    expect(passwordProblems('abcdefgh1')).toEqual(['CLASSES']);
    expect(passwordProblems('x'.repeat(198) + 'A1')).toEqual([]);
    expect(passwordProblems('x'.repeat(199) + 'A1')).toEqual(['MAX_LENGTH']);
    expect(passwordClasses('aB3$')).toBe(4);
    expect(passwordClasses('中文密码很长Ab')).toBe(3); // Chinese characters count as symbols (neither case nor digit)
  });

  it('keeps the passwords the tests and existing accounts use (lower case, digits and a symbol)', () => {
    for (const pw of ['password-123', 'contract-pass-1', 'taishan-pass-1', 'role-user-pass-1', 'password-1', 'office-pass-1']) {
      expect({ pw, problems: passwordProblems(pw, 'someone_else') }).toEqual({ pw, problems: [] });
    }
  });

  it('refuses a password containing the username, in any case', () => {
    expect(passwordProblems('Zhang.wei-2024', 'zhang.wei')).toEqual(['NOT_USERNAME']);
    expect(passwordProblems('xxR440781yy!', 'r440781')).toEqual(['NOT_USERNAME']);
    expect(passwordProblems('Million-2024', 'li')).toEqual([]); // two letters are in too many words to look for
  });

  it('refuses common passwords exactly (in any case), not passwords merely containing one', () => {
    for (const pw of ['12345678', 'password', 'qwerty123', 'Aa123456', 'admin123', '1qaz2wsx', 'P@ssw0rd', 'p@SSW0RD', 'woaini1314']) {
      expect({ pw, common: isCommonPassword(pw) }).toEqual({ pw, common: true });
    }
    expect(passwordProblems('P@ssw0rd', 'x')).toEqual(['NOT_COMMON']);
    expect(isCommonPassword('password-123')).toBe(false);
    expect(isCommonPassword('P@ssw0rd-of-mine')).toBe(false);
  });

  it('generates readable temporary passwords that keep every rule', () => {
    for (let i = 0; i < 200; i++) {
      const pw = temporaryPassword(randomInt, 'r440781');
      expect(pw).toHaveLength(12);
      expect(pw).not.toMatch(/[0O1lI]/);
      expect(passwordProblems(pw, 'r440781')).toEqual([]);
    }
  });
});
