/**
 * UI strings of the office's lists across policies (issue 11): the policy filter and the policy
 * named on each row of the review queue, chasing's records and follow-up items; merged into messages.ts.
 */
export const listsZhHans = {
  'lists.policy': '政策文件',
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
  'lists.noMatch': '没有符合筛选条件的报告',
  'lists.policyOf': '政策：{doc}',
};

export type ListsMessages = Record<keyof typeof listsZhHans, string>;

export const listsZhHant: ListsMessages = {
  'lists.policy': '政策文件',
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
  'lists.noMatch': '沒有符合篩選條件的報告',
  'lists.policyOf': '政策：{doc}',
};

export const listsEn: ListsMessages = {
  'lists.policy': 'Policy',
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
  'lists.noMatch': 'No reports match these filters',
  'lists.policyOf': 'Policy: {doc}',
};
