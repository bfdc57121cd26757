import {
  AUDIT_ACTIONS,
  AUDIT_KIND_LABELS,
  AUDIT_KINDS,
  auditEntityLabel,
  describeAuditAction,
  type AuditKind,
  type AuditLang,
} from '@luoshi/domain';
import type { Lang } from '../../shared/i18n';

/** The display language as the audit label table (libs/domain/src/audit-actions.ts) names it. */
export const auditLang = (lang: Lang): AuditLang => (lang === 'zh-Hans' ? 'zhHans' : lang === 'zh-Hant' ? 'zhHant' : 'en');

/** What was done, in words, in the reader's language (the raw action where the table has none). */
export const actionLabel = (action: string, entity: string, lang: Lang) => describeAuditAction(action, entity, auditLang(lang)).label;
export const kindLabel = (kind: AuditKind, lang: Lang) => AUDIT_KIND_LABELS[kind][auditLang(lang)];
export const entityLabel = (entity: string, lang: Lang) => auditEntityLabel(entity, auditLang(lang));

/** The kinds, and each kind's actions, for the filter's two selects. */
export const KIND_OPTIONS = AUDIT_KINDS;
export const actionsOfKind = (kind: AuditKind | null): string[] =>
  Object.keys(AUDIT_ACTIONS).filter((a) => !kind || AUDIT_ACTIONS[a].kind === kind);

/** `2025-01-08 09:05:07`, in China time whatever the browser's zone (the records are kept in UTC). */
export function chinaDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) return '';
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** What the office picked in the filter bar; empty strings and nulls mean "any". */
export interface AuditFilterForm {
  user?: string | null;
  agencyId?: string | null;
  kind?: AuditKind | null;
  action?: string | null;
  entityId?: string | null;
  /** China dates, YYYY-MM-DD, both inclusive. */
  from?: string | null;
  to?: string | null;
}

/** The GraphQL filter (and the export's query string) of a form: only what was given, trimmed. */
export function toApiFilter(form: AuditFilterForm): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['user', 'agencyId', 'kind', 'action', 'entityId', 'from', 'to'] as const) {
    const value = form[key]?.trim();
    if (value) out[key] = value;
  }
  return out;
}

/** GET /exports/audit.xlsx with the same filter as the page. */
export const exportUrl = (form: AuditFilterForm) => {
  const query = new URLSearchParams(toApiFilter(form)).toString();
  return `/exports/audit.xlsx${query ? `?${query}` : ''}`;
};

/**
 * What a record is about, as a reader knows it: the unit's or account's name where the record's
 * entity is a unit, its robot or an account (names the page has loaded anyway), the tried name of a
 * sign-in, else the id (shortened where it is a long uuid; the full id is in the details).
 */
export function subjectOf(
  record: { entity: string; entityId: string },
  names: { agencies: ReadonlyMap<string, string>; users: ReadonlyMap<string, string> },
): string {
  const { entity, entityId } = record;
  if (entity === 'agency' || entity === 'agency_webhook') return names.agencies.get(entityId) ?? shortId(entityId);
  if (entity === 'user') return names.users.get(entityId) ?? shortId(entityId);
  if (entity === 'county_quota') {
    const county = names.agencies.get(entityId.split('/')[1] ?? '');
    if (county) return county;
  }
  if (entity === 'sign_in') return entityId;
  return shortId(entityId);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The first 8 characters of a uuid (what people read out); other ids as they are. */
export const shortId = (id: string) =>
  id
    .split(/([/:])/)
    .map((part) => (UUID.test(part) ? `${part.slice(0, 8)}…` : part))
    .join('');
