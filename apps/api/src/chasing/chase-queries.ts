/**
 * What is to be chased now and has not been yet. "Today" is the date in China; a report is late
 * from the day after its period's due date (as the dashboard's UNIT_STATUS_SQL counts it), and a
 * report counts as sent once first submitted. $1 = look-back days, $2 = reminder days before.
 */
export const CHASE_CANDIDATES_SQL = `
WITH t AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS today),
cand AS (
  SELECT CASE WHEN p.due_on < t.today THEN 'REPORT_OVERDUE' ELSE 'REPORT_DUE_SOON' END AS kind,
         CASE WHEN p.due_on < t.today THEN 'report-overdue:' ELSE 'report-due-soon:' END || p.id || ':' || m.id || ':' || resp.agency_id AS key,
         resp.agency_id, p.due_on, pol.doc_number, p.label AS period_label, m.seq AS measure_seq, m.title AS subject
    FROM t
    CROSS JOIN reporting_period p
    JOIN policy pol ON pol.id = p.policy_id
    JOIN measure m ON m.policy_id = p.policy_id
    JOIN responsibility resp ON resp.measure_id = m.id
    JOIN agency unit ON unit.id = resp.agency_id AND unit.active -- an inactive unit is not chased (units/)
    LEFT JOIN progress_report r ON r.measure_id = m.id AND r.agency_id = resp.agency_id AND r.period_id = p.id
   WHERE r.first_submitted_at IS NULL
     AND ((p.due_on < t.today AND p.due_on >= t.today - $1::int)
       OR ($2::int > 0 AND p.due_on >= t.today AND p.due_on <= t.today + $2::int))
  UNION ALL
  SELECT CASE WHEN i.due_on < t.today THEN 'ITEM_OVERDUE' ELSE 'ITEM_DUE_SOON' END,
         CASE WHEN i.due_on < t.today THEN 'item-overdue:' ELSE 'item-due-soon:' END || i.id,
         i.agency_id, i.due_on, pol.doc_number, p.label, m.seq, i.request
    FROM t
    CROSS JOIN supervision_item i
    JOIN supervision_review sr ON sr.id = i.review_id
    JOIN agency unit ON unit.id = i.agency_id AND unit.active
    JOIN reporting_period p ON p.id = sr.period_id
    JOIN measure m ON m.id = i.measure_id
    JOIN policy pol ON pol.id = m.policy_id
   WHERE i.status = 'OPEN'
     AND ((i.due_on < t.today AND i.due_on >= t.today - $1::int)
       OR ($2::int > 0 AND i.due_on >= t.today AND i.due_on <= t.today + $2::int))
)
SELECT c.kind, c.key, c.agency_id, c.due_on::text AS due_on, c.doc_number, c.period_label, c.measure_seq, c.subject
  FROM cand c
 WHERE NOT EXISTS (SELECT 1 FROM chase_event e WHERE e.key = c.key)
 ORDER BY c.agency_id, c.doc_number, c.period_label, c.measure_seq, c.key`;

export interface CandidateRow {
  kind: string;
  key: string;
  agency_id: string;
  due_on: string;
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
