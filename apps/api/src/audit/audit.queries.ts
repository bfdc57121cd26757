import type { Sql } from '../common/sql';
import { auditKindMembers } from '@luoshi/domain';
import type { AuditCursor, AuditQuery } from './audit-filter';

/** One audit record as the viewer and the export read it. `atKey` is the exact time, for the cursor. */
export interface AuditRow {
  id: string;
  at: Date;
  atKey: string;
  userId: string | null;
  username: string | null;
  /** The acting user's unit today (its name, for the export), where it has one. */
  actorUnit: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: string | null;
  after: string | null;
  requestId: string | null;
}

/**
 * The WHERE clause of a filter, with its parameters (numbered from 1). Each condition is written so
 * an index can serve it: (user_id, at, id), (entity, entity_id), (action, at, id), and (at, id) for
 * the time range and the order (migration AuditViewer).
 */
function whereOf(q: AuditQuery, cursor: AuditCursor | null): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions: string[] = [];
  if (q.userId) conditions.push(`a.user_id = ${p(q.userId)}`);
  if (q.username) {
    // The account's records, and failed sign-ins under that name (which have no user).
    const name = p(q.username);
    conditions.push(`(a.user_id = (SELECT id FROM app_user WHERE username = ${name}) OR (a.entity = 'sign_in' AND a.entity_id = ${name}))`);
  }
  if (q.agencyId) {
    // The unit's own users, and what was done to the unit's things: its reports, items, quotas,
    // robot and accounts, whoever did it (the office acting on a unit's behalf shows too). Each
    // branch is an index condition (ARRAY(...) is computed once), so PostgreSQL ORs index scans
    // rather than reading the whole table through a filter.
    const unit = p(q.agencyId);
    conditions.push(`(a.user_id = ANY(ARRAY(SELECT id FROM app_user WHERE agency_id = ${unit}))
      OR (a.entity = 'user' AND a.entity_id = ANY(ARRAY(SELECT id::text FROM app_user WHERE agency_id = ${unit})))
      OR (a.entity = 'agency' AND a.entity_id = ${unit}::text)
      OR (a.entity = 'agency_webhook' AND a.entity_id = ${unit}::text)
      OR (a.entity = 'county_quota' AND a.entity_id = ANY(ARRAY(SELECT id::text || '/' || ${unit}::text FROM target)))
      OR (a.entity = 'progress_report' AND a.entity_id = ANY(ARRAY(SELECT id::text FROM progress_report WHERE agency_id = ${unit})))
      OR (a.entity = 'supervision_item' AND a.entity_id = ANY(ARRAY(SELECT id::text FROM supervision_item WHERE agency_id = ${unit}))))`);
  }
  if (q.kind) {
    // The same rule as auditKindOf (libs/domain/src/audit-actions.ts): the action's kind, else the entity's.
    const m = auditKindMembers(q.kind);
    const known = p(m.knownActions);
    conditions.push(
      q.kind === 'OTHER'
        ? `(a.action <> ALL(${known}::text[]) AND a.entity <> ALL(${p(m.knownEntities)}::text[]))`
        : `(a.action = ANY(${p(m.actions)}::text[]) OR (a.action <> ALL(${known}::text[]) AND a.entity = ANY(${p(m.entities)}::text[])))`,
    );
  }
  if (q.action) conditions.push(`a.action = ${p(q.action)}`);
  if (q.entity) conditions.push(`a.entity = ${p(q.entity)}`);
  if (q.entityId) conditions.push(`a.entity_id = ${p(q.entityId)}`);
  if (q.fromInstant) conditions.push(`a.at >= ${p(q.fromInstant)}::timestamptz`);
  if (q.toInstant) conditions.push(`a.at < ${p(q.toInstant)}::timestamptz`);
  if (cursor) conditions.push(`(a.at, a.id) < (${p(cursor.at)}::timestamptz, ${p(cursor.id)}::bigint)`);
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/**
 * One page of records, newest first, after the cursor: keyset by (at, id), so a page never repeats
 * or skips a record however many arrive meanwhile (new ones are above the first page's top).
 * Asks for `limit` rows; the caller asks one more to learn whether another page follows.
 */
