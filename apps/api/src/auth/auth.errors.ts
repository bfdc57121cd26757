import { DomainError, ErrorCode } from '../common/domain-error';

export class AuthError extends DomainError {
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }
}

export const signInRequired = () => new AuthError('UNAUTHENTICATED', '请先登录');
export const badCredentials = () => new AuthError('UNAUTHENTICATED', '用户名或密码错误');
export const tokenRejected = () => new AuthError('UNAUTHENTICATED', '登录已失效,请重新登录');
export const notAllowed = (what = '执行此操作') => new AuthError('FORBIDDEN', `您的账号无权${what}`);
/** A wait in words: seconds under a minute, else whole minutes (rounded up). */
export const waitText = (seconds: number) => (seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`);
/** Refused without checking the password: the username or the address is waiting out its backoff. */
export const tooManyAttempts = (retryAfterSeconds: number) =>
  new AuthError('UNAUTHENTICATED', `登录失败次数过多,请 ${waitText(retryAfterSeconds)}后再试`, {
    reason: 'TOO_MANY_ATTEMPTS',
    retryAfterSeconds,
  });
/** A temporary password not yet changed: only changePassword and logout (and reading) until then. */
export const mustChangePassword = () =>
  new AuthError('FORBIDDEN', '您的密码是临时密码,请先修改密码再进行其他操作', { reason: 'MUST_CHANGE_PASSWORD' });
