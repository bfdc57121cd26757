import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { AuditActor, auditActor, AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/request-context';
import { badCredentials, tokenRejected, tooManyAttempts } from './auth.errors';
import { verifyAgainstNobody, verifyPassword } from './passwords';
import { liveSessionUser } from './sessions.queries';
import { SessionsService } from './sessions.service';
import { SignInThrottle } from './sign-in-throttle';
import { TOKEN_KEY } from './token-key';
import { bearerClaims, signToken } from './tokens';
import { User } from './user.entity';
import { stampSignIn } from './users.queries';

export const TOKEN_TTL_SECONDS = Number(process.env.TOKEN_TTL_HOURS ?? 12) * 3600;

export interface SignedIn {
  accessToken: string;
  expiresAt: Date;
  user: User;
}

/** Who is signing in or out, as the session and the audit keep it. */
export interface ClientInfo {
  address: string;
  userAgent: string | null;
  requestId: string;
}

/** What a user could be called (CreateUserInput's rule): anything else is nobody, without a lookup. */
const POSSIBLE_USERNAME = /^[\p{L}\p{N}_.@-]{2,64}$/u;
/** The name tried, fit for a key and the audit: no control characters, a hundred characters at most. */
const triedName = (username: string) =>
  username
    .trim()
    .toLowerCase()
    .replace(/\p{Cc}/gu, '?')
    .slice(0, 100);
const nobody = (requestId: string): AuditActor => ({ userId: null, username: null, requestId });

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(TOKEN_KEY) private readonly tokenKey: string,
    private readonly throttle: SignInThrottle,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks the password unless the username or the address is waiting out a backoff (refused with
   * `retryAfterSeconds`, no password checked). Every outcome is audited, never with the password.
   */
  async login(username: string, password: string, client: ClientInfo): Promise<SignedIn> {
    const name = triedName(username);
    const attempt = { username: name, address: client.address, userAgent: client.userAgent };
    const verdict = await this.throttle.attempt(name, client.address);
    if (!verdict.allowed) {
      // One record per backoff period and key, not one per refused request: a flood of attempts
      // must not flood the append-only audit. The row's `refused` column counts the rest.
      if (verdict.firstRefusal) {
        await this.audit.record(this.dataSource.manager, nobody(client.requestId), {
          action: 'SIGN_IN_THROTTLED',
          entity: 'sign_in',
          entityId: name,
          before: null,
          after: { ...attempt, limitedBy: verdict.by, failures: verdict.failures, retryAfterSeconds: verdict.retryAfterSeconds },
        });
      }
      throw tooManyAttempts(verdict.retryAfterSeconds);
    }

    const user = POSSIBLE_USERNAME.test(name) ? await this.dataSource.getRepository(User).findOne({ where: { username: name } }) : null;
    const valid = user ? await verifyPassword(user.passwordHash, password) : (await verifyAgainstNobody(password), false);
    // A deactivated account gets the same answer as a wrong password (nothing to learn by probing),
    // and the audit says which it was.
    if (!user || !valid || !user.active) {
      const reason = !user ? 'UNKNOWN_USER' : !valid ? 'WRONG_PASSWORD' : 'DEACTIVATED';
      await this.audit.record(this.dataSource.manager, nobody(client.requestId), {
        action: 'SIGN_IN_FAILED',
        entity: 'sign_in',
        entityId: name,
        before: null,
        after: { ...attempt, failures: verdict.userFailures, reason },
      });
      await this.throttle.prune();
      throw badCredentials();
    }

    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + TOKEN_TTL_SECONDS;
    const expiresAt = new Date(exp * 1000);
    const sid = await this.dataSource.transaction(async (manager) => {
      await this.throttle.succeeded(manager, name, client.address);
      const id = await this.sessions.start(manager, user.id, expiresAt, client);
      user.lastSignInAt = await stampSignIn(manager, user.id);
      await this.audit.record(manager, auditActor(user, client.requestId), {
        action: 'SIGN_IN',
        entity: 'user_session',
        entityId: id,
        before: null,
        after: { ...attempt, expiresAt: expiresAt.toISOString() },
      });
      return id;
    });
    return { accessToken: signToken({ sub: user.id, sid, role: user.role, iat, exp }, this.tokenKey), expiresAt, user };
  }

  /** Ends the session of the request's token (the guard has checked it is live). Audited as SIGN_OUT. */
  async logout(req: Request, user: AuthUser, client: ClientInfo): Promise<void> {
    const sid = this.claimsOf(req)?.sid;
    if (!sid) throw tokenRejected();
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.sessions.end(manager, sid, user.id, 'SIGN_OUT'))) return; // ended meanwhile by another request
      await this.audit.record(manager, auditActor(user, client.requestId), {
        action: 'SIGN_OUT',
        entity: 'user_session',
        entityId: sid,
        before: null,
        after: { username: user.username, address: client.address, userAgent: client.userAgent },
      });
    });
  }

  /**
   * The user behind the request's bearer token; null without one. A token that is forged, expired,
   * without a session, or whose session has ended or whose user is gone or deactivated is refused rather than
   * treated as anonymous, so a client notices. User and session are read afresh in one statement
   * (no cache): a changed role applies and an ended session is refused on every replica at once.
   */
  async userFromRequest(req: Request): Promise<AuthUser | null> {
    if (!req.headers.authorization) return null;
    const claims = this.claimsOf(req);
    if (!claims) throw tokenRejected();
    const user = await liveSessionUser(this.dataSource, claims.sid, claims.sub);
    if (!user) throw tokenRejected();
    return user;
  }

  /** Ends every live session of a user (for account administration); see SessionsService.endSessions. */
  endSessions(...args: Parameters<SessionsService['endSessions']>): Promise<number> {
    return this.sessions.endSessions(...args);
  }

  private claimsOf(req: Request) {
    return bearerClaims(req.headers.authorization, this.tokenKey);
  }
}
