import { describeAuditAction, type AuditLang } from '@luoshi/domain';
import type { Lang, MessageKey } from '../../shared/i18n';

export interface HistoryEvent {
  at: string;
  username: string | null;
  action: string;
  changedFields: readonly string[];
  comment: string | null;
}

const ACTION_KEYS: Record<string, MessageKey> = {
  'report.create': 'history.report.create',
  'report.update': 'history.report.update',
  'report.submit': 'history.report.submit',
  'report.accept': 'history.report.accept',
  'report.return': 'history.report.return',
};
const FIELD_KEYS: Record<string, MessageKey> = {
  progress: 'field.progress',
  problems: 'field.problems',
  nextSteps: 'field.nextSteps',
  unitStatus: 'field.unitStatus',
  values: 'field.values',
  status: 'field.status',
};
const ACTION_COLORS: Record<string, string> = {
  'report.accept': 'green',
  'report.return': 'red',
  'report.submit': 'blue',
};

export interface HistoryLine {
  /** The sentence: 修改了{fields} etc.; `history.other` for an action this client does not know. */
  key: MessageKey;
  /** Changed fields as message keys (only for an update: a submit or review changes the status). */
  fields: MessageKey[];
  color: string;
}

/** How a history event reads in the timeline: 张三 修改了工作进展、数据. */
export function describeHistoryEvent(event: Pick<HistoryEvent, 'action' | 'changedFields'>): HistoryLine {
  const key = ACTION_KEYS[event.action] ?? 'history.other';
  const fields =
    event.action === 'report.update'
      ? event.changedFields
          .filter((f) => f !== 'status')
          .map((f) => FIELD_KEYS[f])
          .filter((k): k is MessageKey => Boolean(k))
      : [];
  return {
    key: key === 'history.report.update' && fields.length === 0 ? 'history.report.updateNone' : key,
    fields,
    color: ACTION_COLORS[event.action] ?? 'gray',
  };
}

const AUDIT_LANG: Record<Lang, AuditLang> = { 'zh-Hans': 'zhHans', 'zh-Hant': 'zhHant', en: 'en' };

/**
 * What an action without a sentence of its own (上传附件, 载入演示数据, …) is called in the reader's
 * language, from the one table of audit actions (libs/domain/src/audit-actions.ts): never the raw code.
 */
export function historyActionWords(action: string, lang: Lang): string {
  return describeAuditAction(action, 'progress_report', AUDIT_LANG[lang]).label;
}
