import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { auditActor, AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/request-context';
import { nameKeyOf, tidyName } from '../units/agency-name';
import { AgencyAlias } from './agency-alias.entity';
import { agencyByNameKey, deleteAlias, insertAlias, lockAlias } from './agency-alias.queries';
import { agencyState } from './draft-corrections.queries';
import { uniqueViolationOf } from './draft-guard';
import { PolicyError } from './policy.errors';
import { checkId, notFound } from '../common/id-checks';

const MAX_ALIAS = 60;

/** The office's aliases of unit names: the import matches a notice's name by them (agency-matcher.ts). */
@Injectable()
export class AgencyAliasService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<AgencyAlias[]> {
    return this.dataSource.getRepository(AgencyAlias).find({ order: { alias: 'ASC' } });
  }

  async add(actor: AuthUser, rawAlias: string, agencyId: string, requestId: string): Promise<AgencyAlias> {
    const alias = tidyName(rawAlias);
    if ([...alias].length < 2 || [...alias].length > MAX_ALIAS)
      throw new PolicyError('BAD_USER_INPUT', `别名须为 2-${MAX_ALIAS} 个字符`, { field: 'alias' });
    const aliasKey = nameKeyOf(alias);
    const id = await this.dataSource
      .transaction(async (manager) => {
        const agency = await agencyState(manager, checkId(agencyId, '单位', 'agencyId'));
        if (!agency) throw notFound('单位', agencyId, 'agencyId');
        if (agency.mergedIntoId)
          throw new PolicyError('BAD_USER_INPUT', `${agency.name}已并入其他单位，请为合并后的单位添加别名`, { field: 'agencyId' });
        const named = await agencyByNameKey(manager, aliasKey);
        if (named?.id === agency.id) throw new PolicyError('BAD_USER_INPUT', '别名与单位全称相同，无须添加', { field: 'alias' });
        if (named)
          throw new PolicyError('CONFLICT', `“${alias}”是另一个单位（${named.name}）的名称`, { field: 'alias', agencyId: named.id });
        const aliasId = await insertAlias(manager, alias, aliasKey, agency.id);
        await this.audit.record(manager, auditActor(actor, requestId), {
          action: 'agency.alias.add',
          entity: 'agency',
          entityId: agency.id,
          before: null,
          after: { aliasId, alias, agency: agency.name },
        });
        return aliasId;
      })
      .catch((error: unknown) => {
        throw uniqueViolationOf(error) === 'agency_alias_key_key'
          ? new PolicyError('CONFLICT', `别名“${alias}”已经存在`, { field: 'alias' })
          : error;
      });
    return this.dataSource.getRepository(AgencyAlias).findOneByOrFail({ id });
  }

  async remove(actor: AuthUser, aliasId: string, requestId: string): Promise<boolean> {
    const id = checkId(aliasId, '别名', 'id');
    await this.dataSource.transaction(async (manager) => {
      const row = await lockAlias(manager, id);
      if (!row) throw notFound('别名', aliasId, 'id');
      await deleteAlias(manager, id);
      await this.audit.record(manager, auditActor(actor, requestId), {
        action: 'agency.alias.remove',
        entity: 'agency',
        entityId: row.agencyId,
        before: { aliasId: id, alias: row.alias },
        after: null,
      });
    });
    return true;
  }
}
