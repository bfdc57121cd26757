import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { auditActor, AuditService } from '../audit/audit.service';
import { maskedUrl } from '../chasing/webhooks.service';
import type { AuthUser } from '../common/request-context';
import { Agency } from '../policy/agency.entity';
import { shiftReportTotals } from '../reports/report-totals';
import { MergeAgenciesArgs } from './dto/units.args';
import { AgencyMergeConflict, AgencyMergePreview } from './units.models';
import { auditedAgency, lockAgency } from './units.service';
import { UnitError, unitId, unitNotFound } from './units.errors';

/** Both units reported on one measure for one period ($1 from, $2 into). */
const REPORT_CONFLICTS_SQL = `
  SELECT 'REPORT' AS kind, pol.doc_number, p.label AS period_label, m.seq AS measure_seq, m.title AS measure_title,
         NULL AS target_name, NULL AS reporting_agency_name
    FROM progress_report a
    JOIN progress_report b ON b.measure_id = a.measure_id AND b.period_id = a.period_id AND b.agency_id = $2
    JOIN measure m ON m.id = a.measure_id JOIN policy pol ON pol.id = m.policy_id JOIN reporting_period p ON p.id = a.period_id
   WHERE a.agency_id = $1`;

/** One report gives figures for both counties on one target: two figures cannot become one. */
const FIGURE_CONFLICTS_SQL = `
  SELECT 'FIGURE' AS kind, pol.doc_number, p.label AS period_label, m.seq AS measure_seq, m.title AS measure_title,
         t.name AS target_name, ag.name AS reporting_agency_name
    FROM report_figure f
    JOIN report_figure g ON g.report_id = f.report_id AND g.target_id = f.target_id AND g.county_id = $2
    JOIN progress_report r ON r.id = f.report_id JOIN agency ag ON ag.id = r.agency_id JOIN target t ON t.id = f.target_id
    JOIN measure m ON m.id = r.measure_id JOIN policy pol ON pol.id = m.policy_id JOIN reporting_period p ON p.id = r.period_id
   WHERE f.county_id = $1`;

const COUNTS_SQL = `
  SELECT (SELECT count(*) FROM responsibility WHERE agency_id = $1)::int AS responsibilities,
         (SELECT count(*) FROM responsibility r WHERE r.agency_id = $1
             AND EXISTS (SELECT 1 FROM responsibility o WHERE o.measure_id = r.measure_id AND o.agency_id = $2))::int AS shared_responsibilities,
         (SELECT count(*) FROM progress_report WHERE agency_id = $1)::int AS reports,
         (SELECT count(*) FROM report_figure WHERE county_id = $1)::int AS figures,
         (SELECT count(*) FROM report_attachment x JOIN progress_report r ON r.id = x.report_id WHERE r.agency_id = $1)::int AS attachments,
         (SELECT count(*) FROM supervision_item WHERE agency_id = $1)::int AS supervision_items,
         (SELECT count(*) FROM app_user WHERE agency_id = $1)::int AS accounts,
         (SELECT count(*) FROM county_quota WHERE county_id = $1)::int AS quotas,
         EXISTS (SELECT 1 FROM agency_webhook WHERE agency_id = $1) AS webhook`;

interface Counts {
  responsibilities: number;
  shared_responsibilities: number;
  reports: number;
  figures: number;
  attachments: number;
  supervision_items: number;
  accounts: number;
  quotas: number;
  webhook: boolean;
}

type ConflictRow = {
  kind: string;
  doc_number: string;
  period_label: string;
  measure_seq: number;
  measure_title: string;
  target_name: string | null;
  reporting_agency_name: string | null;
};

