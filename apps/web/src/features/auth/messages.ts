import type { Lang } from '../../shared/i18n';

/**
 * UI text of signing in (登录); in the three display languages, the traditional strings written out
 * (see app/catalogue.ts).
 */
const zhHans = {
  'login.title': '账号登录',
  'login.subtitle': '登录后可填报和查看落实进度；浏览政策文件无需登录。',
  'login.username': '用户名',
  'login.password': '密码',
  'login.usernameRequired': '请输入用户名',
  'login.passwordRequired': '请输入密码',
  'login.submit': '登录',
  'login.wrongPassword': '用户名或密码错误，请重新输入。',
  'login.failed': '登录失败：{message}',
  'login.hint': '账号由市就业工作领导小组办公室统一分配。忘记密码请联系办公室重置。',
  'login.welcome': '欢迎，{name}',
  'login.alreadySignedIn': '您已登录为 {name}。',
  'login.backToPolicy': '返回政策文件',
};

export const authMessages: Record<Lang, Record<keyof typeof zhHans, string>> = {
  'zh-Hans': zhHans,
  'zh-Hant': {
    'login.title': '帳號登入',
    'login.subtitle': '登入後可填報和查看落實進度；瀏覽政策文件無需登入。',
    'login.username': '用戶名',
    'login.password': '密碼',
    'login.usernameRequired': '請輸入用戶名',
    'login.passwordRequired': '請輸入密碼',
    'login.submit': '登入',
    'login.wrongPassword': '用戶名或密碼錯誤，請重新輸入。',
    'login.failed': '登入失敗：{message}',
    'login.hint': '帳號由市就業工作領導小組辦公室統一分配。忘記密碼請聯絡辦公室重設。',
    'login.welcome': '歡迎，{name}',
    'login.alreadySignedIn': '您已登入為 {name}。',
    'login.backToPolicy': '返回政策文件',
  },
  en: {
    'login.title': 'Sign in',
    'login.subtitle': 'Sign in to report and follow progress. Reading policies needs no account.',
    'login.username': 'Username',
    'login.password': 'Password',
    'login.usernameRequired': 'Enter your username',
    'login.passwordRequired': 'Enter your password',
    'login.submit': 'Sign in',
    'login.wrongPassword': 'The username or password is incorrect. Please try again.',
    'login.failed': 'Sign-in failed: {message}',
    'login.hint': 'Accounts are issued by the employment leading group office, which also resets passwords.',
    'login.welcome': 'Welcome, {name}',
    'login.alreadySignedIn': 'You are signed in as {name}.',
    'login.backToPolicy': 'Back to the policy',
  },
};

declare module '../../shared/i18n' {
  interface MessageCatalog {
    auth: typeof zhHans;
  }
}