export async function auditRecordsPage(sql: Sql, q: AuditQuery, cursor: AuditCursor | null, limit: number): Promise<AuditRow[]> {
  const where = whereOf(q, cursor);
  const rows: AuditRow[] = await sql.query(
    `SELECT a.id::text AS id, a.at,
            to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "atKey",
            a.user_id AS "userId", a.username, ag.name AS "actorUnit",
            a.action, a.entity, a.entity_id AS "entityId",
            a.before::text AS before, a.after::text AS after, a.request_id AS "requestId"
       FROM audit_record a
       LEFT JOIN app_user u ON u.id = a.user_id
       LEFT JOIN agency ag ON ag.id = u.agency_id
       ${where.sql}
      ORDER BY a.at DESC, a.id DESC
      LIMIT ${Number(limit)}`,
    where.params,
  );
  return rows;
}

/**
 * How many records match, counted up to `cap` (then `capped`): exact for what an office reads,
 * and never a scan of years of sign-ins for a number nobody needs exactly.
 */
export async function auditRecordsCount(sql: Sql, q: AuditQuery, cap: number): Promise<{ count: number; capped: boolean }> {
  const where = whereOf(q, null);
  const [row]: { n: number }[] = await sql.query(
    `SELECT count(*)::int AS n FROM (
       SELECT 1 FROM audit_record a LEFT JOIN app_user u ON u.id = a.user_id ${where.sql} LIMIT ${Number(cap) + 1}
     ) matched`,
    where.params,
  );
  return row.n > cap ? { count: cap, capped: true } : { count: row.n, capped: false };
}

/** One audit record as written: the change's actor and request, and the entity before and after (JSON text or null). */
export interface NewAuditRecord {
  userId: string | null;
  username: string | null;
  requestId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: string | null;
  after: string | null;
}

/** Writes one record; the caller passes its transaction's manager, so the change and its record commit together. */
export async function insertAuditRecord(sql: Sql, r: NewAuditRecord): Promise<void> {
  await sql.query(
    `INSERT INTO audit_record (user_id, username, request_id, action, entity, entity_id, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)`,
    [r.userId, r.username, r.requestId, r.action, r.entity, r.entityId, r.before, r.after],
  );
}

/** An audited change of a progress report, as the report's history reads it. */
export interface ReportAuditRow {
  entity_id: string;
  at: Date;
  username: string | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Every audit record of these progress reports, oldest first (by id: the order they were written). */
export async function auditRecordsOfReports(sql: Sql, reportIds: readonly string[]): Promise<ReportAuditRow[]> {
  return sql.query(
    `SELECT entity_id, at, username, action, before, after FROM audit_record
      WHERE entity = 'progress_report' AND entity_id = ANY($1) ORDER BY id`,
    [reportIds],
  );
}

/** An audit record of a reporting period's due date or of one of its extensions (the policy feature's period settings). */
export interface PeriodAuditRow {
  at: Date;
  username: string | null;
  action: string;
  entity_id: string;
  before: Record<string, string> | null;
  after: Record<string, string> | null;
}

/** The latest 1,000 records about the given periods' due dates and extensions, newest first. */
export function periodAuditRecords(sql: Sql, periodIds: string[]): Promise<PeriodAuditRow[]> {
  return sql.query(
    `SELECT at, username, action, entity_id, before, after FROM audit_record
      WHERE (entity = 'reporting_period' AND entity_id = ANY($1::text[]))
         OR (entity = 'period_extension' AND split_part(entity_id, '/', 1) = ANY($1::text[]))
      ORDER BY at DESC, id DESC LIMIT 1000`,
    [periodIds],
  );
}
