import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { expectedShareOnTrajectory, ratingOf, Rating, worstRating } from '@luoshi/domain';
import { checkId, notFound } from '../common/id-checks';
import { ReportingPeriod } from '../policy/reporting-period.entity';
import { Target } from '../policy/target.entity';
import { CountyFigures, ProgressService, summarize, TargetProgressData } from '../progress/progress.service';
import { TaskState } from '../reports/report.models';
import { FIGURE_SOURCES_SQL, TREND_SQL, UNIT_STATUS_SQL, UnitStatusRow } from './dashboard.queries';

export interface TargetCardData {
  targetId: string;
  achieved: number;
  pending: number;
  goal: number;
  percent: number;
  expectedShare: number;
  expectedValue: number;
  rating: Rating;
}

/** A county's card: as a city-wide one, but a county without a quota has no goal (see countyCards). */
export interface CountyCardData extends Omit<TargetCardData, 'goal' | 'percent' | 'expectedValue' | 'rating'> {
  goal: number | null;
  percent: number | null;
  expectedValue: number | null;
  rating: Rating | null;
}

export type TargetFacts = Pick<Target, 'id' | 'direction' | 'targetValue' | 'year' | 'trajectory'>;

/**
 * The dashboard's data version of a policy and whether the period is past due, in one cheap
 * statement (primary-key lookups): what OverviewCache keys on. No row: not a period of the policy.
 * `extensions_past` counts units' extended due dates (period_extension) already passed: each one
 * passing turns a unit late, so it is part of the key like the period's own date.
 */
const OVERVIEW_VERSION_SQL = `
SELECT (SELECT coalesce(sum(v.version), 0) FROM dashboard_version v WHERE v.scope IN (p.policy_id::text, 'all'))::text AS version,
       now() >= ((p.due_on + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS past_due,
       (SELECT count(*) FROM period_extension x WHERE x.period_id = p.id AND now() >= ((x.due_on + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))::int AS extensions_past
  FROM reporting_period p
 WHERE p.id = $1 AND p.policy_id = $2`;

export interface MeasureStatusData {
  measureId: string;
  rating: Rating | null;
  units: {
    agencyId: string;
    role: 'LEAD' | 'CO';
    state: TaskState;
    unitStatus: string | null;
    reportId: string | null;
    firstSubmittedAt: Date | null;
    onTime: boolean;
    overdue: boolean;
    extendedDueOn: string | null;
  }[];
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
  /** The unit's own (extended) due date for the period, where it has one. */
  extendedDueOn: string | null;
}

