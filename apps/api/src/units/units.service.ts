import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { auditActor, AuditService } from '../audit/audit.service';
import { searchTextOf, toSimplified } from '../common/chinese-script';
import type { AuthUser } from '../common/request-context';
import { Agency } from '../policy/agency.entity';
import { nameKeyOf, tidyName } from './agency-name';
import { CreateAgencyInput, RenameAgencyArgs, SetAgencyActiveArgs } from './dto/units.args';
import { AgencyStats } from './units.models';
import { agencyCounts, agencyName, agencyNameByNameKey, agencyNameByRegionCode, otherAgencyNameByNameKey } from './units.queries';
import { submittedReportsOfAgency } from '../reports/reports-for-units.queries';
import { UnitError, unitId, unitNotFound } from './units.errors';

/** What the audit keeps of a unit. */
export const auditedAgency = (a: Agency) => ({
  name: a.name,
  shortName: a.shortName,
  kind: a.kind,
  regionCode: a.regionCode,
  active: a.active,
  mergedIntoId: a.mergedIntoId,
});

/** A unit row, locked until the transaction ends: changes to one unit are serialized. */
export async function lockAgency(manager: EntityManager, id: string, field: string): Promise<Agency> {
  const agency = await manager
    .getRepository(Agency)
    .createQueryBuilder('a')
    .where('a.id = :id', { id })
    .setLock('pessimistic_write')
    .getOne();
  if (!agency) throw unitNotFound(id, field);
  return agency;
}

function checkedName(raw: string): string {
  const name = tidyName(raw);
  if ([...name].length < 2) throw new UnitError('BAD_USER_INPUT', '单位名称须为 2-60 个字符', { field: 'name' });
  return name;
}

/** Two offices adding the same name at once: the unique index decides, the loser gets CONFLICT. */
function uniqueViolation(error: unknown): UnitError | null {
  if (!(error instanceof QueryFailedError) || (error.driverError as { code?: string })?.code !== '23505') return null;
  const constraint = (error.driverError as { constraint?: string }).constraint;
  return constraint === 'agency_region_code_key'
    ? new UnitError('CONFLICT', '已有单位使用该行政区划代码', { field: 'regionCode' })
    : new UnitError('CONFLICT', '已有同名单位(繁简体、空格不计)', { field: 'name' });
}

