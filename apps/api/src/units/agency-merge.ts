import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { auditActor, AuditService } from '../audit/audit.service';
import { maskedUrl } from '../chasing/masked-url';
import type { AuthUser } from '../common/request-context';
import { Agency } from '../policy/agency.entity';
import { accountIdsOfAgency, moveAgencyAccounts } from '../auth/auth-for-units.queries';
import { dropAgencyWebhook, moveAgencyWebhook, webhooksOfAgencies } from '../chasing/chasing-for-units.queries';
import { mergeAgencyResponsibilities, mergeCountyQuotas } from '../policy/policy-for-units.queries';
import {
  AgencyMergeConflictRow,
  agencyMergeConflicts,
  lockReportsForAgencyMerge,
  moveAgencyReports,
  moveCountyFigures,
  reportIdsOfAgency,
  reportIdsWithFiguresForCounty,
} from '../reports/reports-for-units.queries';
import { shiftReportTotals } from '../reports/report-totals';
import { moveAgencySupervisionItems, supervisionItemIdsOfAgency } from '../supervision/supervision-for-units.queries';
import { agencyMergeCounts } from './agency-merge.queries';
import { MergeAgenciesArgs } from './dto/units.args';
import { AgencyMergeConflict, AgencyMergePreview } from './units.models';
import { markAgencyMerged } from './units.queries';
import { auditedAgency, lockAgency } from './units.service';
import { UnitError, unitId, unitNotFound } from './units.errors';

const toConflict = (r: AgencyMergeConflictRow): AgencyMergeConflict => ({
  kind: r.kind,
  docNumber: r.doc_number,
  periodLabel: r.period_label,
  measureSeq: r.measure_seq,
  measureTitle: r.measure_title,
  targetName: r.target_name,
  reportingAgencyName: r.reporting_agency_name,
});

/**
 * Merging two units (机构改革): everything `from` is responsible for and has done moves to `into`,
 * in one transaction, and `from` stays as an inactive unit marked merged into `into`, so its
 * history reads right and a notice naming it maps to `into` (notice-seed.ts). Both units reporting
 * on the same measure for the same period is refused (CONFLICT, listed): choosing one report would
 * drop or double someone's figures, and that is the office's call to make, not the merge's.
 */
