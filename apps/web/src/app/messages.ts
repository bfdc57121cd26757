import type { Lang } from '../shared/i18n';

/**
 * UI text of the shell: header, language and text size, main navigation, the forbidden and not-found pages; in the three display languages, the traditional strings written out
 * (see app/catalogue.ts).
 */
const zhHans = {
  'app.tagline': '政策落实跟踪',
  'app.loading': '正在加载…',
  'lang.label': '显示语言',
  'textSize.label': '文字大小',
  'textSize.normal': '标准',
  'textSize.large': '大字',
  'nav.signIn': '登录',
  'nav.signOut': '退出登录',
  'nav.account': '当前账号',
  'notFound.title': '页面不存在',
  'notFound.subtitle': '您访问的页面不存在或已被移除。',
  'nav.policy': '政策文件',
  'nav.tasks': '我的填报',
  'nav.review': '审核',
  'nav.label': '主导航',
  'guard.forbiddenTitle': '无权访问此页面',
  'guard.forbiddenText': '当前账号（{role}）不能使用这项功能。如需开通，请联系领导小组办公室。',
  'nav.dashboard': '看板',
  'nav.portfolio': '总览',
  'nav.supervision': '督查',
  'nav.chasing': '催办',
  'nav.admin': '系统管理',
};

export const shellMessages: Record<Lang, Record<keyof typeof zhHans, string>> = {
  'zh-Hans': zhHans,
  'zh-Hant': {
    'app.tagline': '政策落實跟蹤',
    'app.loading': '正在載入…',
    'lang.label': '顯示語言',
    'textSize.label': '文字大小',
    'textSize.normal': '標準',
    'textSize.large': '大字',
    'nav.signIn': '登入',
    'nav.signOut': '登出',
    'nav.account': '目前帳號',
    'notFound.title': '頁面不存在',
    'notFound.subtitle': '您造訪的頁面不存在或已被移除。',
    'nav.policy': '政策文件',
    'nav.tasks': '我的填報',
    'nav.review': '審核',
    'nav.label': '主導覽',
    'guard.forbiddenTitle': '無權存取此頁面',
    'guard.forbiddenText': '目前帳號（{role}）不能使用這項功能。如需開通，請聯絡領導小組辦公室。',
    'nav.dashboard': '看板',
    'nav.portfolio': '總覽',
    'nav.supervision': '督查',
    'nav.chasing': '催辦',
    'nav.admin': '系統管理',
  },
  en: {
    'app.tagline': 'Policy implementation tracker',
    'app.loading': 'Loading…',
    'lang.label': 'Display language',
    'textSize.label': 'Text size',
    'textSize.normal': 'Standard',
    'textSize.large': 'Large',
    'nav.signIn': 'Sign in',
    'nav.signOut': 'Sign out',
    'nav.account': 'Signed in as',
    'notFound.title': 'Page not found',
    'notFound.subtitle': 'The page you are looking for does not exist or has been removed.',
    'nav.policy': 'Policy',
    'nav.tasks': 'My reports',
    'nav.review': 'Review',
    'nav.label': 'Main',
    'guard.forbiddenTitle': 'You cannot open this page',
    'guard.forbiddenText': 'Your account ({role}) cannot use this feature. Ask the leading group office if you need it.',
    'nav.dashboard': 'Dashboard',
    'nav.portfolio': 'Overview',
    'nav.supervision': 'Supervision',
    'nav.chasing': 'Reminders',
    'nav.admin': 'Administration',
  },
};

declare module '../shared/i18n' {
  interface MessageCatalog {
    shell: typeof zhHans;
  }
}
