import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** Why a session ended, as kept in user_session.ended_reason. */
export type SessionEndReason = 'SIGN_OUT' | 'PASSWORD_CHANGED' | 'PASSWORD_RESET' | 'DEACTIVATED' | (string & {});

export interface SessionClient {
  address: string | null;
  userAgent: string | null;
}

/**
 * Sessions in PostgreSQL: the token names its session, and AuthService.userFromRequest reads the
 * session with the user in one statement, so ending one here refuses its token on every replica
 * from the next request on. Nothing is cached in the process.
 */
@Injectable()
export class SessionsService {
  constructor(private readonly dataSource: DataSource) {}

  /** A new session of the user, valid until `expiresAt`; sessions past their expiry are pruned on the way. */
  async start(manager: EntityManager, userId: string, expiresAt: Date, client: SessionClient): Promise<string> {
    await manager.query(`DELETE FROM user_session WHERE expires_at < now()`);
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO user_session (user_id, expires_at, address, user_agent) VALUES ($1, $2, $3, $4) RETURNING id`,
      [userId, expiresAt, client.address, client.userAgent],
    );
    return rows[0].id;
  }

  /** Ends one session of the user; false when it had already ended (or is not theirs). */
  async end(manager: EntityManager, sessionId: string, userId: string, reason: SessionEndReason): Promise<boolean> {
    const [, count]: [unknown[], number] = await manager.query(
      `UPDATE user_session SET ended_at = now(), ended_reason = $3 WHERE id = $1 AND user_id = $2 AND ended_at IS NULL`,
      [sessionId, userId, reason],
    );
    return count > 0;
  }

  /**
   * Ends every live session of a user (a password change or reset, a deactivated account). Pass the
   * caller's transaction manager so the change and the ending commit together. Returns how many ended.
   */
  async endSessions(userId: string, reason: SessionEndReason, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [, count]: [unknown[], number] = await manager.query(
      `UPDATE user_session SET ended_at = now(), ended_reason = $2 WHERE user_id = $1 AND ended_at IS NULL AND expires_at > now()`,
      [userId, reason],
    );
    return count;
  }
}
