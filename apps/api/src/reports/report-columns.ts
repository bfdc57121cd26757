/** A progress_report row under alias `r`, named as the entity's properties. */
export const reportColumns = (
  r: string,
) => `${r}.id, ${r}.measure_id AS "measureId", ${r}.agency_id AS "agencyId", ${r}.period_id AS "periodId",
  ${r}.status, ${r}.version, ${r}.progress, ${r}.problems, ${r}.next_steps AS "nextSteps", ${r}.unit_status AS "unitStatus",
  ${r}.review_comment AS "reviewComment", ${r}.created_at AS "createdAt", ${r}.updated_at AS "updatedAt",
  ${r}.submitted_at AS "submittedAt", ${r}.first_submitted_at AS "firstSubmittedAt", ${r}.reviewed_at AS "reviewedAt"`;
