import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { endLiveSessionsOf, endSession, insertSession, pruneExpiredSessions } from './sessions.queries';

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
    await pruneExpiredSessions(manager);
    return insertSession(manager, userId, expiresAt, client);
  }

  /** Ends one session of the user; false when it had already ended (or is not theirs). */
  async end(manager: EntityManager, sessionId: string, userId: string, reason: SessionEndReason): Promise<boolean> {
    return (await endSession(manager, sessionId, userId, reason)) > 0;
  }

  /**
   * Ends every live session of a user (a password change or reset, a deactivated account). Pass the
   * caller's transaction manager so the change and the ending commit together. Returns how many ended.
   */
  async endSessions(userId: string, reason: SessionEndReason, manager: EntityManager = this.dataSource.manager): Promise<number> {
    return endLiveSessionsOf(manager, userId, reason);
  }
}
