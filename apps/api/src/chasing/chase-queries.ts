/**
 * What is to be chased now and has not been yet. "Today" is the date in China; a report is late
 * from the day after its unit's due date (the period's, or the unit's extension: as the dashboard's
 * UNIT_STATUS_SQL counts it), and a
 * report counts as sent once first submitted. $1 = look-back days, $2 = reminder days before.
 * Every PUBLISHED policy is chased, each open period of each (a DRAFT is not open for reporting yet);
 * one statement however many policies there are.
 */
export const CHASE_CANDIDATES_SQL = `
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
   -- Only periods that can have a candidate (a unit's date is never before the period's), so the
   -- many old periods are skipped before their measures and units are joined.
   WHERE p.due_on <= t.today + greatest($2::int, 0)
     AND (p.due_on >= t.today - $1::int OR EXISTS (SELECT 1 FROM period_extension e WHERE e.period_id = p.id AND e.due_on >= t.today - $1::int))
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
     AND ((u.due_on < t.today AND u.due_on >= t.today - $1::int)
       OR ($2::int > 0 AND u.due_on >= t.today AND u.due_on <= t.today + $2::int))
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
     AND ((i.due_on < t.today AND i.due_on >= t.today - $1::int)
       OR ($2::int > 0 AND i.due_on >= t.today AND i.due_on <= t.today + $2::int))
)
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

/**
 * Records the events; only the keys this statement inserted come back. Keys go in sorted, so two
 * replicas inserting overlapping sets wait on each other in the same order and cannot deadlock.
 */
export const INSERT_EVENTS_SQL = `
WITH ins AS (
  INSERT INTO chase_event (key, kind, agency_id, due_on)
  SELECT e.key, e.kind, e.agency_id, e.due_on
    FROM unnest($1::text[], $2::text[], $3::uuid[], $4::date[]) AS e(key, kind, agency_id, due_on)
   ORDER BY e.key
  ON CONFLICT (key) DO NOTHING
  RETURNING key)
SELECT key FROM ins`;

/**
 * The sender's claim: due rows, locked with SKIP LOCKED so a replica never waits for or takes
 * another's, and leased by moving next_attempt_at ahead (a crashed sender's rows come back later).
 */
export const CLAIM_DELIVERIES_SQL = `
WITH claimed AS (
  UPDATE chase_delivery d
     SET attempts = d.attempts + 1, next_attempt_at = now() + $2::int * interval '1 millisecond'
   WHERE d.id IN (SELECT id FROM chase_delivery
                   WHERE status = 'PENDING' AND next_attempt_at <= now()
                   ORDER BY next_attempt_at LIMIT $1
                   FOR UPDATE SKIP LOCKED)
  RETURNING d.id, d.channel, d.url, d.content, d.attempts)
SELECT id, channel, url, content, attempts FROM claimed`;
