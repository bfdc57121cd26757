import type { Sql } from '../common/sql';

/**
 * The demo supervision review's SQL. Like the rest of the demo (see demo-data.queries.ts), a seed
 * writing the supervision, notice and audit tables on purpose, as a review in progress would have
 * left them.
 */

/** The id of the demo's office account, if it exists. */
export async function demoOfficeId(sql: Sql): Promise<string | null> {
  const [office]: { id: string }[] = await sql.query(`SELECT id FROM app_user WHERE username = 'office'`);
  return office?.id ?? null;
}

/** Opens the review (at version 4: it has been worked on); null when the period has one already. */
export async function insertDemoReview(sql: Sql, policyId: string, periodId: string, openedBy: string | null): Promise<string | null> {
  const [review]: { id: string }[] = await sql.query(
    `INSERT INTO supervision_review (policy_id, period_id, opened_by, version) VALUES ($1, $2, $3, 4)
     ON CONFLICT (policy_id, period_id) DO NOTHING RETURNING id`,
    [policyId, periodId, openedBy],
  );
  return review?.id ?? null;
}

/** A measure's responsible unit of one kind, leading unit first. */
export interface DemoTaskUnit {
  measure_id: string;
  agency_id: string;
  unit: string;
}

/** The measure numbered `seq` and its first responsible unit of that kind (the lead first), if any. */
export async function demoTaskUnit(
  sql: Sql,
  policyId: string,
  seq: number,
  kind: 'COUNTY' | 'DEPARTMENT',
): Promise<DemoTaskUnit | undefined> {
  const rows: DemoTaskUnit[] = await sql.query(
    `SELECT m.id AS measure_id, a.id AS agency_id, a.name_simplified AS unit FROM measure m
       JOIN responsibility r ON r.measure_id = m.id JOIN agency a ON a.id = r.agency_id
      WHERE m.policy_id = $1 AND m.seq = $2 AND a.kind = $3 ORDER BY r.role = 'LEAD' DESC, r.position LIMIT 1`,
    [policyId, seq, kind],
  );
  return rows[0];
}

/** The office's rating of a measure (computed RED, rated YELLOW) with its reason. */
export async function insertDemoRating(
  sql: Sql,
  reviewId: string,
  measureId: string,
  reason: string,
  ratedBy: string | null,
): Promise<void> {
  await sql.query(
    `INSERT INTO supervision_rating (review_id, measure_id, computed_rating, rating, reason, version, rated_by, rated_at)
     VALUES ($1, $2, 'RED', 'YELLOW', $3, 1, $4, now())`,
    [reviewId, measureId, reason, ratedBy],
  );
}

export interface DemoItem {
  reviewId: string;
  measureId: string;
  agencyId: string;
  request: string;
  dueOn: string;
  createdBy: string | null;
}

/** A follow-up item waiting for its unit's answer. */
export async function insertDemoOpenItem(sql: Sql, item: DemoItem): Promise<void> {
  await sql.query(
    `INSERT INTO supervision_item (review_id, measure_id, agency_id, request, due_on, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
    [item.reviewId, item.measureId, item.agencyId, item.request, item.dueOn, item.createdBy],
  );
}

/** A follow-up item its unit has answered (at version 2). */
export async function insertDemoAnsweredItem(sql: Sql, item: DemoItem, response: string): Promise<void> {
  await sql.query(
    `INSERT INTO supervision_item (review_id, measure_id, agency_id, request, due_on, created_by, status, version, response, responded_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'RESPONDED', 2, $7, now())`,
    [item.reviewId, item.measureId, item.agencyId, item.request, item.dueOn, item.createdBy, response],
  );
}

/** The notice every reporter of the unit gets about a new follow-up item. */
export async function insertDemoItemNotices(sql: Sql, agencyId: string, title: string, body: string): Promise<void> {
  await sql.query(
    `INSERT INTO user_notice (user_id, kind, title, body, link)
     SELECT id, 'SUPERVISION_ITEM_ASSIGNED', $2, $3, '/supervision/items' FROM app_user WHERE role = 'REPORTER' AND agency_id = $1`,
    [agencyId, title, body],
  );
}

/** One audit record for each of the review's items and ratings and for the review, by the user name 'demo'. */
export async function auditDemoReview(sql: Sql, reviewId: string): Promise<void> {
  await sql.query(
    `INSERT INTO audit_record (username, action, entity, entity_id, after)
     SELECT 'demo', 'demo.create', 'supervision_item', i.id::text, jsonb_build_object('status', i.status, 'demo', true) FROM supervision_item i WHERE i.review_id = $1
     UNION ALL SELECT 'demo', 'demo.create', 'supervision_rating', r.review_id || ':' || r.measure_id, jsonb_build_object('rating', r.rating, 'reason', r.reason, 'demo', true) FROM supervision_rating r WHERE r.review_id = $1
     UNION ALL SELECT 'demo', 'demo.create', 'supervision_review', $1::text, jsonb_build_object('status', 'OPEN', 'demo', true)`,
    [reviewId],
  );
}
