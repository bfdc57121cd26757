import type { AuthUser } from '../common/request-context';
import type { Sql } from '../common/sql';
import { preparedQuery } from '../database/prepared';

/** Sessions (user_session): started at sign-in, ended by sign-out, a password change or reset, or deactivation. */

/** Sessions past their expiry: pruned as new ones start, so the table stays small. */
export async function pruneExpiredSessions(sql: Sql): Promise<void> {
  await sql.query(`DELETE FROM user_session WHERE expires_at < now()`);
}

/** A new session of the user; its id (the token names it). */
export async function insertSession(
  sql: Sql,
  userId: string,
  expiresAt: Date,
  client: { address: string | null; userAgent: string | null },
): Promise<string> {
  const rows: { id: string }[] = await sql.query(
    `INSERT INTO user_session (user_id, expires_at, address, user_agent) VALUES ($1, $2, $3, $4) RETURNING id`,
    [userId, expiresAt, client.address, client.userAgent],
  );
  return rows[0].id;
}

/** Ends one live session of the user; how many ended (0 or 1). */
export async function endSession(sql: Sql, sessionId: string, userId: string, reason: string): Promise<number> {
  const [, count]: [unknown[], number] = await sql.query(
    `UPDATE user_session SET ended_at = now(), ended_reason = $3 WHERE id = $1 AND user_id = $2 AND ended_at IS NULL`,
    [sessionId, userId, reason],
  );
  return count;
}

/** Ends every live (unended, unexpired) session of the user; how many ended. */
export async function endLiveSessionsOf(sql: Sql, userId: string, reason: string): Promise<number> {
  const [, count]: [unknown[], number] = await sql.query(
    `UPDATE user_session SET ended_at = now(), ended_reason = $2 WHERE user_id = $1 AND ended_at IS NULL AND expires_at > now()`,
    [userId, reason],
  );
  return count;
}

/**
 * The check on every request: the token's session, live, with its active user, read afresh in one
 * statement (no cache), so an ended session or a changed role applies on every replica at once.
 * Null when the session has ended or expired, or the user is gone or deactivated.
 */
export async function liveSessionUser(sql: Sql, sessionId: string, userId: string): Promise<AuthUser | null> {
  // Prepared (database/prepared.ts): it runs on every signed-in request.
  const rows = await preparedQuery<AuthUser>(
    sql,
    `SELECT u.id, u.username, u.role, u.agency_id AS "agencyId", u.must_change_password AS "mustChangePassword"
       FROM user_session s JOIN app_user u ON u.id = s.user_id
      WHERE s.id = $1 AND s.user_id = $2 AND s.ended_at IS NULL AND s.expires_at > now() AND u.active`,
    [sessionId, userId],
  );
  return rows.length ? rows[0] : null;
}
