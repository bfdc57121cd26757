import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rateByReporting, Rating, ReportStatus, UnitStatus, worstRating } from '@luoshi/domain';
import { toSimplified } from '../common/chinese-script';
import { DashboardService, TargetCardData } from '../dashboard/dashboard.service';
import { ReportingPeriod } from '../policy/reporting-period.entity';

/** The rule's colour for one measure and the reasons for it, in words an official reads. */
export interface ComputedRating {
  measureId: string;
  rating: Rating;
  reason: string;
}

interface TargetRow {
  id: string;
  measure_id: string;
  name: string;
  unit: string;
  direction: 'AT_LEAST' | 'AT_MOST';
  target_value: string;
}

const number = (v: number) => v.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** 见习岗位：完成2,250/3,000个（75.0%），按时序应达75.0%，达到时序进度 (names converted to simplified by the caller). */
export function explainTarget(t: Pick<TargetRow, 'name' | 'unit' | 'direction'> & { targetValue: number }, card: TargetCardData): string {
  if (t.direction === 'AT_MOST') {
    if (card.rating === 'YELLOW') return `${t.name}：尚无审核通过的数据（上限${number(t.targetValue)}${t.unit}）`;
    const verdict = card.rating === 'GREEN' ? '未超上限' : '超出上限';
    return `${t.name}：最高${number(card.achieved)}${t.unit}，上限${number(t.targetValue)}${t.unit}，${verdict}`;
  }
  const share = t.targetValue > 0 ? card.achieved / t.targetValue : 1;
  const verdict = card.rating === 'GREEN' ? '达到时序进度' : card.rating === 'YELLOW' ? '落后于时序进度' : '低于时序进度的80%';
  return `${t.name}：完成${number(card.achieved)}/${number(t.targetValue)}${t.unit}（${percent(share)}），按时序应达${percent(card.expectedShare)}，${verdict}`;
}

/**
 * Computes every measure's rating for a period: by its targets' figures against 時間過半 where it
 * has targets (the dashboard's own cards, so the two never disagree), by its units' reporting where
 * it has none (libs/domain `rateByReporting`). A fixed number of statements whatever the policy's size.
 */
@Injectable()
export class SupervisionRatingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dashboard: DashboardService,
  ) {}

  async computeAt(period: ReportingPeriod): Promise<Map<string, ComputedRating>> {
    const cards = await this.dashboard.targetCards(period.policyId, period);
    const [{ measures }, targets, measureIds, names, pastDue] = await Promise.all([
      this.dashboard.measuresAndCompliance(period, cards),
      this.dataSource.query(
        `SELECT t.id, t.measure_id, t.name, t.unit, t.direction, t.target_value FROM target t JOIN measure m ON m.id = t.measure_id WHERE m.policy_id = $1 ORDER BY t.name`,
        [period.policyId],
      ) as Promise<TargetRow[]>,
      this.dataSource.query(`SELECT id FROM measure WHERE policy_id = $1 ORDER BY seq`, [period.policyId]) as Promise<{ id: string }[]>,
      this.dataSource.query(
        `SELECT a.id, a.short_name FROM agency a WHERE a.id IN (SELECT r.agency_id FROM responsibility r JOIN measure m ON m.id = r.measure_id WHERE m.policy_id = $1)`,
        [period.policyId],
      ) as Promise<{ id: string; short_name: string }[]>,
      this.dataSource
        .query(`SELECT now() >= (($1::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS past`, [period.dueOn])
        .then((rows: { past: boolean }[]) => rows[0].past),
    ]);
    const cardOf = new Map(cards.map((c) => [c.targetId, c]));
    const nameOf = new Map(names.map((n) => [n.id, n.short_name]));
    const statusOf = new Map(measures.map((m) => [m.measureId, m]));
    const result = new Map<string, ComputedRating>();
    for (const { id: measureId } of measureIds) {
      const own = targets.filter((t) => t.measure_id === measureId);
      if (own.length) {
        const parts = own.map((t) => ({
          card: cardOf.get(t.id)!,
          text: explainTarget({ ...t, targetValue: Number(t.target_value) }, cardOf.get(t.id)!),
        }));
        result.set(measureId, {
          measureId,
          rating: worstRating(parts.map((p) => p.card.rating))!,
          reason: toSimplified(parts.map((p) => p.text).join('；')),
        });
        continue;
      }
      const units = (statusOf.get(measureId)?.units ?? []).map((u) => ({
        name: nameOf.get(u.agencyId) ?? u.agencyId,
        role: u.role,
        status: (u.state === 'NOT_STARTED' ? null : u.state) as ReportStatus | null,
        submitted: u.firstSubmittedAt !== null,
        unitStatus: u.unitStatus as UnitStatus | null,
        // A unit with its own later due date (延期) is late only once that date has passed.
        ...(u.extendedDueOn ? { pastDue: u.overdue } : {}),
      }));
      const verdict = rateByReporting(units, pastDue);
      result.set(measureId, {
        measureId,
        rating: verdict.rating,
        reason: toSimplified(`无量化指标，按报送情况评定：${verdict.reasons.join('；')}`),
      });
    }
    return result;
  }
}
