import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { auditActor, AuditEntry, AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/request-context';
import { nameKeyOf, tidyName } from '../units/agency-name';
import { deleteUnusedImportedAgency } from './agency-matcher.queries';
import {
  agencyState,
  AgencyState,
  deleteResponsibility,
  moveResponsibilities,
  renameMeasure,
  responsibilitiesToMove,
  responsibilityOf,
  upsertAlias,
  updateDraftHeading,
  upsertResponsibility,
} from './draft-corrections.queries';
import { lockDraft, policyOfMeasure, raiseVersion, uniqueViolationOf } from './draft-guard';
import {
  MapDraftAgencyInput,
  RemoveDraftResponsibilityInput,
  SetDraftResponsibilityInput,
  UpdateDraftMeasureInput,
  UpdateDraftPolicyInput,
} from './dto/draft.inputs';
import { settleWarnings } from './import-warnings';
import { policyByDocNumber } from './notice-import.queries';
import { PolicyError } from './policy.errors';
import { checkId, notFound } from '../common/id-checks';
import { Policy } from './policy.entity';

/** A real calendar date (2025-02-30 is refused), as ISO text. */
function checkedDate(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    throw new PolicyError('BAD_USER_INPUT', `${value} 不是有效日期`, { field: 'issuedOn' });
  return value;
}

/** A unit a draft may name: it exists, is active and not merged into another. */
async function usableAgency(manager: EntityManager, agencyId: string, field: string): Promise<AgencyState> {
  const agency = await agencyState(manager, checkId(agencyId, '单位', field));
  if (!agency) throw notFound('单位', agencyId, field);
  if (agency.mergedIntoId) throw new PolicyError('BAD_USER_INPUT', `${agency.name}已并入其他单位，请选择合并后的单位`, { field });
  if (!agency.active) throw new PolicyError('BAD_USER_INPUT', `${agency.name}已停用，不能承担新的任务`, { field });
  return agency;
}

/**
 * The office's corrections of a draft's notice, its measures' titles and their units. Each checks the
 * draft and its version, raises the version, keeps the warnings current and writes one audit record.
 */
@Injectable()
export class DraftCorrectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Runs a correction in a transaction, audits it, and answers the policy as it is afterwards. */
  private async correct(
    actor: AuthUser,
    requestId: string,
    change: (
      manager: EntityManager,
    ) => Promise<{ policyId: string; entry: Omit<AuditEntry, 'entity' | 'entityId'> & { entity?: string; entityId?: string } }>,
  ): Promise<Policy> {
    let policyId = '';
    await this.dataSource.transaction(async (manager) => {
      const done = await change(manager);
      policyId = done.policyId;
      await this.audit.record(manager, auditActor(actor, requestId), { entity: 'policy', entityId: done.policyId, ...done.entry });
    });
    return this.dataSource.getRepository(Policy).findOneByOrFail({ id: policyId });
  }

  updatePolicy(actor: AuthUser, input: UpdateDraftPolicyInput, requestId: string): Promise<Policy> {
    return this.correct(actor, requestId, async (manager) => {
      const policy = await lockDraft(manager, input.id, input.version, 'id');
      const docNumber = input.docNumber == null ? null : input.docNumber.trim();
      const title = input.title == null ? null : input.title.trim();
      const issuer = input.issuer == null ? null : input.issuer.trim();
      const issuedOn = input.issuedOn == null ? null : checkedDate(input.issuedOn);
      if (docNumber === null && title === null && issuer === null && issuedOn === null)
        throw new PolicyError('BAD_USER_INPUT', '没有要修改的内容', { field: 'input' });
      if (docNumber === '' || title === '')
        throw new PolicyError('BAD_USER_INPUT', docNumber === '' ? '文号不能为空' : '标题不能为空', {
          field: docNumber === '' ? 'docNumber' : 'title',
        });
      if (docNumber !== null) {
        const taken = await policyByDocNumber(manager, docNumber, policy.id);
        if (taken)
          throw new PolicyError('CONFLICT', `文号 ${docNumber} 已被另一份政策文件使用`, { field: 'docNumber', policyId: taken.id });
      }
      const before = {
        docNumber: policy.docNumber,
        title: policy.title,
        issuer: policy.issuer,
        issuedOn: policy.issuedOn,
        issuedOnConfirmed: policy.issuedOnConfirmed,
        docNumberConfirmed: policy.docNumberConfirmed,
      };
      const after = {
        docNumber: docNumber ?? policy.docNumber,
        title: title ?? policy.title,
        issuer: issuer ?? policy.issuer,
        issuedOn: issuedOn ?? policy.issuedOn,
        issuedOnConfirmed: issuedOn !== null || policy.issuedOnConfirmed,
        docNumberConfirmed: docNumber !== null || policy.docNumberConfirmed,
      };
      await updateDraftHeading(manager, policy.id, after).catch((error: unknown) => {
        if (uniqueViolationOf(error) === 'policy_doc_number_key')
          throw new PolicyError('CONFLICT', `文号 ${docNumber} 已被另一份政策文件使用`, { field: 'docNumber' });
        throw error;
      });
      await raiseVersion(
        manager,
        policy,
        title !== null ? settleWarnings(policy.importWarnings, { kind: 'NO_TITLE' }) : policy.importWarnings,
      );
      return {
        policyId: policy.id,
        entry: {
          action: 'policy.draft.update',
          before: { ...before, version: policy.version },
          after: { ...after, version: policy.version + 1 },
        },
      };
    });
  }

  updateMeasure(actor: AuthUser, input: UpdateDraftMeasureInput, requestId: string): Promise<Policy> {
    return this.correct(actor, requestId, async (manager) => {
      const measure = await policyOfMeasure(manager, input.measureId);
      const policy = await lockDraft(manager, measure.policyId, input.version);
      const title = input.title.trim();
      if (!title) throw new PolicyError('BAD_USER_INPUT', '措施标题不能为空', { field: 'title' });
      await renameMeasure(manager, measure.measureId, title);
      await raiseVersion(manager, policy, settleWarnings(policy.importWarnings, { measureId: measure.measureId }));
      return {
        policyId: policy.id,
        entry: {
          action: 'measure.draft.update',
          entity: 'measure',
          entityId: measure.measureId,
          before: { title: measure.title, version: policy.version },
          after: { title, version: policy.version + 1, policyId: policy.id },
        },
      };
    });
  }

  setResponsibility(actor: AuthUser, input: SetDraftResponsibilityInput, requestId: string): Promise<Policy> {
    return this.correct(actor, requestId, async (manager) => {
      const measure = await policyOfMeasure(manager, input.measureId);
      const policy = await lockDraft(manager, measure.policyId, input.version);
      const agency = await usableAgency(manager, input.agencyId, 'agencyId');
      const before = await responsibilityOf(manager, measure.measureId, agency.id);
      await upsertResponsibility(manager, measure.measureId, agency.id, input.role);
      await raiseVersion(manager, policy, settleWarnings(policy.importWarnings, { measureId: measure.measureId }));
      return {
        policyId: policy.id,
        entry: {
          action: 'responsibility.draft.set',
          entity: 'measure',
          entityId: measure.measureId,
          before: { agencyId: agency.id, agency: agency.name, role: before?.role ?? null, version: policy.version },
          after: { agencyId: agency.id, agency: agency.name, role: input.role, version: policy.version + 1, policyId: policy.id },
        },
      };
    });
  }

  removeResponsibility(actor: AuthUser, input: RemoveDraftResponsibilityInput, requestId: string): Promise<Policy> {
    return this.correct(actor, requestId, async (manager) => {
      const measure = await policyOfMeasure(manager, input.measureId);
      const policy = await lockDraft(manager, measure.policyId, input.version);
      const agencyId = checkId(input.agencyId, '单位', 'agencyId');
      const before = await responsibilityOf(manager, measure.measureId, agencyId);
      if (!before) throw new PolicyError('NOT_FOUND', '该单位不是此措施的责任单位', { field: 'agencyId', id: input.agencyId });
      const agency = (await agencyState(manager, agencyId))!;
      await deleteResponsibility(manager, measure.measureId, agencyId);
      // A unit the import created for this name alone goes with its last responsibility.
      const agencyDeleted = agency.createdByImport ? await deleteUnusedImportedAgency(manager, agencyId) : false;
      await raiseVersion(manager, policy, settleWarnings(policy.importWarnings, { measureId: measure.measureId }));
      return {
        policyId: policy.id,
        entry: {
          action: 'responsibility.draft.remove',
          entity: 'measure',
          entityId: measure.measureId,
          before: { agencyId, agency: agency.name, role: before.role, words: before.words, version: policy.version },
          after: { agencyDeleted, version: policy.version + 1, policyId: policy.id },
        },
      };
    });
  }

  mapAgency(actor: AuthUser, input: MapDraftAgencyInput, requestId: string): Promise<Policy> {
    return this.correct(actor, requestId, async (manager) => {
      const policy = await lockDraft(manager, input.policyId, input.version);
      const fromId = checkId(input.fromAgencyId, '单位', 'fromAgencyId');
      const from = await agencyState(manager, fromId);
      if (!from) throw notFound('单位', input.fromAgencyId, 'fromAgencyId');
      const to = await usableAgency(manager, input.toAgencyId, 'toAgencyId');
      if (from.id === to.id) throw new PolicyError('BAD_USER_INPUT', '请选择另一个单位', { field: 'toAgencyId' });
      const moved = await responsibilitiesToMove(manager, policy.id, from.id, to.id);
      if (moved.length === 0) throw new PolicyError('BAD_USER_INPUT', `此草稿没有${from.name}承担的措施`, { field: 'fromAgencyId' });
      await moveResponsibilities(manager, policy.id, from.id, to.id);
      const alias = input.remember ? await this.rememberAlias(manager, from, to) : null;
      const agencyDeleted = from.createdByImport ? await deleteUnusedImportedAgency(manager, from.id) : false;
      const settled = moved.reduce((ws, m) => settleWarnings(ws, { measureId: m.measureId }), policy.importWarnings);
      await raiseVersion(manager, policy, settled);
      return {
        policyId: policy.id,
        entry: {
          action: 'policy.draft.mapAgency',
          before: {
            from: { id: from.id, name: from.name },
            to: { id: to.id, name: to.name },
            responsibilities: moved,
            version: policy.version,
          },
          after: { measures: moved.length, agencyDeleted, alias, version: policy.version + 1 },
        },
      };
    });
  }

  /** mapDraftAgency(remember): later imports take fromAgency's name for toAgency. */
  private async rememberAlias(
    manager: EntityManager,
    from: AgencyState,
    to: AgencyState,
  ): Promise<{ id: string; alias: string; previousAgencyId: string | null }> {
    const alias = tidyName(from.name);
    const saved = await upsertAlias(manager, alias, nameKeyOf(alias), to.id);
    return { id: saved.id, alias, previousAgencyId: saved.previousAgencyId };
  }
}
