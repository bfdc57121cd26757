import type { Lang } from '../../shared/i18n';

/**
 * UI text of the 系统管理 area's frame; in the three display languages, the traditional strings written out
 * (see app/catalogue.ts).
 */
const zhHans = {
  'admin.title': '系统管理',
  'admin.accounts': '账号',
  'admin.unitAccounts': '单位账号',
  'admin.quotas': '任务分解',
  'admin.periods': '填报期',
  'admin.units': '单位',
  'admin.notices': '政策文件',
  'admin.comingSoon': '该功能正在建设中',
};

export const adminMessages: Record<Lang, Record<keyof typeof zhHans, string>> = {
  'zh-Hans': zhHans,
  'zh-Hant': {
    'admin.title': '系統管理',
    'admin.accounts': '帳號',
    'admin.unitAccounts': '單位帳號',
    'admin.quotas': '任務分解',
    'admin.periods': '填報期',
    'admin.units': '單位',
    'admin.notices': '政策文件',
    'admin.comingSoon': '該功能正在建設中',
  },
  en: {
    'admin.title': 'Administration',
    'admin.accounts': 'Accounts',
    'admin.unitAccounts': 'Unit accounts',
    'admin.quotas': 'County quotas',
    'admin.periods': 'Reporting periods',
    'admin.units': 'Units',
    'admin.notices': 'Policy documents',
    'admin.comingSoon': 'This section is being built',
  },
};

declare module '../../shared/i18n' {
  interface MessageCatalog {
    admin: typeof zhHans;
  }
}
