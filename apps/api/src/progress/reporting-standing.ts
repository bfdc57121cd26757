import { worstRating, type Rating, type TargetCardData } from '@luoshi/domain';
import type { TaskState } from '../reports/report.models';
import type { UnitStatusRow } from './unit-status.queries';

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

export interface ReportingStanding {
  measures: MeasureStatusData[];
  compliance: ComplianceData[];
  hasReports: boolean;
}

/**
 * The measures' table and the units' compliance, both from one statement's rows (unitStatusOfPeriod).
 * A measure's traffic light is the worst of its targets' city-wide cards (policy-wide, whatever the
 * county a screen looks at); compliance is ranked best first.
 */
export function reportingStanding(
  rows: readonly UnitStatusRow[],
  targets: readonly { id: string; measureId: string }[],
  cityCards: readonly Pick<TargetCardData, 'targetId' | 'rating'>[],
): ReportingStanding {
  const ratingByTarget = new Map(cityCards.map((c) => [c.targetId, c.rating]));
  const measures = new Map<string, MeasureStatusData>();
  const compliance = new Map<string, ComplianceData>();
  for (const row of rows) {
    let m = measures.get(row.measure_id);
    if (!m) {
      const ratings = targets.filter((t) => t.measureId === row.measure_id).map((t) => ratingByTarget.get(t.id)!);
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