const toConflict = (r: ConflictRow): AgencyMergeConflict => ({
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
      await manager.query(
        `SELECT r.id FROM progress_report r
          WHERE r.agency_id IN ($1, $2) OR r.id IN (SELECT report_id FROM report_figure WHERE county_id = $1)
          ORDER BY r.id FOR UPDATE`,
        [fromId, intoId],
      );
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
          `两个单位有 ${moved.conflicts.length} 处重复的报告,不能合并:${moved.conflicts.slice(0, 3).map(describeConflict).join(';')}`,
          {
            conflicts: moved.conflicts,
          },
        );
      }
      const ids = async (sql: string) => ((await manager.query(sql, [fromId])) as { id: string }[]).map((r) => r.id);
      const reportIds = await ids(`SELECT id FROM progress_report WHERE agency_id = $1 ORDER BY id`);
      const userIds = await ids(`SELECT id FROM app_user WHERE agency_id = $1 ORDER BY id`);
      const itemIds = await ids(`SELECT id FROM supervision_item WHERE agency_id = $1 ORDER BY id`);
      const webhooks: { agency_id: string; kind: string; url: string }[] = await manager.query(
        `SELECT agency_id, kind, url FROM agency_webhook WHERE agency_id IN ($1, $2)`,
        [fromId, intoId],
      );
      const fromHook = webhooks.find((w) => w.agency_id === fromId);
      const intoHook = webhooks.find((w) => w.agency_id === intoId);

      // Responsibilities: one per measure; LEAD if either unit led it, at the earlier position.
      await manager.query(
        `UPDATE responsibility o SET role = CASE WHEN r.role = 'LEAD' THEN 'LEAD' ELSE o.role END, position = LEAST(o.position, r.position)
           FROM responsibility r WHERE r.agency_id = $1 AND o.agency_id = $2 AND o.measure_id = r.measure_id`,
        [fromId, intoId],
      );
      await manager.query(
        `DELETE FROM responsibility r WHERE r.agency_id = $1 AND EXISTS (SELECT 1 FROM responsibility o WHERE o.measure_id = r.measure_id AND o.agency_id = $2)`,
        [fromId, intoId],
      );
      await manager.query(`UPDATE responsibility SET agency_id = $2 WHERE agency_id = $1`, [fromId, intoId]);

      if (from.kind === 'COUNTY') await this.moveCountyFigures(manager, fromId, intoId);
      await manager.query(`UPDATE progress_report SET agency_id = $2, updated_at = now() WHERE agency_id = $1`, [fromId, intoId]);
      await manager.query(`UPDATE supervision_item SET agency_id = $2 WHERE agency_id = $1`, [fromId, intoId]);
      await manager.query(`UPDATE app_user SET agency_id = $2 WHERE agency_id = $1`, [fromId, intoId]);
      // The unit that stays keeps its own robot; the other one's moves only where it has none.
      if (fromHook && !intoHook) await manager.query(`UPDATE agency_webhook SET agency_id = $2 WHERE agency_id = $1`, [fromId, intoId]);
      else if (fromHook) await manager.query(`DELETE FROM agency_webhook WHERE agency_id = $1`, [fromId]);
      await manager.query(`UPDATE agency SET active = false, merged_into_id = $2 WHERE id = $1`, [fromId, intoId]);

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
    const reports: { id: string }[] = await manager.query(
      `SELECT DISTINCT report_id AS id FROM report_figure WHERE county_id = $1 ORDER BY 1`,
      [fromId],
    );
    for (const r of reports) await shiftReportTotals(manager, r.id, -1);
    await manager.query(`UPDATE report_figure SET county_id = $2 WHERE county_id = $1`, [fromId, intoId]);
    for (const r of reports) await shiftReportTotals(manager, r.id, 1);
    await manager.query(
      `INSERT INTO county_quota (target_id, county_id, quota) SELECT target_id, $2, quota FROM county_quota WHERE county_id = $1
       ON CONFLICT (target_id, county_id) DO UPDATE SET quota = county_quota.quota + EXCLUDED.quota, updated_at = now()`,
      [fromId, intoId],
    );
    await manager.query(`DELETE FROM county_quota WHERE county_id = $1`, [fromId]);
  }

  private async find(manager: EntityManager, id: string, field: string): Promise<Agency> {
    const agency = await manager.findOneBy(Agency, { id });
    if (!agency) throw unitNotFound(id, field);
    return agency;
  }

  private async describe(manager: EntityManager, from: Agency, into: Agency): Promise<AgencyMergePreview> {
    const [c]: Counts[] = await manager.query(COUNTS_SQL, [from.id, into.id]);
    const conflicts: ConflictRow[] = await manager.query(
      `${REPORT_CONFLICTS_SQL}${from.kind === 'COUNTY' ? ` UNION ALL ${FIGURE_CONFLICTS_SQL}` : ''} ORDER BY 2, 3, 4, 1, 6`,
      [from.id, into.id],
    );
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
