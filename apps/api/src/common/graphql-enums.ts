import { registerEnumType } from '@nestjs/graphql';
import {
  AGENCY_KINDS,
  AgencyKind,
  REPORT_STATUSES,
  ReportStatus,
  RESPONSIBILITY_ROLES,
  ResponsibilityRole,
  REVIEW_DECISIONS,
  ReviewDecision,
  POLICY_STATUSES,
  PolicyStatus,
  ROLES,
  Role,
  Rating,
  TARGET_DIRECTIONS,
  TargetDirection,
  UNIT_STATUSES,
  UnitStatus,
  RATING_CHANGES,
  RatingChange,
  SUPERVISION_ITEM_STATUSES,
  SupervisionItemStatus,
  SUPERVISION_REVIEW_STATUSES,
  SupervisionReviewStatus,
} from '@luoshi/domain';

/** GraphQL enums built from the shared domain lists, so that the API and the web cannot drift apart. */
function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const RoleEnum = enumOf<Role>(ROLES);
export const AgencyKindEnum = enumOf<AgencyKind>(AGENCY_KINDS);
export const ResponsibilityRoleEnum = enumOf<ResponsibilityRole>(RESPONSIBILITY_ROLES);
export const TargetDirectionEnum = enumOf<TargetDirection>(TARGET_DIRECTIONS);
export const ReportStatusEnum = enumOf<ReportStatus>(REPORT_STATUSES);
export const UnitStatusEnum = enumOf<UnitStatus>(UNIT_STATUSES);
export const ReviewDecisionEnum = enumOf<ReviewDecision>(REVIEW_DECISIONS);
export const RatingEnum = enumOf<Rating>(['GREEN', 'YELLOW', 'RED']);
export const RatingChangeEnum = enumOf<RatingChange>(RATING_CHANGES);
export const SupervisionReviewStatusEnum = enumOf<SupervisionReviewStatus>(SUPERVISION_REVIEW_STATUSES);
export const SupervisionItemStatusEnum = enumOf<SupervisionItemStatus>(SUPERVISION_ITEM_STATUSES);
export const PolicyStatusEnum = enumOf<PolicyStatus>(POLICY_STATUSES);

registerEnumType(RoleEnum, { name: 'Role' });
registerEnumType(AgencyKindEnum, { name: 'AgencyKind', description: 'DEPARTMENT: a city-level unit; COUNTY: a county-level government' });
registerEnumType(ResponsibilityRoleEnum, {
  name: 'ResponsibilityRole',
  description: 'LEAD: written as 牽頭; CO: every other responsible unit',
});
registerEnumType(TargetDirectionEnum, {
  name: 'TargetDirection',
  description: 'AT_LEAST counts things (不少于); AT_MOST caps a level (縮短為)',
});
registerEnumType(ReportStatusEnum, {
  name: 'ReportStatus',
  description: 'DRAFT -> SUBMITTED -> ACCEPTED, or RETURNED -> (edit) -> SUBMITTED',
});
registerEnumType(UnitStatusEnum, { name: 'UnitStatus', description: 'The unit’s own status: on track, at risk, behind, done' });
registerEnumType(ReviewDecisionEnum, { name: 'ReviewDecision' });
registerEnumType(RatingEnum, {
  name: 'Rating',
  description: '時間過半、任務過半: GREEN on track, YELLOW behind, RED under 80% of the expected share',
});
registerEnumType(RatingChangeEnum, {
  name: 'RatingChange',
  description: 'How a rating moved since the previous quarter’s review; NEW where there is none to compare',
});
registerEnumType(SupervisionReviewStatusEnum, {
  name: 'SupervisionReviewStatus',
  description: 'OPEN while the office rates and assigns items; FINAL once sent out',
});
registerEnumType(SupervisionItemStatusEnum, {
  name: 'SupervisionItemStatus',
  description: 'OPEN -> RESPONDED (by the unit) -> CLOSED (by the office)',
});
registerEnumType(PolicyStatusEnum, {
  name: 'PolicyStatus',
  description: 'DRAFT: an imported notice the office still corrects (ADMIN/OFFICE only); PUBLISHED: open for reporting',
});
