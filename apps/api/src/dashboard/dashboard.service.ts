import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CountyCardData, TargetCardData } from '@luoshi/domain';
import { checkId, notFound } from '../common/id-checks';
import { ReportingPeriod } from '../policy/reporting-period.entity';
import { ProgressService } from '../progress/progress.service';
import type { ReportingStanding } from '../progress/reporting-standing';
import { figureSourcesOf, overviewVersionOf, trendOfPolicy } from './dashboard.queries';

/** What the overview shows of a period: the progress evaluation's cards (city, or a county's) and its reporting standing. */
export interface OverviewData extends ReportingStanding {
  city: TargetCardData[];
  county: CountyCardData[] | null;
}

/** The leaders' screen: it shows the progress evaluation (progress/), and adds the trend and the figures' sources. */
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
  async overviewVersion(
    policyId: string,
    periodId: string,
  ): Promise<{ version: bigint; pastDue: boolean; extensionsPast: number; validUntil: number | null }> {
    const row = await overviewVersionOf(this.dataSource, checkId(periodId, '填报期', 'periodId'), checkId(policyId, '政策文件'));
    if (!row) throw notFound('填报期', periodId, 'periodId');
    return { version: BigInt(row.version), pastDue: row.past_due, extensionsPast: row.extensions_past, validUntil: row.valid_until };
  }

  /**
   * Target cards held against the share of the year elapsed (時間過半): city-wide always (the measures'
   * traffic lights are policy-wide), a county's too when countyId is given; then the measures' table
   * and the units' compliance. One evaluation of the policy.
   */
  async overview(period: ReportingPeriod, countyId: string | null): Promise<OverviewData> {
    const evaluation = await this.progress.evaluate(period, countyId);
    const standing = await this.progress.reporting(period, evaluation);
    return { city: evaluation.city, county: evaluation.county, ...standing };
  }

  async trend(policyId: string, countyId?: string | null) {
    return trendOfPolicy(this.dataSource, checkId(policyId, '政策文件'), countyId ? checkId(countyId, '县(市、区)', 'countyId') : null);
  }

  async figureSources(targetId: string, periodEndsOn: string | null, countyId?: string | null) {
    return figureSourcesOf(
      this.dataSource,
      checkId(targetId, '指标', 'targetId'),
      periodEndsOn,
      countyId ? checkId(countyId, '县(市、区)', 'countyId') : null,
    );
  }
}
