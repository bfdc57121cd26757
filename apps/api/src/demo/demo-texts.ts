/** Plausible wording for demo reports: what a unit's quarterly account usually says. */
export const PROGRESS_TEXTS = [
  '本季度围绕“{title}”制定工作方案,召开专题推进会 {n} 次,走访企业 {m} 家,各项工作按计划推进。',
  '结合“{title}”要求,细化任务分工,建立周调度、月通报机制,本季度累计开展政策宣讲 {n} 场,覆盖群众 {m} 人次。',
  '落实“{title}”相关举措,与相关部门协同联动,本季度完成阶段性任务,形成工作台账 {n} 份。',
];
export const PROBLEM_TEXTS = [
  '部分企业对政策知晓度不高,申报积极性有待提升。',
  '基层经办力量不足,数据统计口径需进一步统一。',
  '受季节性因素影响,部分指标进度偏慢。',
  '',
];
export const NEXT_STEP_TEXTS = [
  '下一步将加大政策宣传力度,开展专项督导,确保年度目标如期完成。',
  '下一步将加强部门协同,完善数据共享机制,按月跟踪进度。',
  '下一步将聚焦薄弱环节,逐项对账销号。',
];
export const RETURN_COMMENT = '请补充具体数据来源,并说明与上季度相比的变化。';

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}
