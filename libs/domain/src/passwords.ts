import { COMMON_PASSWORDS_TEXT } from './common-passwords';

/**
 * Password rules, the usual government baseline (等保 2.0 practice, GB/T 22239 "身份鉴别": 口令具有
 * 复杂度要求): the API applies them to every password a person chooses (createUser, changePassword)
 * and checks the temporary passwords it generates against them; the web's forms show them ticked
 * as the person types. One function, so the two never disagree.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;
/** Of upper case, lower case, digits and symbols (anything else), at least this many kinds. */
export const PASSWORD_MIN_CLASSES = 3;
/** A username shorter than this is not looked for inside the password (`li` is in too many words). */
const USERNAME_CHECK_MIN_LENGTH = 3;

export const PASSWORD_RULES = ['MIN_LENGTH', 'MAX_LENGTH', 'CLASSES', 'NOT_USERNAME', 'NOT_COMMON'] as const;
export type PasswordRule = (typeof PASSWORD_RULES)[number];

const COMMON = new Set(
  COMMON_PASSWORDS_TEXT.split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter(Boolean),
);

/** How many of the four kinds of character the password uses. */
export function passwordClasses(password: string): number {
  const kinds = [/\p{Lu}/u, /\p{Ll}/u, /\p{Nd}/u, /[^\p{Lu}\p{Ll}\p{Nd}]/u];
  return kinds.filter((kind) => kind.test(password)).length;
}

/** Whether the password is on the common list (exact match, ignoring case). */
export const isCommonPassword = (password: string) => COMMON.has(password.trim().toLowerCase());

/** Each rule and whether the password keeps it (for a form that ticks them off as the person types). */
export function passwordRuleResults(password: string, username = ''): { rule: PasswordRule; ok: boolean }[] {
  const length = [...password].length;
  const name = username.trim().toLowerCase();
  const containsName = name.length >= USERNAME_CHECK_MIN_LENGTH && password.toLowerCase().includes(name);
  return [
    { rule: 'MIN_LENGTH', ok: length >= PASSWORD_MIN_LENGTH },
    { rule: 'MAX_LENGTH', ok: length <= PASSWORD_MAX_LENGTH },
    { rule: 'CLASSES', ok: passwordClasses(password) >= PASSWORD_MIN_CLASSES },
    { rule: 'NOT_USERNAME', ok: !containsName },
    { rule: 'NOT_COMMON', ok: !isCommonPassword(password) },
  ];
}

/** The rules the password breaks, in the order above; empty when it is acceptable. */
export const passwordProblems = (password: string, username = ''): PasswordRule[] =>
  passwordRuleResults(password, username)
    .filter((r) => !r.ok)
    .map((r) => r.rule);

/** What each rule asks, in the words the API's refusals use (the web has its own, in three languages). */
export const PASSWORD_RULE_TEXT: Record<PasswordRule, string> = {
  MIN_LENGTH: `至少 ${PASSWORD_MIN_LENGTH} 位`,
  MAX_LENGTH: `至多 ${PASSWORD_MAX_LENGTH} 位`,
  CLASSES: `包含大写字母、小写字母、数字、符号中的至少 ${PASSWORD_MIN_CLASSES} 类`,
  NOT_USERNAME: '不包含用户名',
  NOT_COMMON: '不是常见密码（如 12345678、P@ssw0rd、Aa123456）',
};

/** Letters and digits that cannot be misread (no 0/O, 1/l/I): a temporary password is read off paper. */
const TEMPORARY_ALPHABETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789'] as const;
export const TEMPORARY_PASSWORD_LENGTH = 12;

/**
 * A readable temporary password: 12 characters from upper, lower and digits (each present), none of
 * 0 O 1 l I, keeping the rules above. `randomInt(n)` must be a cryptographic source (node:crypto's
 * randomInt, or crypto.getRandomValues in a browser).
 */
export function temporaryPassword(randomInt: (n: number) => number, username = ''): string {
  const all = TEMPORARY_ALPHABETS.join('');
  for (;;) {
    const chars = Array.from({ length: TEMPORARY_PASSWORD_LENGTH }, () => all[randomInt(all.length)]);
    const candidate = chars.join('');
    if (TEMPORARY_ALPHABETS.every((a) => [...candidate].some((c) => a.includes(c))) && passwordProblems(candidate, username).length === 0)
      return candidate;
  }
}
