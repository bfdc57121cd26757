import type { Lang } from '../../shared/i18n';

/**
 * UI text of the office's lists across policies (issue 11): the filter bar; in the three display languages, the traditional strings written out
 * (see app/catalogue.ts).
 */
const zhHans = {
  'lists.quarter': '季度',
  'lists.unit': '单位',
  'lists.measure': '措施',
  'lists.allPolicies': '全部政策文件',
  'lists.allQuarters': '全部季度',
  'lists.allUnits': '全部单位',
  'lists.allMeasures': '全部措施',
  'lists.pickPolicyFirst': '先选政策文件',
  'lists.clear': '清除筛选',
  'lists.filters': '筛选',
};

export const listsMessages: Record<Lang, Record<keyof typeof zhHans, string>> = {
  'zh-Hans': zhHans,
  'zh-Hant': {
    'lists.quarter': '季度',
    'lists.unit': '單位',
    'lists.measure': '措施',
    'lists.allPolicies': '全部政策文件',
    'lists.allQuarters': '全部季度',
    'lists.allUnits': '全部單位',
    'lists.allMeasures': '全部措施',
    'lists.pickPolicyFirst': '先選政策文件',
    'lists.clear': '清除篩選',
    'lists.filters': '篩選',
  },
  en: {
    'lists.quarter': 'Quarter',
    'lists.unit': 'Unit',
    'lists.measure': 'Measure',
    'lists.allPolicies': 'All policies',
    'lists.allQuarters': 'All quarters',
    'lists.allUnits': 'All units',
    'lists.allMeasures': 'All measures',
    'lists.pickPolicyFirst': 'Pick a policy first',
    'lists.clear': 'Clear filters',
    'lists.filters': 'Filters',
  },
};

declare module '../../shared/i18n' {
  interface MessageCatalog {
    lists: typeof zhHans;
  }
}
