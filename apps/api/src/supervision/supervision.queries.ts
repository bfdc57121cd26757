import type { Sql } from '../common/sql';

/** The supervision review's own tables (supervision_review, supervision_rating, supervision_item). */

/** Opens the review of (policy, period) unless there is one; true when this call created it. */
export async function insertReviewIfAbsent(sql: Sql, policyId: string, periodId: string, openedBy: string): Promise<boolean> {
  const created: { id: string }[] = await sql.query(
    `INSERT INTO supervision_review (policy_id, period_id, opened_by) VALUES ($1, $2, $3)
         ON CONFLICT (policy_id, period_id) DO NOTHING RETURNING id`,
    [policyId, periodId, openedBy],
  );
  return created.length > 0;
}

/** The id of the policy's review of the latest period before this one, if the office held one. */
export async function previousReviewId(sql: Sql, policyId: string, periodId: string): Promise<string | null> {
  const rows: { id: string }[] = await sql.query(
    `SELECT r.id FROM supervision_review r JOIN reporting_period p ON p.id = r.period_id
        WHERE r.policy_id = $1 AND p.starts_on < (SELECT starts_on FROM reporting_period WHERE id = $2)
        ORDER BY p.starts_on DESC LIMIT 1`,
    [policyId, periodId],
  );
  return rows[0]?.id ?? null;
}

export async function bumpReviewVersion(sql: Sql, reviewId: string): Promise<void> {
  await sql.query(`UPDATE supervision_review SET version = version + 1 WHERE id = $1`, [reviewId]);
}

/** Stores the computed ratings as they stand (the office's own ratings are kept). */
export async function freezeComputedRatings(
  sql: Sql,
  reviewId: string,
  computed: readonly { measureId: string; rating: string; reason: string }[],
): Promise<void> {
  await sql.query(
    `INSERT INTO supervision_rating (review_id, measure_id, computed_rating, computed_reason, version)
         SELECT $1, m, r, why, 0 FROM unnest($2::uuid[], $3::text[], $4::text[]) AS t(m, r, why)
         ON CONFLICT (review_id, measure_id) DO UPDATE SET computed_rating = EXCLUDED.computed_rating, computed_reason = EXCLUDED.computed_reason`,
    [reviewId, computed.map((c) => c.measureId), computed.map((c) => c.rating), computed.map((c) => c.reason)],
  );
}

export async function markReviewFinal(sql: Sql, reviewId: string, userId: string): Promise<void> {
  await sql.query(
    `UPDATE supervision_review SET status = 'FINAL', finalized_at = now(), finalized_by = $2, version = version + 1 WHERE id = $1`,
    [reviewId, userId],
  );
}

/** Whether a due date (China time, the whole day) has passed by the database's clock. */
export async function isPastDue(sql: Sql, dueOn: string): Promise<boolean> {
  const rows: { past: boolean }[] = await sql.query(`SELECT now() >= (($1::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS past`, [
    dueOn,
  ]);
  return rows[0].past;
}

export async function markItemResponded(sql: Sql, itemId: string, response: string, userId: string): Promise<void> {
  await sql.query(
    `UPDATE supervision_item SET status = 'RESPONDED', response = $2, responded_at = now(), responded_by = $3, version = version + 1 WHERE id = $1`,
    [itemId, response, userId],
  );
}

export async function markItemClosed(sql: Sql, itemId: string, userId: string): Promise<void> {
  await sql.query(`UPDATE supervision_item SET status = 'CLOSED', closed_at = now(), closed_by = $2, version = version + 1 WHERE id = $1`, [
    itemId,
    userId,
  ]);
}
