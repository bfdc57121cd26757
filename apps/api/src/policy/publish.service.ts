import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { auditActor, AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/request-context';
import { deleteUnusedImportedAgency } from './agency-matcher.queries';
import { createReportingPeriods } from './notice-seed';
import { PolicyError } from './policy.errors';
import { checkId, notFound } from '../common/id-checks';
import { Policy } from './policy.entity';
import { periodCount } from './period.queries';
import { measureCount } from './policy.queries';
import { chinaYear, rollTargetYears } from './target-years.service';
import { confirmImportedAgenciesOf, deletePolicy, importedAgenciesOf, markPublished } from './publish.queries';

/**
 * Publishing opens a draft for reporting: its periods (issue-date quarter through the end of the
 * current year), PUBLISHED, the units it names confirmed, and each year's target of a 每年 target. Deleting throws a draft away.
 */
@Injectable()
export class PublishService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async publish(actor: AuthUser, policyId: string, requestId: string): Promise<Policy> {
    const id = checkId(policyId, '政策文件', 'id');
    await this.dataSource.transaction(async (manager) => {
      const policy = await manager.getRepository(Policy).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!policy) throw notFound('政策文件', policyId, 'id');
      if (policy.status !== 'DRAFT') throw new PolicyError('BAD_USER_INPUT', '此政策文件已经发布', { field: 'id' });
      if (!policy.docNumberConfirmed)
        throw new PolicyError('BAD_USER_INPUT', '发布前请先填写文号（通知中没有识别出文号）', { field: 'docNumber' });
      if (!policy.issuedOnConfirmed)
        throw new PolicyError('BAD_USER_INPUT', '发布前请先填写成文日期（通知中没有识别出日期）', { field: 'issuedOn' });
      if ((await measureCount(manager, id)) === 0) throw new PolicyError('BAD_USER_INPUT', '此政策文件没有措施，不能发布', { field: 'id' });

      // The office has reviewed the draft's units: those the import created are units like any other now.
      const confirmed = await confirmImportedAgenciesOf(manager, id);
      await markPublished(manager, id);
      await createReportingPeriods(manager, { id, issuedOn: policy.issuedOn }, () => randomUUID());
      const periods = await periodCount(manager, id);
      // A 每年 target gets its target for each year through the notice's end year (and this year).
      const years = await rollTargetYears(manager, this.audit, auditActor(actor, requestId), {
        policyId: id,
        throughYear: chinaYear(),
        reason: 'publish',
      });
      await this.audit.record(manager, auditActor(actor, requestId), {
        action: 'policy.publish',
        entity: 'policy',
        entityId: id,
        before: { status: 'DRAFT', version: policy.version },
        after: {
          status: 'PUBLISHED',
          version: policy.version + 1,
          docNumber: policy.docNumber,
          issuedOn: policy.issuedOn,
          periods,
          targetYears: years.map((t) => ({ id: t.id, name: t.name, year: t.year })),
          confirmedAgencies: confirmed,
        },
      });
    });
    return this.dataSource.getRepository(Policy).findOneByOrFail({ id });
  }

  /** Deletes a draft and what was imported with it; units the import created go too where nothing else names them. */
  async deleteDraft(actor: AuthUser, policyId: string, requestId: string): Promise<boolean> {
    const id = checkId(policyId, '政策文件', 'id');
    await this.dataSource.transaction(async (manager) => {
      const policy = await manager.getRepository(Policy).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!policy) throw notFound('政策文件', policyId, 'id');
      if (policy.status !== 'DRAFT') throw new PolicyError('BAD_USER_INPUT', '已发布的政策文件不能删除', { field: 'id' });
      const imported = await importedAgenciesOf(manager, id);
      await deletePolicy(manager, id);
      const deletedAgencies: string[] = [];
      for (const a of imported) if (await deleteUnusedImportedAgency(manager, a.id)) deletedAgencies.push(a.id);
      await this.audit.record(manager, auditActor(actor, requestId), {
        action: 'policy.deleteDraft',
        entity: 'policy',
        entityId: id,
        before: { docNumber: policy.docNumber, title: policy.title, status: policy.status, version: policy.version },
        after: { deletedAgencies },
      });
    });
    return true;
  }
}
