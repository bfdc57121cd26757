import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { expectedShareAt, ratingOf, Rating, worstRating } from '@luoshi/domain';
import { checkId, notFound } from '../policy/policy.errors';
import { ReportingPeriod } from '../policy/reporting-period.entity';
import { Target } from '../policy/target.entity';
import { ProgressService, summarize } from '../progress/progress.service';
import { TaskState } from '../reports/report.models';
import { FIGURE_SOURCES_SQL, TREND_SQL, UNIT_STATUS_SQL, UnitStatusRow } from './dashboard.queries';

export interface TargetCardData {
  targetId: string;
  achieved: number;
  pending: number;
  percent: number;
  expectedShare: number;
  expectedValue: number;
  rating: Rating;
}

export interface MeasureStatusData {
  measureId: string;
  rating: Rating | null;
  units: { agencyId: string; role: 'LEAD' | 'CO'; state: TaskState; unitStatus: string | null; reportId: string | null; firstSubmittedAt: Date | null; onTime: boolean; overdue: boolean }[];
  lastReportAt: Date | null;
  missing: number;
}

export interface ComplianceData {
  agencyId: string;
  onTime: number;
  late: number;
  missing: number;
  total: number;
  onTimeRate: number;
}

@Injectable()
export class DashboardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly progress: ProgressService,
  ) {}

  async period(policyId: string, periodId: string): Promise<ReportingPeriod> {
    const period = await this.dataSource.getRepository(ReportingPeriod).findOneBy({ id: checkId(periodId, '填报期', 'periodId'), policyId: checkId(policyId, '政策文件') });
    if (!period) throw notFound('填报期', periodId, 'periodId');
    return period;
  }

  /** Target cards: targetProgress held against the share of the year elapsed (時間過半). */
  async targetCards(policyId: string, period: ReportingPeriod): Promise<TargetCardData[]> {
    const [data, targets] = await Promise.all([
      this.progress.targetProgress(policyId, period.id),
      this.dataSource.query(`SELECT t.id, t.direction, t.target_value::float AS "targetValue", t.year FROM target t JOIN measure m ON m.id = t.measure_id WHERE m.policy_id = $1`, [policyId]) as Promise<Pick<Target, 'id' | 'direction' | 'targetValue' | 'year'>[]>,
    ]);
    const byId = new Map(targets.map((t) => [t.id, t]));
    return data.map((d) => {
      const t = byId.get(d.targetId)!;
      const totals = summarize(t.direction, t.targetValue, d.byCounty);
      const anyAccepted = d.byCounty.some((c) => c.achieved !== null);
      const expectedShare = t.direction === 'AT_MOST' ? 1 : expectedShareAt(period.endsOn, t.year);
      const rating = ratingOf({ direction: t.direction, targetValue: t.targetValue, achieved: t.direction === 'AT_MOST' && !anyAccepted ? null : totals.achieved, expectedShare });
      return { targetId: t.id, ...totals, expectedShare, expectedValue: t.direction === 'AT_MOST' ? t.targetValue : t.targetValue * expectedShare, rating };
    });
  }

  /** The measures' table and the units' compliance, both from one statement's rows. */
  async measuresAndCompliance(period: ReportingPeriod, cards: TargetCardData[]) {
    const rows: UnitStatusRow[] = await this.dataSource.query(UNIT_STATUS_SQL, [period.id]);
    const targetsOfMeasure: { id: string; measure_id: string }[] = await this.dataSource.query(
      `SELECT t.id, t.measure_id FROM target t JOIN measure m ON m.id = t.measure_id WHERE m.policy_id = $1`,
      [period.policyId],
    );
    const ratingByTarget = new Map(cards.map((c) => [c.targetId, c.rating]));
    const measures = new Map<string, MeasureStatusData>();
    const compliance = new Map<string, ComplianceData>();
    for (const row of rows) {
      let m = measures.get(row.measure_id);
      if (!m) {
        const ratings = targetsOfMeasure.filter((t) => t.measure_id === row.measure_id).map((t) => ratingByTarget.get(t.id)!);
        measures.set(row.measure_id, (m = { measureId: row.measure_id, rating: worstRating(ratings), units: [], lastReportAt: null, missing: 0 }));
      }
      const submitted = row.first_submitted_at !== null;
      m.units.push({
        agencyId: row.agency_id, role: row.role, state: (row.status ?? 'NOT_STARTED') as TaskState, unitStatus: row.unit_status,
        reportId: row.report_id, firstSubmittedAt: row.first_submitted_at, onTime: row.on_time === true, overdue: row.overdue,
      });
      if (!submitted) m.missing++;
      if (row.submitted_at && (!m.lastReportAt || row.submitted_at > m.lastReportAt)) m.lastReportAt = row.submitted_at;

      let c = compliance.get(row.agency_id);
      if (!c) compliance.set(row.agency_id, (c = { agencyId: row.agency_id, onTime: 0, late: 0, missing: 0, total: 0, onTimeRate: 0 }));
      c.total++;
      if (!submitted) c.missing++;
      else if (row.on_time) c.onTime++;
      else c.late++;
    }
    const ranked = [...compliance.values()]
      .map((c) => ({ ...c, onTimeRate: c.total ? c.onTime / c.total : 0 }))
      .sort((a, b) => b.onTimeRate - a.onTimeRate || a.missing - b.missing || b.total - a.total);
    return { measures: [...measures.values()], compliance: ranked, hasReports: rows.some((r) => r.first_submitted_at !== null) };
  }

  async trend(policyId: string, countyId?: string | null) {
    const rows: { target_id: string; period_id: string; achieved: string }[] = await this.dataSource.query(TREND_SQL, [
      checkId(policyId, '政策文件'),
      countyId ? checkId(countyId, '县(市、区)', 'countyId') : null,
    ]);
    return rows.map((r) => ({ targetId: r.target_id, periodId: r.period_id, achieved: Number(r.achieved) }));
  }

  async figureSources(targetId: string, periodEndsOn: string | null, countyId?: string | null) {
    const rows: { report_id: string; agency_id: string; county_id: string; period_id: string; value: string; status: string }[] = await this.dataSource.query(
      FIGURE_SOURCES_SQL,
      [checkId(targetId, '指标', 'targetId'), periodEndsOn, countyId ? checkId(countyId, '县(市、区)', 'countyId') : null],
    );
    return rows.map((r) => ({ reportId: r.report_id, agencyId: r.agency_id, countyId: r.county_id, periodId: r.period_id, value: Number(r.value), status: r.status }));
  }
}
