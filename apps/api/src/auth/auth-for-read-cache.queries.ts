import type { AuthUser } from '../common/request-context';
import type { Sql } from '../common/sql';
import { preparedQuery } from '../database/prepared';

/**
 * The auth feature's answer to the answer cache (read-cache/): in ONE statement, the user of a token's
 * live session exactly as liveSessionUser reads it (not ended, not expired, the user active; null when
 * not) and the data version of the scopes a cached answer depends on (dashboard_version: their sum).
 * With no session to check (an anonymous read), pass nulls: user is null. `in_time`: PostgreSQL's clock is
 * still before `validUntil` (seconds since 1970; null: always), when a due date passing ends the answer.
 */
export async function sessionUserAndDataVersion(
  sql: Sql,
  sessionId: string | null,
  userId: string | null,
  scopes: string[],
  validUntil: number | null,
): Promise<{ user: AuthUser | null; version: string; in_time: boolean }> {
  const [row] = await preparedQuery<{ user: AuthUser | null; version: string; in_time: boolean }>(
    sql,
    `SELECT (SELECT json_build_object('id', u.id, 'username', u.username, 'role', u.role, 'agencyId', u.agency_id,
                                      'mustChangePassword', u.must_change_password)
               FROM user_session s JOIN app_user u ON u.id = s.user_id
              WHERE s.id = $1 AND s.user_id = $2 AND s.ended_at IS NULL AND s.expires_at > now() AND u.active) AS user,
            (SELECT coalesce(sum(version), 0) FROM dashboard_version WHERE scope = ANY($3::text[]))::text AS version,
            ($4::float8 IS NULL OR now() < to_timestamp($4::float8)) AS in_time`,
    [sessionId, userId, scopes, validUntil],
  );
  return row;
}
