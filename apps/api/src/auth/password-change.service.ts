import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { passwordProblems } from '@luoshi/domain';
import { auditActor, AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/request-context';
import { AuthError, tokenRejected, waitText } from './auth.errors';
import type { ClientInfo } from './auth.service';
import { passwordRuleError } from './password-rules';
import { hashPassword, verifyPassword } from './passwords';
import { SessionsService } from './sessions.service';
import { SignInThrottle } from './sign-in-throttle';
import { activePasswordHash, setChosenPassword } from './users.queries';

/**
 * A signed-in person changes their own password. The current one is checked like a sign-in: the
 * attempt counts toward the same per-username and per-address backoff (SignInThrottle), so a token
 * left on an unlocked computer is not an unlimited oracle for the password behind it (which would
 * outlive the session and may open other systems); a wrong one is audited. A change ends every
 * session of the account, the current one included, and clears mustChangePassword.
 */
@Injectable()
export class PasswordChangeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    private readonly throttle: SignInThrottle,
  ) {}

  async change(user: AuthUser, currentPassword: string, newPassword: string, client: ClientInfo): Promise<void> {
    // Checks that need no password and write nothing come first.
    const broken = passwordProblems(newPassword, user.username);
    if (broken.length) throw passwordRuleError(broken, 'newPassword');
    if (newPassword === currentPassword) throw new AuthError('BAD_USER_INPUT', '新密码不能与当前密码相同', { field: 'newPassword' });

    const verdict = await this.throttle.attempt(user.username, client.address);
    if (!verdict.allowed) {
      throw new AuthError('BAD_USER_INPUT', `当前密码错误次数过多,请 ${waitText(verdict.retryAfterSeconds)}后再试`, {
        field: 'currentPassword',
        reason: 'TOO_MANY_ATTEMPTS',
        retryAfterSeconds: verdict.retryAfterSeconds,
      });
    }
    const currentHash = await activePasswordHash(this.dataSource, user.id);
    if (currentHash === null) throw tokenRejected(); // deactivated or removed meanwhile
    if (!(await verifyPassword(currentHash, currentPassword))) {
      await this.audit.record(this.dataSource.manager, auditActor(user, client.requestId), {
        action: 'PASSWORD_CHANGE_FAILED',
        entity: 'user',
        entityId: user.id,
        before: null,
        after: { username: user.username, address: client.address, userAgent: client.userAgent, failures: verdict.userFailures },
      });
      await this.throttle.prune();
      throw new AuthError('BAD_USER_INPUT', '当前密码不正确', { field: 'currentPassword' });
    }

    const hash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await setChosenPassword(manager, user.id, hash);
      await this.throttle.succeeded(manager, user.username, client.address);
      const sessionsEnded = await this.sessions.endSessions(user.id, 'PASSWORD_CHANGED', manager);
      await this.audit.record(manager, auditActor(user, client.requestId), {
        action: 'user.password_change',
        entity: 'user',
        entityId: user.id,
        before: { mustChangePassword: !!user.mustChangePassword },
        after: { mustChangePassword: false, sessionsEnded, address: client.address },
      });
    });
  }
}
