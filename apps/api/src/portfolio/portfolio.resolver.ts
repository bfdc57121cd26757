import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/roles.decorator';
import type { RequestContext } from '../common/request-context';
import { Agency } from '../policy/agency.entity';
import { ReportingPeriod } from '../policy/reporting-period.entity';
import { CountyStanding, PolicyStanding, UnitComplianceAcrossPolicies } from './portfolio.models';
import { PortfolioData, PortfolioService } from './portfolio.service';

const AS_OF = {
  name: 'asOf',
  type: () => String,
  nullable: true,
  description: 'ISO date the portfolio is seen from (default: today, China time)',
} as const;

/**
 * The leaders' view across every PUBLISHED policy (a draft never shows: it has no figures and is
 * no commitment yet). One computation per request and asOf, shared by the three queries, so a page
 * asking all three pays once.
 */
@Roles('ADMIN', 'OFFICE', 'LEADER')
@Resolver()
export class PortfolioResolver {
  private readonly computed = new WeakMap<RequestContext, Map<string, Promise<PortfolioData>>>();

  constructor(private readonly portfolio: PortfolioService) {}

  private data(ctx: RequestContext, asOf: string | null): Promise<PortfolioData> {
    let byDay = this.computed.get(ctx);
    if (!byDay) this.computed.set(ctx, (byDay = new Map()));
    const key = asOf ?? 'today';
    let data = byDay.get(key);
    if (!data) byDay.set(key, (data = this.portfolio.portfolio(asOf)));
    return data;
  }

  @Query(() => [PolicyStanding], {
    description:
      'Every published policy: lights, completion against time elapsed, late units, open follow-up items; what needs attention first',
  })
  async policyPortfolio(@Args(AS_OF) asOf: string | null, @Context() ctx: RequestContext): Promise<PolicyStanding[]> {
    const { policies } = await this.data(ctx, asOf);
    const [periods, agencies] = await Promise.all([
      ctx.loaders.period.loadMany(policies.flatMap((p) => (p.periodId ? [p.periodId] : []))) as Promise<ReportingPeriod[]>,
      ctx.loaders.agency.loadMany([...new Set(policies.flatMap((p) => p.lateUnitIds))]) as Promise<Agency[]>,
    ]);
    const periodById = new Map(periods.map((p) => [p.id, p]));
    const agencyById = new Map(agencies.map((a) => [a.id, a]));
    return policies.map((p) => ({
      ...p,
      period: p.periodId ? periodById.get(p.periodId)! : null,
      lateUnits: p.lateUnitIds.map((id) => agencyById.get(id)!).sort((a, b) => a.shortName.localeCompare(b.shortName, 'zh')),
    }));
  }

  @Query(() => [CountyStanding], {
    description: 'Each county across every published policy: its lights and its own late reports, in division-code order',
  })
  async countyPortfolio(@Args(AS_OF) asOf: string | null, @Context() ctx: RequestContext): Promise<CountyStanding[]> {
    const [{ counties }, all] = await Promise.all([this.data(ctx, asOf), ctx.loaders.counties.load('all')]);
    const byId = new Map(counties.map((c) => [c.countyId, c]));
    // A county without any row (inactive, no figures) is left out; an active one always has rows.
    return all.filter((c) => byId.has(c.id)).map((county) => ({ county, ...byId.get(county.id)! }));
  }

  @Query(() => [UnitComplianceAcrossPolicies], {
    description: 'Each unit’s reporting over all its policies (each at its portfolio period): worst first',
  })
  async unitCompliance(@Args(AS_OF) asOf: string | null, @Context() ctx: RequestContext): Promise<UnitComplianceAcrossPolicies[]> {
    const { units } = await this.data(ctx, asOf);
    const agencies = (await ctx.loaders.agency.loadMany(units.map((u) => u.agencyId))) as Agency[];
    return units.map((u, i) => ({ ...u, agency: agencies[i] }));
  }
}
