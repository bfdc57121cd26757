import type { Sql } from '../common/sql';

/**
 * The chasing feature's statements: what is due (chase_event) and the messages it sends
 * (chase_delivery). The candidates and the units' robots are joined questions of this feature that
 * read other features' rows (policies, periods, measures, responsibilities, units, reports,
 * supervision items) in one statement each; they stay here as one question each rather than
 * becoming several reads stitched together in the service.
 */

/**
 * What is to be chased now and has not been yet. "Today" is the date in China; a report is late
 * from the day after its unit's due date (the period's, or the unit's extension: as the dashboard's
 * UNIT_STATUS_SQL counts it), and a
 * report counts as sent once first submitted. $1 = reminder days before.
 * Every PUBLISHED policy is chased, each open period of each (a DRAFT is not open for reporting yet),
 * however long ago it fell due: late is late. There is no look-back window: each thing is chased
 * once (its key in chase_event), and a unit's things of one pass go out as one message, so an old
 * notice published today sends each unit one message listing what is already late, not a flood.
 * One statement however many policies there are.
 */
const CHASE_OUTSTANDING = `
WITH t AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS today),
units AS (
  -- Each responsible unit's due date: the period's, or its own extension (period_extension) where later.
  SELECT p.id AS period_id, p.label, p.policy_id, m.id AS measure_id, m.seq, m.title, resp.agency_id,
         greatest(p.due_on, x.due_on) AS due_on
    FROM t
    CROSS JOIN reporting_period p
    JOIN policy live ON live.id = p.policy_id AND live.status = 'PUBLISHED'
    JOIN measure m ON m.policy_id = p.policy_id
    JOIN responsibility resp ON resp.measure_id = m.id
    JOIN agency unit ON unit.id = resp.agency_id AND unit.active -- an inactive unit is not chased (units/)
    LEFT JOIN period_extension x ON x.period_id = p.id AND x.agency_id = resp.agency_id
   -- Only periods that can have a candidate (a unit's date is never before the period's), so
   -- future periods are skipped before their measures and units are joined.
   WHERE p.due_on <= t.today + greatest($1::int, 0)
),
cand AS (
  SELECT CASE WHEN u.due_on < t.today THEN 'REPORT_OVERDUE' ELSE 'REPORT_DUE_SOON' END AS kind,
         CASE WHEN u.due_on < t.today THEN 'report-overdue:' ELSE 'report-due-soon:' END || u.period_id || ':' || u.measure_id || ':' || u.agency_id AS key,
         u.agency_id, u.due_on, u.policy_id, pol.doc_number, u.label AS period_label, u.seq AS measure_seq, u.title AS subject
    FROM t
    CROSS JOIN units u
    JOIN policy pol ON pol.id = u.policy_id
    LEFT JOIN progress_report r ON r.measure_id = u.measure_id AND r.agency_id = u.agency_id AND r.period_id = u.period_id
   WHERE r.first_submitted_at IS NULL
     AND (u.due_on < t.today OR ($1::int > 0 AND u.due_on <= t.today + $1::int))
  UNION ALL
  SELECT CASE WHEN i.due_on < t.today THEN 'ITEM_OVERDUE' ELSE 'ITEM_DUE_SOON' END,
         CASE WHEN i.due_on < t.today THEN 'item-overdue:' ELSE 'item-due-soon:' END || i.id,
         i.agency_id, i.due_on, pol.id, pol.doc_number, p.label, m.seq, i.request
    FROM t
    CROSS JOIN supervision_item i
    JOIN supervision_review sr ON sr.id = i.review_id
    JOIN agency unit ON unit.id = i.agency_id AND unit.active
    JOIN reporting_period p ON p.id = sr.period_id
    JOIN measure m ON m.id = i.measure_id
    JOIN policy pol ON pol.id = m.policy_id AND pol.status = 'PUBLISHED'
   WHERE i.status = 'OPEN'
     AND (i.due_on < t.today OR ($1::int > 0 AND i.due_on <= t.today + $1::int))
)`;

const CHASE_CANDIDATES_SQL = `${CHASE_OUTSTANDING}
SELECT c.kind, c.key, c.agency_id, c.due_on::text AS due_on, c.policy_id, c.doc_number, c.period_label, c.measure_seq, c.subject
  FROM cand c
 WHERE NOT EXISTS (SELECT 1 FROM chase_event e WHERE e.key = c.key)
 ORDER BY c.agency_id, c.doc_number, c.period_label, c.measure_seq, c.key`;

export interface CandidateRow {
  kind: string;
  key: string;
  agency_id: string;
  due_on: string;
  policy_id: string;
  doc_number: string;
  period_label: string;
  measure_seq: number;
  subject: string;
}

/** The candidates for a pass: events not yet recorded, ordered by unit, policy, period and measure. */
export function chaseCandidates(sql: Sql, remindDaysBefore: number): Promise<CandidateRow[]> {
  return sql.query(CHASE_CANDIDATES_SQL, [remindDaysBefore]);
}

/** How many things are late or nearly due now, chased before or not (why a pass found nothing new). */
export async function outstandingCount(sql: Sql, remindDaysBefore: number): Promise<number> {
  const rows: { n: number }[] = await sql.query(`${CHASE_OUTSTANDING}\nSELECT count(*)::int AS n FROM cand`, [remindDaysBefore]);
  return rows[0].n;
}

/** An event to record: its key (unique), kind, unit and due date (YYYY-MM-DD). */
export interface ChaseEventRow {
  key: string;
  kind: string;
  agencyId: string;
  dueOn: string;
}

