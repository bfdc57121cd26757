import { Foundation1795646116496 } from './1795646116496-foundation';
import { ProgressReports1795648294029 } from './1795648294029-progress-reports';
import { ReportAttachments1795648726535 } from './1795648726535-report-attachments';
import { SignInFailures1795649061399 } from './1795649061399-sign-in-failures';
import { FirstSubmission1795649134784 } from './1795649134784-first-submission';
import { ReportTotalIndex1795651570196 } from './1795651570196-report-total-index';
import { SupervisionReviews1795655656558 } from './1795655656558-supervision-reviews';
import { DashboardCache1795655711977 } from './1795655711977-dashboard-cache';
import { Chasing1795655863371 } from './1795655863371-chasing';
import { TargetTrajectory1795657267169 } from './1795657267169-target-trajectory';
import { Sessions1796027563430 } from './1796027563430-sessions';
import { UnitsAdmin1796030080899 } from './1796030080899-units-admin';
import { AccountStates1796030085717 } from './1796030085717-account-states';
import { PeriodExtensions1796030140794 } from './1796030140794-period-extensions';
import { AuditViewer1796030179744 } from './1796030179744-audit-viewer';
import { AccountContacts1796040000000 } from './1796040000000-account-contacts';
import { AttachmentChunks1796040320222 } from './1796040320222-attachment-chunks';
import { ImportNotices1796040347017 } from './1796040347017-import-notices';
import { ListsAcrossPolicies1796050000000 } from './1796050000000-lists-across-policies';
import { TargetYears1796051400000 } from './1796051400000-target-years';
import { PolicyTouchesVersion1796060000000 } from './1796060000000-policy-touches-version';

/** In order. `npm run migration:generate -- <Name>` writes a new file; add it here. */
export const MIGRATIONS = [
  Foundation1795646116496,
  ProgressReports1795648294029,
  ReportAttachments1795648726535,
  SignInFailures1795649061399,
  FirstSubmission1795649134784,
  ReportTotalIndex1795651570196,
  SupervisionReviews1795655656558,
  DashboardCache1795655711977,
  Chasing1795655863371,
  TargetTrajectory1795657267169,
  Sessions1796027563430,
  UnitsAdmin1796030080899,
  AccountStates1796030085717,
  PeriodExtensions1796030140794,
  AuditViewer1796030179744,
  AccountContacts1796040000000,
  AttachmentChunks1796040320222,
  ImportNotices1796040347017,
  ListsAcrossPolicies1796050000000,
  TargetYears1796051400000,
  PolicyTouchesVersion1796060000000,
];
