/**
 * What each audit action means to a person reading the 操作日志: a label in each display language
 * and a kind (the filter the office picks first). The API answers `label` (simplified Chinese) and
 * `kind` from here; the web shows the label in the reader's language from here too, so there is one
 * table. An action missing here still shows: its kind comes from its entity, its label from the
 * entity's name and the raw action (see describeAuditAction).
 *
 * Keep it complete: `grep -rn "action: '" apps/api/src` lists what the API writes; the spec in
 * apps/api/test/audit-viewer.spec.ts fails when a written action is missing here.
 */
export const AUDIT_KINDS = ['ACCOUNT', 'REPORTING', 'SUPERVISION', 'SETTINGS', 'OTHER'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface AuditText {
  zhHans: string;
  zhHant: string;
  en: string;
}

export interface AuditActionInfo extends AuditText {
  kind: AuditKind;
}

const a = (kind: AuditKind, zhHans: string, zhHant: string, en: string): AuditActionInfo => ({ kind, zhHans, zhHant, en });

export const AUDIT_KIND_LABELS: Record<AuditKind, AuditText> = {
  ACCOUNT: { zhHans: '账号与登录', zhHant: '帳號與登入', en: 'Accounts and sign-in' },
  REPORTING: { zhHans: '填报与审核', zhHant: '填報與審核', en: 'Reporting and review' },
  SUPERVISION: { zhHans: '督查督办', zhHant: '督查督辦', en: 'Supervision' },
  SETTINGS: { zhHans: '政策与设置', zhHant: '政策與設定', en: 'Policy and settings' },
  OTHER: { zhHans: '其他', zhHant: '其他', en: 'Other' },
};

/** Every action the API writes (and those issue 10 will write on import and publishing). */
export const AUDIT_ACTIONS: Readonly<Record<string, AuditActionInfo>> = {
  // Accounts and sign-in
  SIGN_IN: a('ACCOUNT', '登录', '登入', 'Signed in'),
  SIGN_IN_FAILED: a('ACCOUNT', '登录失败', '登入失敗', 'Failed sign-in'),
  SIGN_IN_THROTTLED: a('ACCOUNT', '登录尝试过多，暂时拒绝', '登入嘗試過多，暫時拒絕', 'Sign-in refused (too many attempts)'),
  SIGN_OUT: a('ACCOUNT', '退出登录', '登出', 'Signed out'),
  'user.create': a('ACCOUNT', '创建账号', '建立帳號', 'Created an account'),
  'user.update': a('ACCOUNT', '修改账号', '修改帳號', 'Changed an account'),
  'user.deactivate': a('ACCOUNT', '停用账号', '停用帳號', 'Deactivated an account'),
  'user.reactivate': a('ACCOUNT', '启用账号', '啟用帳號', 'Reactivated an account'),
  'user.password_reset': a('ACCOUNT', '重置密码', '重設密碼', 'Reset a password'),
  'user.password_change': a('ACCOUNT', '修改密码', '修改密碼', 'Changed own password'),
  PASSWORD_CHANGE_FAILED: a(
    'ACCOUNT',
    '修改密码失败(原密码不对)',
    '修改密碼失敗(原密碼不對)',
    'Password change refused (wrong current password)',
  ),
  // Reporting and review
  'report.create': a('REPORTING', '新建进展报告', '新建進展報告', 'Created a progress report'),
  'report.update': a('REPORTING', '修改进展报告', '修改進展報告', 'Edited a progress report'),
  'report.submit': a('REPORTING', '报送进展报告', '報送進展報告', 'Submitted a progress report'),
  'report.accept': a('REPORTING', '审核通过', '審核通過', 'Accepted a report'),
  'report.return': a('REPORTING', '退回修改', '退回修改', 'Returned a report'),
  'report.attach': a('REPORTING', '上传附件', '上傳附件', 'Attached a file'),
  'report.detach': a('REPORTING', '删除附件', '刪除附件', 'Removed an attachment'),
  'report.import': a('REPORTING', '导入 Excel 填报', '匯入 Excel 填報', 'Imported reports from Excel'),
  // Supervision (督查)
  open: a('SUPERVISION', '开启督查', '開啟督查', 'Opened a review'),
  rate: a('SUPERVISION', '评定措施等级', '評定措施等級', 'Rated a measure'),
  finalize: a('SUPERVISION', '督查定稿', '督查定稿', 'Finalized a review'),
  add: a('SUPERVISION', '交办督办事项', '交辦督辦事項', 'Assigned a follow-up item'),
  respond: a('SUPERVISION', '答复督办事项', '答覆督辦事項', 'Answered a follow-up item'),
  close: a('SUPERVISION', '办结督办事项', '辦結督辦事項', 'Closed a follow-up item'),
  // Policy and settings
  'quota.set': a('SETTINGS', '设置县（市、区）任务数', '設定縣（市、區）任務數', 'Set a county quota'),
  'quota.setAll': a('SETTINGS', '分解任务到各县（市、区）', '分解任務到各縣（市、區）', 'Split a target across counties'),
  'period.update': a('SETTINGS', '调整报送截止日期', '調整報送截止日期', 'Moved a due date'),
  'period.extension.set': a('SETTINGS', '为单位延长填报期', '為單位延長填報期', 'Extended a period for a unit'),
  'period.extension.remove': a('SETTINGS', '取消单位的延期', '取消單位的延期', 'Removed a unit’s extension'),
  'trajectory.set': a('SETTINGS', '设置进度安排', '設定進度安排', 'Set a target’s schedule'),
  'target.roll': a('SETTINGS', '生成新年度指标', '生成新年度指標', 'Created a new year’s target'),
  'target.value': a('SETTINGS', '修改年度目标值', '修改年度目標值', 'Changed a year’s target value'),
  SET_AGENCY_WEBHOOK: a('SETTINGS', '设置群机器人地址', '設定群機器人地址', 'Set a unit’s robot address'),
  REMOVE_AGENCY_WEBHOOK: a('SETTINGS', '删除群机器人地址', '刪除群機器人地址', 'Removed a unit’s robot address'),
  'agency.create': a('SETTINGS', '新增单位', '新增單位', 'Added a unit'),
  'agency.rename': a('SETTINGS', '单位更名', '單位更名', 'Renamed a unit'),
  'agency.merge': a('SETTINGS', '合并单位', '合併單位', 'Merged units'),
  'agency.deactivate': a('SETTINGS', '停用单位', '停用單位', 'Marked a unit inactive'),
  'agency.activate': a('SETTINGS', '启用单位', '啟用單位', 'Marked a unit active again'),
  'policy.import': a('SETTINGS', '导入政策文件', '匯入政策文件', 'Imported a notice'),
  'policy.publish': a('SETTINGS', '发布政策文件', '發佈政策文件', 'Published a policy'),
  'policy.deleteDraft': a('SETTINGS', '删除政策草稿', '刪除政策草稿', 'Deleted a draft policy'),
  'policy.draft.update': a(
    'SETTINGS',
    '修改草稿的文号、标题或日期',
    '修改草稿的文號、標題或日期',
    'Corrected a draft’s doc number, title or date',
  ),
  'policy.draft.mapAgency': a(
    'SETTINGS',
    '草稿中把单位对应到已有单位',
    '草稿中把單位對應到已有單位',
    'Mapped a unit of a draft to an existing unit',
  ),
  'measure.draft.update': a('SETTINGS', '修改草稿的措施标题', '修改草稿的措施標題', 'Corrected a measure title in a draft'),
  'responsibility.draft.set': a('SETTINGS', '草稿中设置责任单位', '草稿中設定責任單位', 'Set a responsible unit in a draft'),
  'responsibility.draft.remove': a('SETTINGS', '草稿中移除责任单位', '草稿中移除責任單位', 'Removed a responsible unit from a draft'),
  'target.draft.add': a('SETTINGS', '草稿中新增指标', '草稿中新增指標', 'Added a target to a draft'),
  'target.draft.update': a('SETTINGS', '草稿中修改指标', '草稿中修改指標', 'Corrected a target in a draft'),
  'target.draft.remove': a('SETTINGS', '草稿中删除指标', '草稿中刪除指標', 'Removed a target from a draft'),
  'agency.alias.add': a('SETTINGS', '新增单位别名', '新增單位別名', 'Added a unit alias'),
  'agency.alias.remove': a('SETTINGS', '删除单位别名', '刪除單位別名', 'Removed a unit alias'),
  // Written by the demo data loader (apps/api/src/demo), in SQL
  'demo.create': a('OTHER', '载入演示数据', '載入演示資料', 'Loaded demo data'),
};

/** What an entity is called, and the kind of an action not in the table that touches it. */
export const AUDIT_ENTITIES: Readonly<Record<string, AuditActionInfo>> = {
  user: a('ACCOUNT', '账号', '帳號', 'Account'),
  user_session: a('ACCOUNT', '登录会话', '登入工作階段', 'Session'),
  sign_in: a('ACCOUNT', '登录尝试', '登入嘗試', 'Sign-in attempt'),
  progress_report: a('REPORTING', '进展报告', '進展報告', 'Progress report'),
  supervision_review: a('SUPERVISION', '督查', '督查', 'Supervision review'),
  supervision_rating: a('SUPERVISION', '措施评定', '措施評定', 'Measure rating'),
  supervision_item: a('SUPERVISION', '督办事项', '督辦事項', 'Follow-up item'),
  county_quota: a('SETTINGS', '县（市、区）任务数', '縣（市、區）任務數', 'County quota'),
  measure: a('SETTINGS', '措施', '措施', 'Measure'),
  target: a('SETTINGS', '量化指标', '量化指標', 'Target'),
  reporting_period: a('SETTINGS', '填报期', '填報期', 'Reporting period'),
  agency_webhook: a('SETTINGS', '群机器人', '群機器人', 'Group robot'),
  agency: a('SETTINGS', '单位', '單位', 'Unit'),
  policy: a('SETTINGS', '政策文件', '政策文件', 'Policy'),
};

export type AuditLang = keyof AuditText;

export interface AuditActionDescription {
  kind: AuditKind;
  /** The label in the language asked for; for an unknown action, the entity's name and the raw action. */
  label: string;
  known: boolean;
}

/** The kind of an action: the table's, else its entity's, else OTHER (what the SQL filter does too). */
export function auditKindOf(action: string, entity: string | null): AuditKind {
  return AUDIT_ACTIONS[action]?.kind ?? (entity ? AUDIT_ENTITIES[entity]?.kind : undefined) ?? 'OTHER';
}

export function describeAuditAction(action: string, entity: string | null, lang: AuditLang = 'zhHans'): AuditActionDescription {
  const known = AUDIT_ACTIONS[action];
  if (known) return { kind: known.kind, label: known[lang], known: true };
  const about = entity ? AUDIT_ENTITIES[entity] : undefined;
  return { kind: auditKindOf(action, entity), label: about ? `${about[lang]}: ${action}` : action, known: false };
}

/** What an entity is called in that language; the raw name where the table has none. */
export function auditEntityLabel(entity: string, lang: AuditLang = 'zhHans'): string {
  return AUDIT_ENTITIES[entity]?.[lang] ?? entity;
}

/**
 * Which actions and entities make up a kind, for filtering in SQL: a record is of kind K when its
 * action is one of K's actions, or its action is in no kind's list and its entity is one of K's
 * (OTHER: neither), exactly as auditKindOf decides.
 */
export function auditKindMembers(kind: AuditKind): {
  actions: string[];
  entities: string[];
  knownActions: string[];
  knownEntities: string[];
} {
  const knownActions = Object.keys(AUDIT_ACTIONS);
  const knownEntities = Object.keys(AUDIT_ENTITIES);
  return {
    actions: knownActions.filter((name) => AUDIT_ACTIONS[name].kind === kind),
    entities: knownEntities.filter((name) => AUDIT_ENTITIES[name].kind === kind),
    knownActions,
    knownEntities,
  };
}
