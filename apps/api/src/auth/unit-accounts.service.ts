import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { temporaryPassword } from '@luoshi/domain';
import { auditActor, AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/request-context';
import { AuthError } from './auth.errors';
import { accountView, IssuedPassword, isUuid } from './accounts.service';
import { hashPassword } from './passwords';
import { User } from './user.entity';
import type { RequestMeta } from './users.service';

interface Unit {
  id: string;
  kind: string;
  regionCode: string | null;
}

/**
 * The username a unit's first account gets. Without pinyin offline, a stable scheme that reads on a
 * printed sheet beside the unit's name: a county is `r` + its administrative division code (GB/T
 * 2260, the number county governments already use: 台山市 → r440781); a department is `u` + the
 * first six hex digits of its id (ids derive from the unit's name, so the same unit gets the same
 * name on every installation). A name already taken gets -2, -3 … (see createUnitAccounts).
 */
export const unitUsername = (unit: Unit) =>
  unit.kind === 'COUNTY' && unit.regionCode ? `r${unit.regionCode}` : `u${unit.id.replace(/-/g, '').slice(0, 6)}`;

/** Serializes createUnitAccounts calls (two clicks at once): the second then finds the accounts made. */
const LOCK_KEY = 'luoshi:create-unit-accounts';

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
      if ((await manager.query(`SELECT 1 FROM policy WHERE id = $1`, [policyId])).length === 0) throw notFound();
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [LOCK_KEY]);
      const units: Unit[] = await manager.query(
        `SELECT a.id, a.kind, a.region_code AS "regionCode" FROM agency a
          WHERE a.id IN (SELECT r.agency_id FROM responsibility r JOIN measure m ON m.id = r.measure_id WHERE m.policy_id = $1)
            AND a.active -- an inactive (or merged) unit gets no new account
            AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.agency_id = a.id AND u.role = 'REPORTER' AND u.active)
          ORDER BY a.kind = 'COUNTY' DESC, a.region_code, a.name`,
        [policyId],
      );
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
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO app_user (username, password_hash, role, agency_id, must_change_password) VALUES ($1, $2, 'REPORTER', $3, true)
         ON CONFLICT (username) DO NOTHING RETURNING id`,
        [username, passwordHash, agencyId],
      );
      if (rows.length) return manager.findOneByOrFail(User, { id: rows[0].id });
    }
  }
}
