import type { Sql } from '../common/sql';

/** A problem of a draft that its rows show now: a measure without units, a unit the import created. */
export interface DraftProblemRow {
  policyId: string;
  kind: 'NO_UNITS' | 'NEW_AGENCY';
  measureId: string;
  measureSeq: number;
  measureTitle: string;
  line: number | null;
  agencyId: string | null;
  agencyName: string | null;
}

/**
 * For the given DRAFT policies, in one statement: each measure with no responsible unit, and each unit
 * created by an import that a measure of the draft still names (at its first measure).
 */
export function draftProblems(sql: Sql, policyIds: readonly string[]): Promise<DraftProblemRow[]> {
  return sql.query(
    `SELECT m.policy_id AS "policyId", 'NO_UNITS' AS kind, m.id AS "measureId", m.seq AS "measureSeq", m.title AS "measureTitle",
            m.line, NULL::uuid AS "agencyId", NULL::text AS "agencyName"
       FROM measure m JOIN policy p ON p.id = m.policy_id
      WHERE m.policy_id = ANY($1::uuid[]) AND p.status = 'DRAFT'
        AND NOT EXISTS (SELECT 1 FROM responsibility r WHERE r.measure_id = m.id)
     UNION ALL
     SELECT * FROM (
       SELECT DISTINCT ON (m.policy_id, a.id) m.policy_id, 'NEW_AGENCY', m.id, m.seq, m.title, m.line, a.id, a.name
         FROM responsibility r JOIN measure m ON m.id = r.measure_id JOIN agency a ON a.id = r.agency_id JOIN policy p ON p.id = m.policy_id
        WHERE m.policy_id = ANY($1::uuid[]) AND p.status = 'DRAFT' AND a.created_by_import
        ORDER BY m.policy_id, a.id, m.seq
     ) AS new_units`,
    [policyIds],
  );
}
