import { AttachmentsResolver, ReportAttachmentsResolver } from '../attachments/attachments.resolver';
import { AppInfoResolver } from '../app-info/app-info.resolver';
import { AuditRecordResolver, AuditViewerResolver } from '../audit/audit-viewer.resolver';
import { AuthResolver, UsersResolver } from '../auth/auth.resolver';
import { ChaseDeliveryResolver, ChasingResolver, NoticesResolver } from '../chasing/chasing.resolver';
import { DashboardResolver } from '../dashboard/dashboard.resolver';
import { PolicyAdminResolver, ReportingPeriodResolver } from '../policy/policy-admin.resolver';
import { PortfolioResolver } from '../portfolio/portfolio.resolver';
import { ProgressResolver } from '../progress/progress.resolver';
import { PolicyPeriodResolver, PreviousReportResolver, QuarterPolicyResolver, ReportListsResolver } from '../reports/report-lists.resolver';
import { ReportsResolver } from '../reports/reports.resolver';
import { MeasureRatingResolver, SupervisionItemResolver, SupervisionResolver } from '../supervision/supervision.resolver';
import { SimplifiedTextsResolver } from '../policy/simplified-texts.resolver';
import { MeasureResolver, PolicyResolver, ResponsibilityResolver, SectionResolver, TargetResolver } from '../policy/policy.resolver';
import { AgencyMergedIntoResolver, UnitsResolver } from '../units/units.resolver';
import { DraftResolver } from '../policy/draft.resolver';
import { AgencyAliasResolver } from '../policy/agency-alias.resolver';

/**
 * Every resolver class, for printing the schema without a database. An integration test compares
 * the running server's schema with the committed schema.gql, so a resolver missing here shows.
 */
export const ALL_RESOLVERS = [
  AuthResolver,
  UsersResolver,
  PolicyResolver,
  SectionResolver,
  MeasureResolver,
  ResponsibilityResolver,
  TargetResolver,
  ReportingPeriodResolver,
  PolicyAdminResolver,
  SimplifiedTextsResolver,
  ReportsResolver,
  ReportListsResolver,
  QuarterPolicyResolver,
  PolicyPeriodResolver,
  PreviousReportResolver,
  AttachmentsResolver,
  ReportAttachmentsResolver,
  DashboardResolver,
  PortfolioResolver,
  AppInfoResolver,
  ProgressResolver,
  NoticesResolver,
  ChasingResolver,
  ChaseDeliveryResolver,
  SupervisionResolver,
  SupervisionItemResolver,
  MeasureRatingResolver,
  AuditViewerResolver,
  AuditRecordResolver,
  UnitsResolver,
  AgencyMergedIntoResolver,
  DraftResolver,
  AgencyAliasResolver,
];
