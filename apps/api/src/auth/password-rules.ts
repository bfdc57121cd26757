import { PASSWORD_RULE_TEXT, PasswordRule } from '@luoshi/domain';
import { AuthError } from './auth.errors';

/** A password that breaks the rules (libs/domain/src/passwords.ts): the message names every broken rule. */
export const passwordRuleError = (broken: PasswordRule[], field: string) =>
  new AuthError('BAD_USER_INPUT', `密码不符合要求：须${broken.map((rule) => PASSWORD_RULE_TEXT[rule]).join('、')}`, {
    field,
    rules: broken,
  });