@Injectable()
export class DashboardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly progress: ProgressService,
  ) {}

  async period(policyId: string, periodId: string): Promise<ReportingPeriod> {
    const period = await this.dataSource
      .getRepository(ReportingPeriod)
      .findOneBy({ id: checkId(periodId, '填报期', 'periodId'), policyId: checkId(policyId, '政策文件') });
    if (!period) throw notFound('填报期', periodId, 'periodId');
    return period;
  }

  /** The cache key's inputs (see OverviewCache); throws NOT_FOUND as period() does. */
  async overviewVersion(policyId: string, periodId: string): Promise<{ version: bigint; pastDue: boolean; extensionsPast: number }> {
    const rows: { version: string; past_due: boolean; extensions_past: number }[] = await this.dataSource.query(OVERVIEW_VERSION_SQL, [
      checkId(periodId, '填报期', 'periodId'),
      checkId(policyId, '政策文件'),
    ]);
    if (rows.length === 0) throw notFound('填报期', periodId, 'periodId');
    return { version: BigInt(rows[0].version), pastDue: rows[0].past_due, extensionsPast: rows[0].extensions_past };
  }

  /**
   * Target cards: targetProgress held against the share of the year elapsed (時間過半). overviewCards'
   * `city` is always computed (the measures' traffic lights are policy-wide); `county` too when countyId is given.
   */
  async targetCards(policyId: string, period: ReportingPeriod): Promise<TargetCardData[]> {
    return (await this.overviewCards(policyId, period, null)).city;
  }

  async overviewCards(
    policyId: string,
    period: ReportingPeriod,
    countyId: string | null,
  ): Promise<{ city: TargetCardData[]; county: CountyCardData[] | null }> {
    const [data, targets] = await Promise.all([
      this.progress.targetProgress(policyId, period.id),
      this.dataSource.query(
        `SELECT t.id, t.direction, t.target_value::float AS "targetValue", t.year, t.trajectory FROM target t JOIN measure m ON m.id = t.measure_id WHERE m.policy_id = $1`,
        [policyId],
      ) as Promise<TargetFacts[]>,
    ]);
    const byId = new Map(targets.map((t) => [t.id, t]));
    const city = data.map((d) => cityCard(byId.get(d.targetId)!, period, d));
    if (!countyId) return { city, county: null };
    const county = data.map((d): CountyCardData => {
      const c = d.byCounty.find((row) => row.countyId === countyId);
      if (!c) throw notFound('县(市、区)', countyId, 'countyId');
      return countyCard(byId.get(d.targetId)!, period, c);
    });
    if (data.length === 0) await this.assertCounty(countyId);
    return { city, county };
  }

  private async assertCounty(countyId: string) {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM agency WHERE id = $1 AND kind = 'COUNTY'`, [countyId]);
    if (rows.length === 0) throw notFound('县(市、区)', countyId, 'countyId');
  }

  /** The measures' table and the units' compliance, both from one statement's rows. */
  async measuresAndCompliance(period: ReportingPeriod, cards: TargetCardData[]) {
    // cards: the city-wide ones (a measure's traffic light is policy-wide, whatever the county filter)
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
        measures.set(
          row.measure_id,
          (m = { measureId: row.measure_id, rating: worstRating(ratings), units: [], lastReportAt: null, missing: 0 }),
        );
      }
      const submitted = row.first_submitted_at !== null;
      m.units.push({
        agencyId: row.agency_id,
        role: row.role,
        state: (row.status ?? 'NOT_STARTED') as TaskState,
        unitStatus: row.unit_status,
        reportId: row.report_id,
        firstSubmittedAt: row.first_submitted_at,
        onTime: row.on_time === true,
        overdue: row.overdue,
        extendedDueOn: row.extended_due_on,
      });
      if (!submitted) m.missing++;
      if (row.submitted_at && (!m.lastReportAt || row.submitted_at > m.lastReportAt)) m.lastReportAt = row.submitted_at;

      let c = compliance.get(row.agency_id);
      if (!c)
        compliance.set(
          row.agency_id,
          (c = { agencyId: row.agency_id, onTime: 0, late: 0, missing: 0, total: 0, onTimeRate: 0, extendedDueOn: row.extended_due_on }),
        );
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
    const rows: { report_id: string; agency_id: string; county_id: string; period_id: string; value: string; status: string }[] =
      await this.dataSource.query(FIGURE_SOURCES_SQL, [
        checkId(targetId, '指标', 'targetId'),
        periodEndsOn,
        countyId ? checkId(countyId, '县(市、区)', 'countyId') : null,
      ]);
    return rows.map((r) => ({
      reportId: r.report_id,
      agencyId: r.agency_id,
      countyId: r.county_id,
      periodId: r.period_id,
      value: Number(r.value),
      status: r.status,
    }));
  }
}

/** The city-wide card of a target: its targetProgress summed over the counties, against the target value. */
export function cityCard(t: TargetFacts, period: Pick<ReportingPeriod, 'endsOn'>, d: Pick<TargetProgressData, 'byCounty'>): TargetCardData {
  const anyAccepted = d.byCounty.some((c) => c.achieved !== null);
  return card(t, period, t.targetValue, summarize(t.direction, t.targetValue, d.byCounty), t.direction === 'AT_MOST' && !anyAccepted);
}

/**
 * A county's card: its row of targetProgress's byCounty, held against its quota. A ceiling
 * (AT_MOST) binds every county, so without a quota the county is held against the ceiling itself.
 * A count (AT_LEAST) without a quota has no share of the target to be judged by: the card shows
 * achieved and pending, with goal, percent, expectedValue and rating null (not 0 or RED: nothing
 * was asked of the county, so nothing is behind).
 */
export function countyCard(t: TargetFacts, period: Pick<ReportingPeriod, 'endsOn'>, c: CountyFigures): CountyCardData {
  const goal = c.quota ?? (t.direction === 'AT_MOST' ? t.targetValue : null);
  if (goal === null) {
    return {
      targetId: t.id,
      achieved: c.achieved ?? 0,
      pending: c.pending ?? 0,
      goal: null,
      percent: null,
      expectedShare: expectedShareOnTrajectory(period.endsOn, t.year, t.trajectory),
      expectedValue: null,
      rating: null,
    };
  }
  return card(t, period, goal, summarize(t.direction, goal, [c]), t.direction === 'AT_MOST' && c.achieved === null);
}

/** One card: `totals` (from summarize) held against `goal` × the share of the year elapsed. */
function card(
  t: TargetFacts,
  period: Pick<ReportingPeriod, 'endsOn'>,
  goal: number,
  totals: { achieved: number; pending: number; percent: number },
  noLevelYet: boolean,
): TargetCardData {
  const expectedShare = t.direction === 'AT_MOST' ? 1 : expectedShareOnTrajectory(period.endsOn, t.year, t.trajectory);
  const rating = ratingOf({ direction: t.direction, targetValue: goal, achieved: noLevelYet ? null : totals.achieved, expectedShare });
  return { targetId: t.id, ...totals, goal, expectedShare, expectedValue: t.direction === 'AT_MOST' ? goal : goal * expectedShare, rating };
}
