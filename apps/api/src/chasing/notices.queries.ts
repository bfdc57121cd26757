import type { Role } from '@luoshi/domain';
import type { Sql } from '../common/sql';

/**
 * In-app notices (user_notice). A notice goes to accounts chosen by a condition on app_user, in one
 * INSERT … SELECT: a joined question of this feature that reads the auth feature's accounts, kept as
 * one statement so that a notice is written for every recipient at once.
 */

/** What a notice says, as stored: the same for each of its recipients. */
export interface NoticeRow {
  kind: string;
  title: string;
  body: string;
  link: string | null;
  policyId: string | null;
}

/**
 * Deactivated accounts get no notices (nobody would read them, and the unit's new account would miss
 * nothing). `recipients` is a condition on app_user whose one parameter is $6.
 */
async function insertNotices(sql: Sql, recipients: string, param: unknown, n: NoticeRow): Promise<number> {
  const rows: { n: number }[] = await sql.query(
    `WITH ins AS (
         INSERT INTO user_notice (user_id, kind, title, body, link, policy_id)
         SELECT id, $1, $2, $3, $4, $5::uuid FROM app_user WHERE active AND (${recipients})
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
    [n.kind, n.title, n.body, n.link, n.policyId, param],
  );
  return rows[0]?.n ?? 0;
}

/** The notice to every active reporter of the unit; how many got it. */
export function noticeAgencyReporters(sql: Sql, agencyId: string, notice: NoticeRow): Promise<number> {
  return insertNotices(sql, `role = 'REPORTER' AND agency_id = $6`, agencyId, notice);
}

/** The notice to every active account with one of the roles; how many got it. */
export function noticeRoles(sql: Sql, roles: Role[], notice: NoticeRow): Promise<number> {
  return insertNotices(sql, `role = ANY($6::text[])`, roles, notice);
}

/** The notice to those of the accounts that are active; how many got it. */
export function noticeUsers(sql: Sql, userIds: string[], notice: NoticeRow): Promise<number> {
  return insertNotices(sql, `id = ANY($6::uuid[])`, userIds, notice);
}

export async function unreadNoticeCount(sql: Sql, userId: string): Promise<number> {
  const rows: { n: number }[] = await sql.query(`SELECT count(*)::int AS n FROM user_notice WHERE user_id = $1 AND read_at IS NULL`, [
    userId,
  ]);
  return rows[0].n;
}

/** Marks the user's unread notices read, those of `ids` only when given; how many were marked. */
export async function markNoticesRead(sql: Sql, userId: string, ids: string[] | null): Promise<number> {
  const rows: { n: number }[] = await sql.query(
    `WITH upd AS (
         UPDATE user_notice SET read_at = now()
          WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
         RETURNING 1)
       SELECT count(*)::int AS n FROM upd`,
    [userId, ids],
  );
  return rows[0].n;
}
