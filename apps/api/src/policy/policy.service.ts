import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AgencyKind } from '@luoshi/domain';
import { Agency } from './agency.entity';
import { checkId, notFound } from './policy.errors';
import { Policy } from './policy.entity';
import { ReportingPeriod } from './reporting-period.entity';

@Injectable()
export class PolicyService {
  constructor(private readonly dataSource: DataSource) {}

  policies(): Promise<Policy[]> {
    return this.dataSource.getRepository(Policy).find({ order: { issuedOn: 'DESC', docNumber: 'ASC' } });
  }

  async policy(id: string): Promise<Policy> {
    const policy = await this.dataSource.getRepository(Policy).findOneBy({ id: checkId(id, '政策文件') });
    if (!policy) throw notFound('政策文件', id);
    return policy;
  }

  async reportingPeriods(policyId: string): Promise<ReportingPeriod[]> {
    await this.policy(policyId);
    return this.dataSource.getRepository(ReportingPeriod).find({ where: { policyId: policyId.toLowerCase() }, order: { startsOn: 'ASC' } });
  }

  /** Counties in the order of their division codes, departments by name; search in either script. */
  agencies(kind?: AgencyKind, search?: string): Promise<Agency[]> {
    const query = this.dataSource
      .getRepository(Agency)
      .createQueryBuilder('a')
      .orderBy(`a.kind = 'COUNTY'`, 'DESC')
      .addOrderBy('a.region_code', 'ASC')
      .addOrderBy('a.name', 'ASC');
    if (kind) query.andWhere('a.kind = :kind', { kind });
    const term = search?.trim().toLowerCase();
    if (term) query.andWhere(`a.search_text LIKE :term ESCAPE '\\'`, { term: `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    return query.getMany();
  }
}
