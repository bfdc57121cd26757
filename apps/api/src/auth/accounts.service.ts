import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { temporaryPassword } from '@luoshi/domain';
import { auditActor, AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/request-context';
import { Agency } from '../policy/agency.entity';
import { AuthError } from './auth.errors';
import { checkDisplayName, checkPhone, contactValue } from './contact-rules';
import { UpdateUserInput, UsersFilter } from './dto/account.inputs';
import { hashPassword } from './passwords';
import { SessionsService } from './sessions.service';
import { SignInThrottle } from './sign-in-throttle';
import { User } from './user.entity';
import { setAccountActive, setTemporaryPassword, updateAccount } from './users.queries';
import type { RequestMeta } from './users.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: unknown): id is string => typeof id === 'string' && UUID.test(id);

export const accountNotFound = () => new AuthError('NOT_FOUND', '账号不存在', { field: 'id' });
const onlyAdminTouchesAdmin = () => new AuthError('FORBIDDEN', '只有系统管理员可以管理管理员账号');

/** What the audit keeps of an account: never the password or its hash. */
export const accountView = (u: User) => ({
  id: u.id,
  username: u.username,
  role: u.role,
  agencyId: u.agencyId,
  active: u.active,
  mustChangePassword: u.mustChangePassword,
  displayName: u.displayName,
  phone: u.phone,
});
const badInput = (message: string, field: string) => new AuthError('BAD_USER_INPUT', message, { field });

/** A temporary password, shown once to whoever asked for it. */
export interface IssuedPassword {
  temporaryPassword: string;
  user: User;
}

const likeTerm = (text: string) =>
  `%${text
    .trim()
    .toLowerCase()
    .slice(0, 100)
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Account administration for ADMIN and OFFICE (the resolver checks the role): list, change role or
 * unit, deactivate, reset a password. Each change locks the account's row, checks the rules, writes,
 * ends the sessions it must and is audited in one transaction, so a refusal leaves nothing behind.
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    private readonly throttle: SignInThrottle,
  ) {}

  /** Role first, then username; `search` looks in the username and the unit's name (either script). */
  list(filter: UsersFilter = {}): Promise<User[]> {
    const query = this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .leftJoin(Agency, 'a', 'a.id = u.agency_id')
      .orderBy('u.role', 'ASC')
      .addOrderBy('u.username', 'ASC');
    if (filter.search?.trim()) {
      query.andWhere(`(u.username LIKE :term ESCAPE '\\' OR a.search_text LIKE :term ESCAPE '\\')`, { term: likeTerm(filter.search) });
    }
    if (filter.role) query.andWhere('u.role = :role', { role: filter.role });
    if (filter.agencyId !== undefined && filter.agencyId !== null) {
      if (!isUuid(filter.agencyId)) return Promise.resolve([]);
      query.andWhere('u.agency_id = :agencyId', { agencyId: filter.agencyId });
    }
    if (typeof filter.active === 'boolean') query.andWhere('u.active = :active', { active: filter.active });
    return query.getMany();
  }

  /**
   * A new role or unit, name or phone. A REPORTER needs a unit and the others none (leaving REPORTER
   * drops the unit); only an ADMIN touches or makes an ADMIN; nobody changes their own. A new role
   * or unit ends the account's sessions, so it signs in again under its new role; a new name or
   * phone does not.
   */
  async update(actor: AuthUser, id: string, input: UpdateUserInput, meta: RequestMeta): Promise<User> {
    if (!isUuid(id)) throw accountNotFound();
    if (id === actor.id) throw new AuthError('FORBIDDEN', '不能修改自己的角色或所属单位');
    if (input.role === 'ADMIN' && actor.role !== 'ADMIN')
      throw new AuthError('FORBIDDEN', '只有系统管理员可以设置管理员角色', { field: 'role' });
    // Left out: stays as it is; null or empty: cleared.
    const displayName =
      input.displayName === undefined ? undefined : contactValue(checkDisplayName(input.displayName), 'displayName', badInput);
    const phone = input.phone === undefined ? undefined : contactValue(checkPhone(input.phone), 'phone', badInput);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.locked(manager, id);
      if (before.role === 'ADMIN' && actor.role !== 'ADMIN') throw onlyAdminTouchesAdmin();
      const role = input.role ?? before.role;
      let agencyId: string | null;
      if (role === 'REPORTER') {
        agencyId = input.agencyId !== undefined ? input.agencyId : before.agencyId;
        if (!agencyId) throw new AuthError('BAD_USER_INPUT', '填报员账号必须指定所属单位', { field: 'agencyId' });
        if (!(await manager.existsBy(Agency, { id: agencyId }))) throw new AuthError('NOT_FOUND', '所属单位不存在', { field: 'agencyId' });
      } else {
        if (input.agencyId) throw new AuthError('BAD_USER_INPUT', '只有填报员账号可以指定所属单位', { field: 'agencyId' });
        agencyId = null;
      }
      const contact = {
        displayName: displayName === undefined ? before.displayName : displayName,
        phone: phone === undefined ? before.phone : phone,
      };
      const roleChanges = role !== before.role || agencyId !== before.agencyId;
      if (!roleChanges && contact.displayName === before.displayName && contact.phone === before.phone) return before; // nothing to audit
      await updateAccount(manager, id, { role, agencyId, ...contact });
      const after = await manager.findOneByOrFail(User, { id });
      const sessionsEnded = roleChanges ? await this.sessions.endSessions(id, 'ROLE_CHANGED', manager) : 0;
      await this.audit.record(manager, auditActor(actor, meta.requestId), {
        action: 'user.update',
        entity: 'user',
        entityId: id,
        before: accountView(before),
        after: { ...accountView(after), sessionsEnded },
      });
      return after;
    });
  }

  /** Deactivating ends every session at once and refuses sign-in; reactivating lets it sign in again. */
  async setActive(actor: AuthUser, id: string, active: boolean, meta: RequestMeta): Promise<User> {
    if (!isUuid(id)) throw accountNotFound();
    if (id === actor.id) throw new AuthError('FORBIDDEN', '不能停用或启用自己的账号');
    return this.dataSource.transaction(async (manager) => {
      const before = await this.locked(manager, id);
      if (before.role === 'ADMIN' && actor.role !== 'ADMIN') throw onlyAdminTouchesAdmin();
      if (before.active === active) return before;
      await setAccountActive(manager, id, active);
      const sessionsEnded = active ? 0 : await this.sessions.endSessions(id, 'DEACTIVATED', manager);
      const after = await manager.findOneByOrFail(User, { id });
      await this.audit.record(manager, auditActor(actor, meta.requestId), {
        action: active ? 'user.reactivate' : 'user.deactivate',
        entity: 'user',
        entityId: id,
        before: accountView(before),
        after: { ...accountView(after), sessionsEnded },
      });
      return after;
    });
  }

  /**
   * A temporary password, returned this once (only its hash is kept, and the audit never sees it);
   * the account must change it at its next sign-in, its sessions end, and a sign-in backoff its
   * owner ran into is forgotten, so the person can sign in with it at once.
   */
  async resetPassword(actor: AuthUser, id: string, meta: RequestMeta): Promise<IssuedPassword> {
    if (!isUuid(id)) throw accountNotFound();
    if (id === actor.id) throw new AuthError('FORBIDDEN', '不能重置自己的密码,请使用“修改密码”');
    return this.dataSource.transaction(async (manager) => {
      const before = await this.locked(manager, id);
      if (before.role === 'ADMIN' && actor.role !== 'ADMIN') throw onlyAdminTouchesAdmin();
      const password = temporaryPassword(randomInt, before.username);
      await setTemporaryPassword(manager, id, await hashPassword(password));
      await this.throttle.forgetUser(manager, before.username);
      const sessionsEnded = await this.sessions.endSessions(id, 'PASSWORD_RESET', manager);
      const after = await manager.findOneByOrFail(User, { id });
      await this.audit.record(manager, auditActor(actor, meta.requestId), {
        action: 'user.password_reset',
        entity: 'user',
        entityId: id,
        before: accountView(before),
        after: { ...accountView(after), sessionsEnded },
      });
      return { temporaryPassword: password, user: after };
    });
  }

  /** The account, its row locked until the transaction ends (two administrators at once take turns). */
  private async locked(manager: EntityManager, id: string): Promise<User> {
    const user = await manager
      .getRepository(User)
      .createQueryBuilder('u')
      .setLock('pessimistic_write')
      .where('u.id = :id', { id })
      .getOne();
    if (!user) throw accountNotFound();
    return user;
  }
}