@Injectable()
export class AgencyMergeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  preview(args: MergeAgenciesArgs): Promise<AgencyMergePreview> {
    const { fromId, intoId } = checkedPair(args);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const from = await this.find(manager, fromId, 'fromId');
      const into = await this.find(manager, intoId, 'intoId');
      checkMergeable(from, into);
      return this.describe(manager, from, into);
    });
  }

  async merge(actor: AuthUser, args: MergeAgenciesArgs, requestId: string): Promise<Agency> {
    const { fromId, intoId } = checkedPair(args);
    return this.dataSource.transaction(async (manager) => {
      // Reports first, then units: a report writer holds its report and then touches the unit (FK).
      await lockReportsForAgencyMerge(manager, fromId, intoId);
      const [first, second] = fromId < intoId ? [fromId, intoId] : [intoId, fromId];
      await lockAgency(manager, first, first === fromId ? 'fromId' : 'intoId');
      await lockAgency(manager, second, second === fromId ? 'fromId' : 'intoId');
      const from = await this.find(manager, fromId, 'fromId');
      const into = await this.find(manager, intoId, 'intoId');
      checkMergeable(from, into);
      const moved = await this.describe(manager, from, into);
      if (moved.conflicts.length) {
        throw new UnitError(
          'CONFLICT',
          `两个单位有 ${moved.conflicts.length} 处重复的报告,不能合并：${moved.conflicts.slice(0, 3).map(describeConflict).join(';')}`,
          {
            conflicts: moved.conflicts,
          },
        );
      }
      const reportIds = await reportIdsOfAgency(manager, fromId);
      const userIds = await accountIdsOfAgency(manager, fromId);
      const itemIds = await supervisionItemIdsOfAgency(manager, fromId);
      const webhooks = await webhooksOfAgencies(manager, fromId, intoId);
      const fromHook = webhooks.find((w) => w.agency_id === fromId);
      const intoHook = webhooks.find((w) => w.agency_id === intoId);

      // Responsibilities: one per measure; LEAD if either unit led it, at the earlier position.
      await mergeAgencyResponsibilities(manager, fromId, intoId);

      if (from.kind === 'COUNTY') await this.moveCountyFigures(manager, fromId, intoId);
      await moveAgencyReports(manager, fromId, intoId);
      await moveAgencySupervisionItems(manager, fromId, intoId);
      await moveAgencyAccounts(manager, fromId, intoId);
      // The unit that stays keeps its own robot; the other one's moves only where it has none.
      if (fromHook && !intoHook) await moveAgencyWebhook(manager, fromId, intoId);
      else if (fromHook) await dropAgencyWebhook(manager, fromId);
      await markAgencyMerged(manager, fromId, intoId);

      await this.audit.record(manager, auditActor(actor, requestId), {
        action: 'agency.merge',
        entity: 'agency',
        entityId: fromId,
        before: {
          from: auditedAgency(from),
          into: auditedAgency(into),
          webhook: fromHook ? { kind: fromHook.kind, url: maskedUrl(fromHook.url) } : null,
        },
        after: {
          from: { ...auditedAgency(from), active: false, mergedIntoId: intoId },
          into: { id: intoId, name: into.name },
          moved: {
            responsibilities: moved.responsibilities,
            sharedResponsibilities: moved.sharedResponsibilities,
            reports: reportIds,
            figures: moved.figures,
            attachments: moved.attachments,
            supervisionItems: itemIds,
            accounts: userIds,
            quotas: moved.quotas,
            webhook: fromHook ? (intoHook ? 'dropped (the unit that stays has its own)' : 'moved') : null,
          },
        },
      });
      return { ...into };
    });
  }

  /**
   * Two counties: the figures given for the one that goes now count for the one that stays, and so do
   * its quotas (added together where both have one). report_total is keyed by county, so each
   * affected report's sums are taken out before and put back after, as every report change does.
   */
  private async moveCountyFigures(manager: EntityManager, fromId: string, intoId: string): Promise<void> {
    const reportIds = await reportIdsWithFiguresForCounty(manager, fromId);
    for (const id of reportIds) await shiftReportTotals(manager, id, -1);
    await moveCountyFigures(manager, fromId, intoId);
    for (const id of reportIds) await shiftReportTotals(manager, id, 1);
    await mergeCountyQuotas(manager, fromId, intoId);
  }

  private async find(manager: EntityManager, id: string, field: string): Promise<Agency> {
    const agency = await manager.findOneBy(Agency, { id });
    if (!agency) throw unitNotFound(id, field);
    return agency;
  }

  private async describe(manager: EntityManager, from: Agency, into: Agency): Promise<AgencyMergePreview> {
    const c = await agencyMergeCounts(manager, from.id, into.id);
    const conflicts = await agencyMergeConflicts(manager, from.id, into.id, from.kind === 'COUNTY');
    return {
      from,
      into,
      responsibilities: c.responsibilities,
      sharedResponsibilities: c.shared_responsibilities,
      reports: c.reports,
      figures: from.kind === 'COUNTY' ? c.figures : 0,
      attachments: c.attachments,
      supervisionItems: c.supervision_items,
      accounts: c.accounts,
      quotas: from.kind === 'COUNTY' ? c.quotas : 0,
      webhook: c.webhook,
      conflicts: conflicts.map(toConflict),
    };
  }
}

function checkedPair(args: MergeAgenciesArgs): { fromId: string; intoId: string } {
  const fromId = unitId(args.fromId, 'fromId');
  const intoId = unitId(args.intoId, 'intoId');
  if (fromId === intoId) throw new UnitError('BAD_USER_INPUT', '不能把单位并入它自己', { field: 'intoId' });
  return { fromId, intoId };
}

/**
 * A county (its division code, quotas and figures) merges only into a county, and a department only
 * into a department. A unit merged already has nothing left to move; a merged or inactive unit takes
 * nothing in (its work would go to a unit nobody chases).
 */
function checkMergeable(from: Agency, into: Agency): void {
  if (from.mergedIntoId) throw new UnitError('CONFLICT', `“${from.name}”已经并入其他单位`, { field: 'fromId' });
  if (!into.active) throw new UnitError('CONFLICT', `“${into.name}”已停用,不能并入停用的单位`, { field: 'intoId' });
  if (from.kind === 'COUNTY' && into.kind !== 'COUNTY')
    throw new UnitError('BAD_USER_INPUT', '县(市、区)政府不能并入市直部门', { field: 'intoId' });
  if (from.kind !== 'COUNTY' && into.kind === 'COUNTY')
    throw new UnitError('BAD_USER_INPUT', '市直部门不能并入县(市、区)政府', { field: 'intoId' });
}

const describeConflict = (c: AgencyMergeConflict) =>
  c.kind === 'REPORT'
    ? `${c.docNumber} ${c.periodLabel} 第${c.measureSeq}条两个单位都有报告`
    : `${c.docNumber} ${c.periodLabel} 第${c.measureSeq}条“${c.reportingAgencyName}”的报告对“${c.targetName}”两个县都填了数`;
