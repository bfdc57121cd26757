import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { chinaToday, cityCard, countyCard, expectedShareAt, isCalendarDate, Rating } from '@luoshi/domain';
import { Policy } from '../policy/policy.entity';
import { PolicyError } from '../policy/policy.errors';
import { ProgressService } from '../progress/progress.service';
import { PortfolioCache } from './portfolio-cache';
import { attentionOf, completionOf, LightCounts, lightsOf, sortByAttention } from './portfolio-standing';
import {
  portfolioFingerprint,
  portfolioPolicies,
  PortfolioPolicyRow,
  portfolioTargets,
  portfolioUnitTasks,
  PortfolioUnitTasksRow,
} from './portfolio.queries';

export interface PolicyStandingData {
  policy: Policy;
  issuedOn: string;
  docNumber: string;
  periodId: string | null;
  timeElapsed: number | null;
  completion: number | null;
  lights: LightCounts;
  lateUnitIds: string[];
  openItems: number;
  overdueItems: number;
  attention: number;
}

export interface CountyStandingData {
  countyId: string;
  lights: LightCounts;
  /** The county's own tasks (as a responsible unit) past due and not submitted, over all policies. */
  lateReports: number;
  /** Policies where the county has such a task. */
  policiesLate: number;
}

export interface UnitComplianceData {
  agencyId: string;
  policies: number;
  due: number;
  onTime: number;
  late: number;
  missing: number;
  /** onTime / due; null while nothing is due. */
  onTimeRate: number | null;
}

export interface PortfolioData {
  policies: PolicyStandingData[];
  counties: CountyStandingData[];
  units: UnitComplianceData[];
}

/**
 * Every published policy at once, in a fixed number of statements (four, whatever the number of
 * policies): the policies and their periods, the policies' rows, their targets, their targets'
 * figures (the same SQL as targetProgress) and their units' tasks (the same judgement as the
 * dashboard). The lights are the progress evaluation's cards (cityCard, countyCard in libs/domain): one rule.
 * Cost: on the bench database (121 policies, 1.2M figures) a computation takes ~1.3 s: the figures
 * statement yields every (target, county) row of every policy (95k), which the county lights need.
 * So it is cached (PortfolioCache): a repeated read costs one fingerprint statement.
 */
@Injectable()
export class PortfolioService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly progress: ProgressService,
    private readonly cache: PortfolioCache,
  ) {}

  /** One statement when the day's portfolio is cached for the data's current fingerprint (see PortfolioCache). */
  async portfolio(asOf?: string | null): Promise<PortfolioData> {
    const day = asOf ?? chinaToday();
    if (!isCalendarDate(day))
      throw new PolicyError('BAD_USER_INPUT', 'asOf 须为日期（YYYY-MM-DD） / asOf must be a date (YYYY-MM-DD)', { field: 'asOf' });
    const fingerprint = await portfolioFingerprint(this.dataSource);
    return this.cache.get(day, fingerprint, () => this.compute(day));
  }

  private async compute(day: string): Promise<PortfolioData> {
    const rows = await portfolioPolicies(this.dataSource, day);
    const withPeriod = rows.filter(
      (r): r is PortfolioPolicyRow & { period_id: string; ends_on: string } => r.period_id !== null && r.ends_on !== null,
    );
    const policyIds = rows.map((r) => r.policy_id);
    const [policies, targets, progress, tasks] = await Promise.all([
      this.dataSource.getRepository(Policy).findBy({ id: In(policyIds) }),
      portfolioTargets(this.dataSource, policyIds),
      this.progress.targetProgressOfPolicies(withPeriod.map((r) => ({ policyId: r.policy_id, periodEndsOn: r.ends_on }))),
      portfolioUnitTasks(
        this.dataSource,
        withPeriod.map((r) => r.period_id),
      ),
    ]);
    const policyById = new Map(policies.map((p) => [p.id, p]));
    const rowByPolicy = new Map(withPeriod.map((r) => [r.policy_id, r]));
    const targetById = new Map(targets.map((t) => [t.id, t]));

    const cityRatings = new Map<string, { direction: 'AT_LEAST' | 'AT_MOST'; percent: number; rating: Rating }[]>();
    const countyRatings = new Map<string, (Rating | null)[]>();
    for (const d of progress) {
      const t = targetById.get(d.targetId);
      const row = t && rowByPolicy.get(t.policyId);
      if (!t || !row) continue;
      const period = { endsOn: row.ends_on };
      const city = cityCard(t, period, d);
      push(cityRatings, t.policyId, { direction: t.direction, percent: city.percent, rating: city.rating });
      for (const c of d.byCounty) push(countyRatings, c.countyId, countyCard(t, period, c).rating);
    }

    const lateByPolicy = new Map<string, string[]>();
    for (const x of tasks) if (x.missing > 0) push(lateByPolicy, x.policy_id, x.agency_id);

    const standings = rows.map((r): PolicyStandingData => {
      const policy = policyById.get(r.policy_id)!;
      const cards = cityRatings.get(r.policy_id) ?? [];
      const lights = lightsOf(cards.map((c) => c.rating));
      const lateUnitIds = lateByPolicy.get(r.policy_id) ?? [];
      const timeElapsed = r.ends_on ? expectedShareAt(r.ends_on, Number(r.ends_on.slice(0, 4))) : null;
      const completion = completionOf(cards);
      const attention = attentionOf({ lights, lateUnits: lateUnitIds.length, openItems: r.open_items, timeElapsed, completion });
      return {
        policy,
        issuedOn: policy.issuedOn,
        docNumber: policy.docNumber,
        periodId: r.period_id,
        timeElapsed,
        completion,
        lights,
        lateUnitIds,
        openItems: r.open_items,
        overdueItems: r.overdue_items,
        attention,
      };
    });

    return { policies: sortByAttention(standings), counties: countyStandings(countyRatings, tasks), units: unitCompliance(tasks) };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A county's lights over every policy's targets (its own figures against its quota), and its own late tasks. */
function countyStandings(ratings: Map<string, (Rating | null)[]>, tasks: readonly PortfolioUnitTasksRow[]): CountyStandingData[] {
  return [...ratings.entries()].map(([countyId, list]) => {
    const own = tasks.filter((x) => x.agency_id === countyId && x.missing > 0);
    return { countyId, lights: lightsOf(list), lateReports: own.reduce((s, x) => s + x.missing, 0), policiesLate: own.length };
  });
}

/** Each unit over all its policies: tasks past due, on time, late, missing. Worst first: where chasing pays. */
export function unitCompliance(tasks: readonly PortfolioUnitTasksRow[]): UnitComplianceData[] {
  const units = new Map<string, UnitComplianceData>();
  for (const x of tasks) {
    let u = units.get(x.agency_id);
    if (!u) units.set(x.agency_id, (u = { agencyId: x.agency_id, policies: 0, due: 0, onTime: 0, late: 0, missing: 0, onTimeRate: null }));
    u.policies++;
    u.due += x.due;
    u.onTime += x.on_time;
    u.late += x.late;
    u.missing += x.missing;
  }
  return [...units.values()]
    .map((u) => ({ ...u, onTimeRate: u.due ? u.onTime / u.due : null }))
    .sort(
      (a, b) =>
        b.missing - a.missing ||
        b.late - a.late ||
        (a.onTimeRate ?? 1) - (b.onTimeRate ?? 1) ||
        b.due - a.due ||
        a.agencyId.localeCompare(b.agencyId),
    );
}
