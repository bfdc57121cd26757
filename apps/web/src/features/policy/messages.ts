import type { Lang } from '../../shared/i18n';

/**
 * UI text of reading a policy: its header, search, measures and their targets; in the three display languages, the traditional strings written out
 * (see app/catalogue.ts).
 */
const zhHans = {
  'policy.loadError': '政策文件加载失败',
  'policy.networkError': '无法连接服务器，请检查网络后重试。',
  'policy.retry': '重试',
  'policy.docNumber': '文号',
  'policy.issuer': '发文单位',
  'policy.issuedOn': '印发日期',
  'policy.summary': '共 {sections} 个部分、{measures} 项措施、{targets} 项量化指标',
  'policy.searchPlaceholder': '搜索措施、责任单位或指标',
  'policy.searchLabel': '搜索措施',
  'policy.searchResult': '找到 {count} 项相关措施',
  'policy.noMatch': '没有找到相关措施，请换个关键词试试',
  'measure.lead': '牵头单位',
  'measure.co': '责任单位',
  'measure.counties': '各县（市、区）政府（{count}）',
  'measure.countiesTitle': '各县（市、区）政府',
  'measure.targets': '量化指标',
  'measure.expand': '查看全文',
  'measure.collapse': '收起',
};

export const policyMessages: Record<Lang, Record<keyof typeof zhHans, string>> = {
  'zh-Hans': zhHans,
  'zh-Hant': {
    'policy.loadError': '政策文件載入失敗',
    'policy.networkError': '無法連線伺服器，請檢查網路後重試。',
    'policy.retry': '重試',
    'policy.docNumber': '文號',
    'policy.issuer': '發文單位',
    'policy.issuedOn': '印發日期',
    'policy.summary': '共 {sections} 個部分、{measures} 項措施、{targets} 項量化指標',
    'policy.searchPlaceholder': '搜尋措施、責任單位或指標',
    'policy.searchLabel': '搜尋措施',
    'policy.searchResult': '找到 {count} 項相關措施',
    'policy.noMatch': '沒有找到相關措施，請換個關鍵字試試',
    'measure.lead': '牽頭單位',
    'measure.co': '責任單位',
    'measure.counties': '各縣（市、區）政府（{count}）',
    'measure.countiesTitle': '各縣（市、區）政府',
    'measure.targets': '量化指標',
    'measure.expand': '查看全文',
    'measure.collapse': '收起',
  },
  en: {
    'policy.loadError': 'Could not load the policy documents',
    'policy.networkError': 'Cannot reach the server. Check the network and try again.',
    'policy.retry': 'Retry',
    'policy.docNumber': 'Document No.',
    'policy.issuer': 'Issued by',
    'policy.issuedOn': 'Issued on',
    'policy.summary': '{sections} sections · {measures} measures · {targets} numeric targets',
    'policy.searchPlaceholder': 'Search measures, units or targets',
    'policy.searchLabel': 'Search measures',
    'policy.searchResult': '{count} matching measures',
    'policy.noMatch': 'No measures match. Try another keyword.',
    'measure.lead': 'Lead',
    'measure.co': 'Responsible',
    'measure.counties': 'County governments ({count})',
    'measure.countiesTitle': 'County-level governments',
    'measure.targets': 'Targets',
    'measure.expand': 'Show full text',
    'measure.collapse': 'Collapse',
  },
};

declare module '../../shared/i18n' {
  interface MessageCatalog {
    policy: typeof zhHans;
  }
}
