/** DRAFT -> SUBMITTED -> ACCEPTED, or RETURNED -> (edit) -> SUBMITTED again. */
export const REPORT_STATUSES = ['DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** States in which the unit may still change its report. */
export const EDITABLE_REPORT_STATUSES: readonly ReportStatus[] = ['DRAFT', 'RETURNED'];

/** The unit's own judgement of where the measure stands. */
export const UNIT_STATUSES = ['ON_TRACK', 'AT_RISK', 'BEHIND', 'DONE'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

export const REVIEW_DECISIONS = ['ACCEPT', 'RETURN'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
