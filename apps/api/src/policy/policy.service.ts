import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AgencyKind } from '@luoshi/domain';
import { Agency } from './agency.entity';
import { checkId, notFound } from '../common/id-checks';
import { Policy } from './policy.entity';
import { ReportingPeriod } from './reporting-period.entity';
import { toSimplified } from '../common/chinese-script';
import type { TextPair } from './text-pair.model';
import type { AuthUser } from '../common/request-context';
import { seesDrafts } from './draft-visibility';
import { allScopeDataVersion } from '../progress/data-version.queries';
import { dashboardTexts } from './policy.queries';

@Injectable()
export class PolicyService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Per policy id: a loaded notice does not change, so its texts are converted once per process; unit
   * names do change (renameAgency), so an entry holds for one version of the agencies ('all' scope of
   * dashboard_version, raised by a trigger on every agency change, on any replica).
   */
  private readonly simplifiedTextsCache = new Map<string, { version: string; pairs: Promise<TextPair[]> }>();

  /** Published policies, newest first; ADMIN/OFFICE see the drafts too. */
  policies(user: AuthUser | null = null): Promise<Policy[]> {
    return this.dataSource
      .getRepository(Policy)
      .find({ where: seesDrafts(user) ? {} : { status: 'PUBLISHED' }, order: { issuedOn: 'DESC', docNumber: 'ASC' } });
  }

  /** A policy by id; a DRAFT is NOT_FOUND to anyone who may not see drafts. */
  async policy(id: string, user: AuthUser | null = null, field?: string): Promise<Policy> {
    const policy = await this.dataSource.getRepository(Policy).findOneBy({ id: checkId(id, '政策文件', field) });
    if (!policy || (policy.status === 'DRAFT' && !seesDrafts(user))) throw notFound('政策文件', id, field);
    return policy;
  }

  /** The dashboard's texts of a policy with their simplified form, only those that differ. */
  async simplifiedTexts(policyId: string, user: AuthUser | null = null): Promise<TextPair[]> {
    const id = checkId(policyId, '政策文件').toLowerCase();
    // A draft changes with every correction: computed each time, never cached.
    const policy = await this.policy(id, user);
    if (policy.status === 'DRAFT') return this.computeSimplifiedTexts(id, user);
    const version = await allScopeDataVersion(this.dataSource);
    const cached = this.simplifiedTextsCache.get(id);
    if (cached?.version === version) return cached.pairs;
    const pairs = this.computeSimplifiedTexts(id, user);
    this.simplifiedTextsCache.set(id, { version, pairs });
    pairs.catch(() => this.simplifiedTextsCache.delete(id)); // e.g. unknown id: not cached
    return pairs;
  }

  private async computeSimplifiedTexts(policyId: string, user: AuthUser | null): Promise<TextPair[]> {
    await this.policy(policyId, user);
    const texts = await dashboardTexts(this.dataSource, policyId);
    const pairs: TextPair[] = [];
    for (const text of texts) {
      if (!text) continue;
      const simplified = toSimplified(text);
      if (simplified !== text) pairs.push({ text, simplified });
    }
    return pairs.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  }

  async reportingPeriods(policyId: string, user: AuthUser | null = null): Promise<ReportingPeriod[]> {
    await this.policy(policyId, user, 'policyId');
    return this.dataSource.getRepository(ReportingPeriod).find({ where: { policyId: policyId.toLowerCase() }, order: { startsOn: 'ASC' } });
  }

  /** Counties in the order of their division codes, departments by name; search in either script. */
  agencies(kind?: AgencyKind, search?: string, includeInactive = false): Promise<Agency[]> {
    const query = this.dataSource
      .getRepository(Agency)
      .createQueryBuilder('a')
      .orderBy(`a.kind = 'COUNTY'`, 'DESC')
      .addOrderBy('a.region_code', 'ASC')
      .addOrderBy('a.name', 'ASC');
    if (kind) query.andWhere('a.kind = :kind', { kind });
    if (!includeInactive) query.andWhere('a.active');
    const term = search?.trim().toLowerCase();
    if (term) query.andWhere(`a.search_text LIKE :term ESCAPE '\\'`, { term: `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    return query.getMany();
  }
}
