import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { auditActor, AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/request-context';
import { Agency } from '../policy/agency.entity';
import { AuthError } from './auth.errors';
import { checkDisplayName, checkPhone, contactValue } from './contact-rules';
import { CreateUserInput } from './dto/create-user.input';
import { passwordProblems } from '@luoshi/domain';
import { passwordRuleError } from './password-rules';
import { hashPassword } from './passwords';
import { User } from './user.entity';
import { insertUserUnlessTaken } from './users.queries';

export interface RequestMeta {
  requestId: string;
}

const publicView = (u: User) => ({
  id: u.id,
  username: u.username,
  role: u.role,
  agencyId: u.agencyId,
  displayName: u.displayName,
  phone: u.phone,
});
const badInput = (message: string, field: string) => new AuthError('BAD_USER_INPUT', message, { field });

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * A reporter belongs to exactly one agency; other roles to none. Only an ADMIN makes another
   * ADMIN: the office manages the people who report and read, not the administrators.
   */
  async create(actor: AuthUser, input: CreateUserInput, meta: RequestMeta): Promise<User> {
    if (input.role === 'ADMIN' && actor.role !== 'ADMIN') throw new AuthError('FORBIDDEN', '只有系统管理员可以创建管理员账号');
    if (input.role === 'REPORTER' && !input.agencyId)
      throw new AuthError('BAD_USER_INPUT', '填报员账号必须指定所属单位', { field: 'agencyId' });
    if (input.role !== 'REPORTER' && input.agencyId)
      throw new AuthError('BAD_USER_INPUT', '只有填报员账号可以指定所属单位', { field: 'agencyId' });
    const displayName = contactValue(checkDisplayName(input.displayName), 'displayName', badInput);
    const phone = contactValue(checkPhone(input.phone), 'phone', badInput);
    const username = input.username.trim().toLowerCase();
    const broken = passwordProblems(input.password, username);
    if (broken.length) throw passwordRuleError(broken, 'password');
    const passwordHash = await hashPassword(input.password);

    return this.dataSource.transaction(async (manager) => {
      if (input.agencyId && !(await manager.existsBy(Agency, { id: input.agencyId }))) {
        throw new AuthError('NOT_FOUND', '所属单位不存在', { field: 'agencyId' });
      }
      const id = await insertUserUnlessTaken(manager, {
        username,
        passwordHash,
        role: input.role,
        agencyId: input.agencyId ?? null,
        displayName,
        phone,
        mustChangePassword: false,
      });
      if (id === null) throw new AuthError('CONFLICT', `用户名 ${username} 已存在`, { field: 'username' });
      const user = await manager.findOneByOrFail(User, { id });
      await this.audit.record(manager, auditActor(actor, meta.requestId), {
        action: 'user.create',
        entity: 'user',
        entityId: user.id,
        before: null,
        after: publicView(user),
      });
      return user;
    });
  }
}
