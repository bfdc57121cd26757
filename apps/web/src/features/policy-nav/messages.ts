import type { Lang } from '../../shared/i18n';

/**
 * UI text of the policy switch in the header and the pages of a policy that is not there; in the three display languages, the traditional strings written out
 * (see app/catalogue.ts).
 */
const zhHans = {
  'policyNav.label': '当前政策文件',
  'policyNav.placeholder': '选择政策文件',
  'policyNav.notFoundTitle': '没有这份政策文件',
  'policyNav.notFoundText': '地址中的政策文件不存在、尚未发布或已被撤下。请在页面顶部选择一份已发布的政策文件。',
  'policyNav.toPolicies': '查看已发布的政策文件',
  'policyNav.redirecting': '正在打开…',
};

export const policyNavMessages: Record<Lang, Record<keyof typeof zhHans, string>> = {
  'zh-Hans': zhHans,
  'zh-Hant': {
    'policyNav.label': '當前政策文件',
    'policyNav.placeholder': '選擇政策文件',
    'policyNav.notFoundTitle': '沒有這份政策文件',
    'policyNav.notFoundText': '網址中的政策文件不存在、尚未發布或已被撤下。請在頁面頂部選擇一份已發布的政策文件。',
    'policyNav.toPolicies': '查看已發布的政策文件',
    'policyNav.redirecting': '正在開啟…',
  },
  en: {
    'policyNav.label': 'Policy document',
    'policyNav.placeholder': 'Choose a policy document',
    'policyNav.notFoundTitle': 'No such policy document',
    'policyNav.notFoundText':
      'The policy document in this address does not exist, is not published yet or has been withdrawn. Choose a published one at the top of the page.',
    'policyNav.toPolicies': 'See the published policy documents',
    'policyNav.redirecting': 'Opening…',
  },
};

declare module '../../shared/i18n' {
  interface MessageCatalog {
    'policy-nav': typeof zhHans;
  }
}
