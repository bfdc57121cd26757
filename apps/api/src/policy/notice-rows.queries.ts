import type { Sql } from '../common/sql';

/** Batched inserts of a notice's rows (one statement per table, however many measures). */

export interface SectionRow {
  id: string;
  policyId: string;
  seq: number;
  title: string;
}
export interface MeasureRow {
  id: string;
  policyId: string;
  sectionId: string;
  seq: number;
  title: string;
  body: string;
  responsibilityText: string | null;
  line: number | null;
  spanStart: number | null;
  spanEnd: number | null;
}
export interface ResponsibilityRow {
  measureId: string;
  agencyId: string;
  role: string;
  position: number;
  words: string | null;
  roleWords: string | null;
}
export interface TargetRow {
  id: string;
  measureId: string;
  name: string;
  unit: string;
  targetValue: number;
  direction: string;
  year: number;
  sourcePhrase: string | null;
  spanStart: number | null;
  spanEnd: number | null;
  everyYear: boolean;
}

const col = <T, K extends keyof T>(rows: readonly T[], key: K) => rows.map((r) => r[key]);

export async function insertSections(sql: Sql, rows: readonly SectionRow[]): Promise<void> {
  if (!rows.length) return;
  await sql.query(`INSERT INTO section (id, policy_id, seq, title) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[])`, [
    col(rows, 'id'),
    col(rows, 'policyId'),
    col(rows, 'seq'),
    col(rows, 'title'),
  ]);
}

export async function insertMeasures(sql: Sql, rows: readonly MeasureRow[]): Promise<void> {
  if (!rows.length) return;
  await sql.query(
    `INSERT INTO measure (id, policy_id, section_id, seq, title, body, responsibility_text, line, responsibility_span_start, responsibility_span_end)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::text[], $7::text[], $8::int[], $9::int[], $10::int[])`,
    [
      col(rows, 'id'),
      col(rows, 'policyId'),
      col(rows, 'sectionId'),
      col(rows, 'seq'),
      col(rows, 'title'),
      col(rows, 'body'),
      col(rows, 'responsibilityText'),
      col(rows, 'line'),
      col(rows, 'spanStart'),
      col(rows, 'spanEnd'),
    ],
  );
}

export async function insertResponsibilities(sql: Sql, rows: readonly ResponsibilityRow[]): Promise<void> {
  if (!rows.length) return;
  await sql.query(
    `INSERT INTO responsibility (measure_id, agency_id, role, position, words, role_words)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::text[], $6::text[])`,
    [col(rows, 'measureId'), col(rows, 'agencyId'), col(rows, 'role'), col(rows, 'position'), col(rows, 'words'), col(rows, 'roleWords')],
  );
}

export async function insertTargets(sql: Sql, rows: readonly TargetRow[]): Promise<void> {
  if (!rows.length) return;
  await sql.query(
    `INSERT INTO target (id, measure_id, name, unit, target_value, direction, year, source_phrase, span_start, span_end, every_year)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::numeric[], $6::text[], $7::int[], $8::text[], $9::int[], $10::int[], $11::bool[])`,
    [
      col(rows, 'id'),
      col(rows, 'measureId'),
      col(rows, 'name'),
      col(rows, 'unit'),
      col(rows, 'targetValue'),
      col(rows, 'direction'),
      col(rows, 'year'),
      col(rows, 'sourcePhrase'),
      col(rows, 'spanStart'),
      col(rows, 'spanEnd'),
      col(rows, 'everyYear'),
    ],
  );
}