@Injectable()
export class UnitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Every unit, active or not, with its counts, in the order of `agencies`. */
  async stats(): Promise<AgencyStats[]> {
    const agencies = await this.dataSource
      .getRepository(Agency)
      .createQueryBuilder('a')
      .orderBy(`a.kind = 'COUNTY'`, 'DESC')
      .addOrderBy('a.region_code', 'ASC')
      .addOrderBy('a.name', 'ASC')
      .getMany();
    const counts = await agencyCounts(this.dataSource);
    const byId = new Map(counts.map((c) => [c.id, c]));
    return agencies.map((agency) => ({
      agency,
      accounts: byId.get(agency.id)?.accounts ?? 0,
      responsibilities: byId.get(agency.id)?.responsibilities ?? 0,
    }));
  }

  async create(actor: AuthUser, input: CreateAgencyInput, requestId: string): Promise<Agency> {
    const name = checkedName(input.name);
    const shortName = tidyName(input.shortName ?? '') || name;
    const regionCode = input.regionCode ?? null;
    if (input.kind === 'COUNTY' && !regionCode)
      throw new UnitError('BAD_USER_INPUT', '县(市、区)政府须填写 6 位行政区划代码', { field: 'regionCode' });
    if (input.kind === 'DEPARTMENT' && regionCode)
      throw new UnitError('BAD_USER_INPUT', '市直部门不填写行政区划代码', { field: 'regionCode' });
    const key = nameKeyOf(name);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const same = await agencyNameByNameKey(manager, key);
        if (same !== undefined) throw new UnitError('CONFLICT', `已有同名单位“${same}”(繁简体、空格不计)`, { field: 'name' });
        if (regionCode) {
          const coded = await agencyNameByRegionCode(manager, regionCode);
          if (coded !== undefined) throw new UnitError('CONFLICT', `行政区划代码 ${regionCode} 已属于“${coded}”`, { field: 'regionCode' });
        }
        const agency = manager.create(Agency, {
          id: randomUUID(),
          name,
          nameSimplified: toSimplified(name),
          shortName,
          kind: input.kind,
          regionCode,
          searchText: searchTextOf(name),
          nameKey: key,
          active: true,
          mergedIntoId: null,
        });
        await manager.insert(Agency, agency);
        await this.audit.record(manager, auditActor(actor, requestId), {
          action: 'agency.create',
          entity: 'agency',
          entityId: agency.id,
          before: null,
          after: auditedAgency(agency),
        });
        return agency;
      });
    } catch (error) {
      throw uniqueViolation(error) ?? error;
    }
  }

  /**
   * A new name shows everywhere at once: every page reads the name from this row (the dashboard's
   * cache is versioned by a trigger on agency). The old name stays in the audit, and a notice that
   * still says it finds this unit by its seeded id (notice-seed.ts).
   */
  async rename(actor: AuthUser, args: RenameAgencyArgs, requestId: string): Promise<Agency> {
    const id = unitId(args.id, 'id');
    const name = checkedName(args.name);
    const shortName = args.shortName == null ? null : tidyName(args.shortName);
    if (shortName === '') throw new UnitError('BAD_USER_INPUT', '简称不能为空(不改简称请不填)', { field: 'shortName' });
    const key = nameKeyOf(name);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const agency = await lockAgency(manager, id, 'id');
        const same = await otherAgencyNameByNameKey(manager, key, id);
        if (same !== undefined) throw new UnitError('CONFLICT', `已有同名单位“${same}”(繁简体、空格不计)`, { field: 'name' });
        const before = auditedAgency(agency);
        const nextShort = shortName ?? (agency.shortName === agency.name ? name : agency.shortName);
        if (agency.name === name && agency.shortName === nextShort) return agency;
        Object.assign(agency, {
          name,
          nameSimplified: toSimplified(name),
          searchText: searchTextOf(name),
          nameKey: key,
          shortName: nextShort,
        });
        await manager.update(
          Agency,
          { id },
          { name, nameSimplified: agency.nameSimplified, searchText: agency.searchText, nameKey: key, shortName: nextShort },
        );
        await this.audit.record(manager, auditActor(actor, requestId), {
          action: 'agency.rename',
          entity: 'agency',
          entityId: id,
          before,
          after: auditedAgency(agency),
        });
        return agency;
      });
    } catch (error) {
      throw uniqueViolation(error) ?? error;
    }
  }

  /**
   * Inactive: not chased, no new follow-up items, left out of `agencies` unless asked; its reports,
   * figures and accounts stay as they are. Refused while the unit has reports SUBMITTED and waiting
   * for the office's decision (they count as `pending` until accepted or returned, and only the
   * office can settle them): the office decides those first. Drafts are the unit's unfinished
   * work, counted nowhere, so they do not hold a deactivation up.
   */
  async setActive(actor: AuthUser, args: SetAgencyActiveArgs, requestId: string): Promise<Agency> {
    const id = unitId(args.id, 'id');
    return this.dataSource.transaction(async (manager) => {
      const agency = await lockAgency(manager, id, 'id');
      if (agency.active === args.active) return agency;
      if (args.active && agency.mergedIntoId) {
        const into = await agencyName(manager, agency.mergedIntoId);
        throw new UnitError('CONFLICT', `该单位已并入“${into ?? ''}”,不能重新启用`, { field: 'active' });
      }
      if (!args.active) {
        const waiting = await submittedReportsOfAgency(manager, id);
        if (waiting.length) {
          const list = waiting.map((w) => `${w.doc_number} ${w.label} 第${w.seq}条`);
          throw new UnitError(
            'CONFLICT',
            `该单位有 ${waiting.length} 份已报送待审核的进展报告(${list.slice(0, 5).join('、')}${waiting.length > 5 ? '等' : ''}),请先审核后再停用`,
            {
              field: 'active',
              submittedReports: list,
            },
          );
        }
      }
      const before = auditedAgency(agency);
      agency.active = args.active;
      await manager.update(Agency, { id }, { active: args.active });
      await this.audit.record(manager, auditActor(actor, requestId), {
        action: args.active ? 'agency.activate' : 'agency.deactivate',
        entity: 'agency',
        entityId: id,
        before,
        after: auditedAgency(agency),
      });
      return agency;
    });
  }
}
