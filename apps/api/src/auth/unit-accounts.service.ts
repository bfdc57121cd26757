import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { temporaryPassword } from '@luoshi/domain';
import { auditActor, AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/request-context';
import { policyExists } from '../policy/policy-for-auth.queries';
import { AuthError } from './auth.errors';
import { accountView, IssuedPassword, isUuid } from './accounts.service';
import { hashPassword } from './passwords';
import { lockUnitAccountCreation, UnitWithoutReporter, unitsWithoutReporter } from './unit-accounts.queries';
import { User } from './user.entity';
import { insertUserUnlessTaken } from './users.queries';
import type { RequestMeta } from './users.service';

/**
 * The username a unit's first account gets. Without pinyin offline, a stable scheme that reads on a
 * printed sheet beside the unit's name: a county is `r` + its administrative division code (GB/T
 * 2260, the number county governments already use: 台山市 → r440781); a department is `u` + the
 * first six hex digits of its id (ids derive from the unit's name, so the same unit gets the same
 * name on every installation). A name already taken gets -2, -3 … (see createUnitAccounts).
 */
export const unitUsername = (unit: UnitWithoutReporter) =>
  unit.kind === 'COUNTY' && unit.regionCode ? `r${unit.regionCode}` : `u${unit.id.replace(/-/g, '').slice(0, 6)}`;

@Injectable()
export class UnitAccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * One REPORTER account, with a temporary password shown this once, for every unit responsible for
   * a measure of the policy that has no active reporter yet; all in one transaction, each audited
   * (without the password). Units that have one are left alone, so calling again creates nothing.
   */
  async create(actor: AuthUser, policyId: string, meta: RequestMeta): Promise<IssuedPassword[]> {
    const notFound = () => new AuthError('NOT_FOUND', '政策文件不存在', { field: 'policyId' });
    if (!isUuid(policyId)) throw notFound();
    return this.dataSource.transaction(async (manager) => {
      if (!(await policyExists(manager, policyId))) throw notFound();
      await lockUnitAccountCreation(manager);
      const units = await unitsWithoutReporter(manager, policyId);
      const issued: IssuedPassword[] = [];
      for (const unit of units) {
        const base = unitUsername(unit);
        const password = temporaryPassword(randomInt, base);
        const user = await this.insertReporter(manager, base, unit.id, await hashPassword(password));
        await this.audit.record(manager, auditActor(actor, meta.requestId), {
          action: 'user.create',
          entity: 'user',
          entityId: user.id,
          before: null,
          after: { ...accountView(user), via: 'createUnitAccounts', policyId },
        });
        issued.push({ temporaryPassword: password, user });
      }
      return issued;
    });
  }

  /** Inserts under `base`, or base-2, base-3 … where the name is taken (an old, deactivated account of the unit). */
  private async insertReporter(manager: EntityManager, base: string, agencyId: string, passwordHash: string): Promise<User> {
    for (let n = 1; ; n++) {
      const username = n === 1 ? base : `${base}-${n}`;
      const id = await insertUserUnlessTaken(manager, {
        username,
        passwordHash,
        role: 'REPORTER',
        agencyId,
        displayName: null,
        phone: null,
        mustChangePassword: true,
      });
      if (id !== null) return manager.findOneByOrFail(User, { id });
    }
  }
}
