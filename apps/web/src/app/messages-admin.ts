/** UI strings of the 系统管理 area's frame, in the three display languages; merged into messages.ts. */
export const adminZhHans = {
  'nav.admin': '系统管理',
  'admin.title': '系统管理',
  'admin.accounts': '账号',
  'admin.unitAccounts': '单位账号',
  'admin.quotas': '任务分解',
  'admin.periods': '填报期',
  'admin.units': '单位',
  'admin.audit': '操作日志',
  'admin.notices': '政策文件',
  'admin.comingSoon': '该功能正在建设中',
};

export const adminZhHant: Record<keyof typeof adminZhHans, string> = {
  'nav.admin': '系統管理',
  'admin.title': '系統管理',
  'admin.accounts': '帳號',
  'admin.unitAccounts': '單位帳號',
  'admin.quotas': '任務分解',
  'admin.periods': '填報期',
  'admin.units': '單位',
  'admin.audit': '操作日誌',
  'admin.notices': '政策文件',
  'admin.comingSoon': '該功能正在建設中',
};

export const adminEn: Record<keyof typeof adminZhHans, string> = {
  'nav.admin': 'Administration',
  'admin.title': 'Administration',
  'admin.accounts': 'Accounts',
  'admin.unitAccounts': 'Unit accounts',
  'admin.quotas': 'County quotas',
  'admin.periods': 'Reporting periods',
  'admin.units': 'Units',
  'admin.audit': 'Audit log',
  'admin.notices': 'Policy documents',
  'admin.comingSoon': 'This section is being built',
};
