/** Who a signed-in user is to the product. A REPORTER always belongs to exactly one agency. */
export const ROLES = ['ADMIN', 'OFFICE', 'LEADER', 'REPORTER'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that manage the leading group's data (quotas, periods, users). */
export const MANAGING_ROLES: readonly Role[] = ['ADMIN', 'OFFICE'];

export const AGENCY_KINDS = ['DEPARTMENT', 'COUNTY'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** LEAD is the unit written as 牽頭; every other responsible unit is CO (按職責分工負責). */
export const RESPONSIBILITY_ROLES = ['LEAD', 'CO'] as const;
export type ResponsibilityRole = (typeof RESPONSIBILITY_ROLES)[number];

/** AT_LEAST counts things (不少于 3000 個); AT_MOST caps a level (縮短為 3 天). */
export const TARGET_DIRECTIONS = ['AT_LEAST', 'AT_MOST'] as const;
export type TargetDirection = (typeof TARGET_DIRECTIONS)[number];

/** DRAFT: an imported notice the office is still correcting (only ADMIN/OFFICE see it); PUBLISHED: reported on. */
export const POLICY_STATUSES = ['DRAFT', 'PUBLISHED'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];
