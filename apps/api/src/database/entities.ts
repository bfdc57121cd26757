import { AuditRecord } from '../audit/audit-record.entity';
import { AppSecret } from '../auth/app-secret.entity';
import { User } from '../auth/user.entity';
import { SignInThrottle } from '../auth/sign-in-throttle.entity';
import { UserSession } from '../auth/user-session.entity';
import { Agency } from '../policy/agency.entity';
import { AgencyAlias } from '../policy/agency-alias.entity';
import { Measure } from '../policy/measure.entity';
import { Policy } from '../policy/policy.entity';
import { PeriodExtension } from '../policy/period-extension.entity';
import { Quota } from '../policy/quota.entity';
import { ReportingPeriod } from '../policy/reporting-period.entity';
import { Responsibility } from '../policy/responsibility.entity';
import { Section } from '../policy/section.entity';
import { Target } from '../policy/target.entity';
import { ProgressReport } from '../reports/progress-report.entity';
import { ReportFigure } from '../reports/report-figure.entity';
import { ReportTotal } from '../reports/report-total.entity';
import { ReportAttachment } from '../attachments/report-attachment.entity';
import { SupervisionReview } from '../supervision/supervision-review.entity';
import { SupervisionRating } from '../supervision/supervision-rating.entity';
import { SupervisionItem } from '../supervision/supervision-item.entity';
import { UserNotice } from '../chasing/user-notice.entity';
import { AgencyWebhook } from '../chasing/agency-webhook.entity';
import { ChaseEvent } from '../chasing/chase-event.entity';
import { ChaseDelivery } from '../chasing/chase-delivery.entity';

/** Every mapped table. Listed by hand so that the compiled app and Jest see the same set. */
export const ENTITIES = [
  Policy,
  Section,
  Measure,
  Agency,
  Responsibility,
  Target,
  Quota,
  ReportingPeriod,
  PeriodExtension,
  User,
  AppSecret,
  AuditRecord,
  ProgressReport,
  ReportFigure,
  ReportTotal,
  ReportAttachment,
  SignInThrottle,
  UserSession,
  SupervisionReview,
  SupervisionRating,
  SupervisionItem,
  UserNotice,
  AgencyWebhook,
  ChaseEvent,
  ChaseDelivery,
  AgencyAlias,
];