/**
 * Records the events; only the keys this statement inserted come back. Keys go in sorted, so two
 * replicas inserting overlapping sets wait on each other in the same order and cannot deadlock.
 */
export async function insertChaseEvents(sql: Sql, events: ChaseEventRow[]): Promise<string[]> {
  const won: { key: string }[] = await sql.query(
    `
WITH ins AS (
  INSERT INTO chase_event (key, kind, agency_id, due_on)
  SELECT e.key, e.kind, e.agency_id, e.due_on
    FROM unnest($1::text[], $2::text[], $3::uuid[], $4::date[]) AS e(key, kind, agency_id, due_on)
   ORDER BY e.key
  ON CONFLICT (key) DO NOTHING
  RETURNING key)
SELECT key FROM ins`,
    [events.map((e) => e.key), events.map((e) => e.kind), events.map((e) => e.agencyId), events.map((e) => e.dueOn)],
  );
  return won.map((w) => w.key);
}

/** A webhook message claimed for sending; `attempts` counts this one and identifies the claim. */
export interface ClaimedDelivery {
  id: string;
  channel: string;
  url: string;
  content: string;
  attempts: number;
}

/**
 * The sender's claim: due rows, locked with SKIP LOCKED so a replica never waits for or takes
 * another's, and leased by moving next_attempt_at ahead (a crashed sender's rows come back later).
 * At most `batch` rows, leased for `leaseMs`.
 */
export function claimDueDeliveries(sql: Sql, batch: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  return sql.query(
    `
WITH claimed AS (
  UPDATE chase_delivery d
     SET attempts = d.attempts + 1, next_attempt_at = now() + $2::int * interval '1 millisecond'
   WHERE d.id IN (SELECT id FROM chase_delivery
                   WHERE status = 'PENDING' AND next_attempt_at <= now()
                   ORDER BY next_attempt_at LIMIT $1
                   FOR UPDATE SKIP LOCKED)
  RETURNING d.id, d.channel, d.url, d.content, d.attempts)
SELECT id, channel, url, content, attempts FROM claimed`,
    [batch, leaseMs],
  );
}

/** Sent. `attempts`: only the claim that sent it may record the outcome. */
export async function markDeliverySent(sql: Sql, id: string, attempts: number): Promise<void> {
  await sql.query(
    `UPDATE chase_delivery SET status = 'DELIVERED', delivered_at = now(), next_attempt_at = NULL, last_error = NULL WHERE id = $1 AND attempts = $2`,
    [id, attempts],
  );
}

/**
 * Not sent: FAILED when `final`, else PENDING again in `retryInMs`; with the reason. Only the claim
 * that tried (`attempts`) may record it.
 */
export async function recordDeliveryFailure(
  sql: Sql,
  id: string,
  attempts: number,
  final: boolean,
  retryInMs: number,
  reason: string,
): Promise<void> {
  await sql.query(
    `UPDATE chase_delivery
              SET status = CASE WHEN $3::boolean THEN 'FAILED' ELSE 'PENDING' END,
                  next_attempt_at = CASE WHEN $3::boolean THEN NULL ELSE now() + $4::bigint * interval '1 millisecond' END,
                  last_error = $5
            WHERE id = $1 AND attempts = $2`,
    [id, attempts, final, retryInMs, reason],
  );
}

/** A unit as a chasing message names it (simplified script), with its robot where it has one. */
export interface ChasedUnitRow {
  id: string;
  name: string;
  webhook_kind: string | null;
  url: string | null;
}

/** The units' names and robots: agency (units' rows) joined with this feature's agency_webhook. */
export function chasedUnits(sql: Sql, agencyIds: string[]): Promise<ChasedUnitRow[]> {
  return sql.query(
    `SELECT a.id, a.name_simplified AS name, w.kind AS webhook_kind, w.url
         FROM agency a LEFT JOIN agency_webhook w ON w.agency_id = a.id
        WHERE a.id = ANY($1::uuid[])`,
    [agencyIds],
  );
}

/**
 * The record of an in-app message already delivered (its notices were inserted with it): to a
 * unit's reporters, or (agencyId null) the office's summary. One statement for both, which used to
 * differ only in writing NULL for the unit literally.
 */
export async function insertInAppDelivery(
  sql: Sql,
  d: { eventKeys: string[]; agencyId: string | null; recipients: number; content: string; policyIds: string[] },
): Promise<void> {
  await sql.query(
    `INSERT INTO chase_delivery (event_keys, channel, agency_id, recipients, content, status, attempts, delivered_at, policy_ids)
         VALUES ($1, 'IN_APP', $2, $3, $4, 'DELIVERED', 1, now(), $5)`,
    [d.eventKeys, d.agencyId, d.recipients, d.content, d.policyIds],
  );
}

/** A message to a unit's robot, pending: the sender (delivery-sender.ts) posts it. */
export async function queueWebhookDelivery(
  sql: Sql,
  d: { eventKeys: string[]; channel: string; agencyId: string; url: string; urlHost: string; content: string; policyIds: string[] },
): Promise<void> {
  await sql.query(
    `INSERT INTO chase_delivery (event_keys, channel, agency_id, url, url_host, content, status, attempts, next_attempt_at, policy_ids)
           VALUES ($1, $2, $3, $4, $5, $6, 'PENDING', 0, now(), $7)`,
    [d.eventKeys, d.channel, d.agencyId, d.url, d.urlHost, d.content, d.policyIds],
  );
}
