import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { auditActor, AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/request-context';
import { deleteTarget, insertTarget, targetNameTaken, updateTarget } from './draft-targets.queries';
import { lockDraft, policyOfMeasure, raiseVersion, uniqueViolationOf } from './draft-guard';
import { AddDraftTargetInput, RemoveDraftTargetInput, UpdateDraftTargetInput } from './dto/draft.inputs';
import { settleWarnings } from './import-warnings';
import { PolicyError } from './policy.errors';
import { checkId, notFound } from '../common/id-checks';
import { Policy } from './policy.entity';
import { Target } from './target.entity';

const nameTaken = (name: string, year: number) => new PolicyError('CONFLICT', `此措施已有 ${year} 年的指标“${name}”`, { field: 'name' });

/** What the audit keeps of a target. */
const targetFacts = (t: Pick<Target, 'name' | 'unit' | 'targetValue' | 'direction' | 'year' | 'everyYear'>) => ({
  name: t.name,
  unit: t.unit,
  targetValue: t.targetValue,
  direction: t.direction,
  year: t.year,
  everyYear: t.everyYear,
});

/** The office's corrections of a draft's targets: add (one per year), change, remove. Each audited. */
@Injectable()
export class DraftTargetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private async targetOf(manager: EntityManager, targetId: string): Promise<Target> {
    const target = await manager.getRepository(Target).findOneBy({ id: checkId(targetId, '指标', 'targetId') });
    if (!target) throw notFound('指标', targetId, 'targetId');
    return target;
  }

  private async inTransaction(work: (manager: EntityManager) => Promise<string>): Promise<Policy> {
    const policyId = await this.dataSource.transaction(work).catch((error: unknown) => {
      throw uniqueViolationOf(error) === 'target_measure_name_year_key'
        ? new PolicyError('CONFLICT', '此措施已有同名同年度的指标', { field: 'name' })
        : error;
    });
    return this.dataSource.getRepository(Policy).findOneByOrFail({ id: policyId });
  }

  add(actor: AuthUser, input: AddDraftTargetInput, requestId: string): Promise<Policy> {
    return this.inTransaction(async (manager) => {
      const measure = await policyOfMeasure(manager, input.measureId);
      const policy = await lockDraft(manager, measure.policyId, input.version);
      const name = input.name.trim();
      const unit = input.unit.trim();
      if (!name || !unit)
        throw new PolicyError('BAD_USER_INPUT', name ? '计量单位不能为空' : '指标名称不能为空', { field: name ? 'unit' : 'name' });
      const years = [...new Set(input.years)].sort((a, b) => a - b);
      const everyYear = input.everyYear ?? years.length > 1;
      const added: { id: string; year: number }[] = [];
      for (const year of years) {
        if (await targetNameTaken(manager, measure.measureId, name, year)) throw nameTaken(name, year);
        const id = randomUUID();
        await insertTarget(manager, id, measure.measureId, {
          name,
          unit,
          targetValue: input.targetValue,
          direction: input.direction,
          year,
          everyYear,
        });
        added.push({ id, year });
      }
      await raiseVersion(manager, policy, settleWarnings(policy.importWarnings, { measureId: measure.measureId }));
      await this.audit.record(manager, auditActor(actor, requestId), {
        action: 'target.draft.add',
        entity: 'measure',
        entityId: measure.measureId,
        before: { version: policy.version },
        after: {
          name,
          unit,
          targetValue: input.targetValue,
          direction: input.direction,
          everyYear,
          targets: added,
          version: policy.version + 1,
          policyId: policy.id,
        },
      });
      return policy.id;
    });
  }

  update(actor: AuthUser, input: UpdateDraftTargetInput, requestId: string): Promise<Policy> {
    return this.inTransaction(async (manager) => {
      const target = await this.targetOf(manager, input.targetId);
      const measure = await policyOfMeasure(manager, target.measureId);
      const policy = await lockDraft(manager, measure.policyId, input.version);
      const name = input.name == null ? target.name : input.name.trim();
      const unit = input.unit == null ? target.unit : input.unit.trim();
      if (!name || !unit)
        throw new PolicyError('BAD_USER_INPUT', name ? '计量单位不能为空' : '指标名称不能为空', { field: name ? 'unit' : 'name' });
      const after = {
        name,
        unit,
        targetValue: input.targetValue ?? target.targetValue,
        direction: input.direction ?? target.direction,
        year: input.year ?? target.year,
        everyYear: input.everyYear ?? target.everyYear,
      };
      if (await targetNameTaken(manager, target.measureId, after.name, after.year, target.id)) throw nameTaken(after.name, after.year);
      // A ceiling has no quarterly schedule (setTargetTrajectory refuses one): a changed direction drops it.
      await updateTarget(manager, target.id, after);
      await raiseVersion(manager, policy, settleWarnings(policy.importWarnings, { measureId: target.measureId }));
      await this.audit.record(manager, auditActor(actor, requestId), {
        action: 'target.draft.update',
        entity: 'target',
        entityId: target.id,
        before: { ...targetFacts(target), version: policy.version },
        after: { ...after, version: policy.version + 1, policyId: policy.id },
      });
      return policy.id;
    });
  }

  remove(actor: AuthUser, input: RemoveDraftTargetInput, requestId: string): Promise<Policy> {
    return this.inTransaction(async (manager) => {
      const target = await this.targetOf(manager, input.targetId);
      const measure = await policyOfMeasure(manager, target.measureId);
      const policy = await lockDraft(manager, measure.policyId, input.version);
      await deleteTarget(manager, target.id);
      await raiseVersion(manager, policy, settleWarnings(policy.importWarnings, { measureId: target.measureId }));
      await this.audit.record(manager, auditActor(actor, requestId), {
        action: 'target.draft.remove',
        entity: 'target',
        entityId: target.id,
        before: { ...targetFacts(target), sourcePhrase: target.sourcePhrase, version: policy.version },
        after: { version: policy.version + 1, policyId: policy.id },
      });
      return policy.id;
    });
  }
}
