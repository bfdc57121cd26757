import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rateByReporting, Rating, ReportStatus, TargetCardData, UnitStatus, worstRating } from '@luoshi/domain';
import { toSimplified } from '../common/chinese-script';
import { measureIdsOfPolicy, unitNamesOfPolicy } from '../policy/policy-for-supervision.queries';
import { ReportingPeriod } from '../policy/reporting-period.entity';
import { PolicyEvaluation, ProgressService } from '../progress/progress.service';
import type { ReportingStanding } from '../progress/reporting-standing';
import { isPastDue } from './supervision.queries';

/** The rule's colour for one measure and the reasons for it, in words an official reads. */
export interface ComputedRating {
  measureId: string;
  rating: Rating;
  reason: string;
}

/** A policy evaluated at a period with its reporting standing: what the ratings (and the pack) are computed from. */
export interface EvaluatedPolicy {
  evaluation: PolicyEvaluation;
  standing: ReportingStanding;
}

interface TargetRow {
  name: string;
  unit: string;
  direction: 'AT_LEAST' | 'AT_MOST';
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
 * has targets (the progress evaluation's cards, the dashboard's own, so the two never disagree), by
 * its units' reporting where it has none (libs/domain `rateByReporting`). A fixed number of
 * statements whatever the policy's size; none for the evaluation when the caller has one.
 */
@Injectable()
export class SupervisionRatingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly progress: ProgressService,
  ) {}

  /** The policy at the period: one evaluation (targets, figures, cards) and its reporting standing. */
  async evaluate(period: ReportingPeriod): Promise<EvaluatedPolicy> {
    const evaluation = await this.progress.evaluate(period);
    return { evaluation, standing: await this.progress.reporting(period, evaluation) };
  }

  async computeAt(period: ReportingPeriod, evaluated?: EvaluatedPolicy): Promise<Map<string, ComputedRating>> {
    const [{ evaluation, standing }, measureIds, names, pastDue] = await Promise.all([
      evaluated ?? this.evaluate(period),
      measureIdsOfPolicy(this.dataSource, period.policyId),
      unitNamesOfPolicy(this.dataSource, period.policyId),
      isPastDue(this.dataSource, period.dueOn),
    ]);
    const cardOf = new Map(evaluation.city.map((c) => [c.targetId, c]));
    const nameOf = new Map(names.map((n) => [n.id, n.short_name]));
    const statusOf = new Map(standing.measures.map((m) => [m.measureId, m]));
    const result = new Map<string, ComputedRating>();
    for (const measureId of measureIds) {
      // In name order within the measure: the evaluation's targets are ordered by measure, then name.
      const own = evaluation.targets.filter((t) => t.measureId === measureId);
      if (own.length) {
        const parts = own.map((t) => ({
          card: cardOf.get(t.id)!,
          text: explainTarget(t, cardOf.get(t.id)!),
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
