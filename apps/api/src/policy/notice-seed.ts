import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EntityManager } from 'typeorm';
import { JIANGMEN_COUNTIES, quartersBetween } from '@luoshi/domain';
import { parseNotice, ParsedNotice, ParsedResponsibility } from '@luoshi/notice-parser';
import { searchTextOf, toSimplified } from '../common/chinese-script';
import { stableId } from '../common/stable-id';
import { FOLLOW_MERGES_SQL, nameKeyOf } from '../units/agency-name';

export interface NoticeLoadResult {
  docNumber: string;
  loaded: boolean;
}

/** Ids of seeded rows, derived from natural keys: the same on every machine (tests use them too). */
export const seedIds = {
  policy: (docNumber: string) => stableId('policy', docNumber),
  section: (docNumber: string, seq: number) => stableId('section', docNumber, seq),
  measure: (docNumber: string, seq: number) => stableId('measure', docNumber, seq),
  target: (docNumber: string, measureSeq: number, name: string, year: number) => stableId('target', docNumber, measureSeq, name, year),
  period: (docNumber: string, label: string) => stableId('period', docNumber, label),
  agency: (r: Pick<ParsedResponsibility, 'agencyName' | 'kind' | 'regionCode'>) => stableId('agency', countyCode(r) ?? r.agencyName),
};

export function parseNoticeFile(path: string): ParsedNotice {
  return parseNotice(readFileSync(path, 'utf8'), { counties: JIANGMEN_COUNTIES.map((c) => ({ name: c.name, regionCode: c.regionCode })) });
}

/** Only a county government carries a division code (a county's own bureau is a department). */
const countyCode = (r: Pick<ParsedResponsibility, 'kind' | 'regionCode'>) => (r.kind === 'COUNTY' ? r.regionCode : null);

/**
 * The agency a notice's unit name stands for: the unit with that name now (in either script, spaces
 * aside), else the unit seeded under that name and renamed since (its stable id), else the county
 * with that division code; a merged unit stands for the unit it went into. Only a name that matches
 * none becomes a new agency, so a rename or a merge in the web is never undone by loading a notice.
 */
async function agencyFor(manager: EntityManager, unit: ParsedResponsibility): Promise<string> {
  const code = countyCode(unit);
  const found: { id: string }[] = await manager.query(
    `SELECT id FROM agency WHERE name_key = $1 OR id = $2 OR (region_code IS NOT NULL AND region_code = $3)
      ORDER BY name_key = $1 DESC, id = $2 DESC LIMIT 1`,
    [nameKeyOf(unit.agencyName), seedIds.agency(unit), code],
  );
  let id = found[0]?.id;
  if (!id) {
    const county = code ? JIANGMEN_COUNTIES.find((c) => c.regionCode === code) : undefined;
    id = seedIds.agency(unit);
    await manager.query(
      `INSERT INTO agency (id, name, name_simplified, short_name, kind, region_code, search_text, name_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, unit.agencyName, toSimplified(unit.agencyName), county?.shortName ?? unit.agencyName, unit.kind, code, searchTextOf(unit.agencyName), nameKeyOf(unit.agencyName)],
    );
  }
  const [current]: { id: string }[] = await manager.query(FOLLOW_MERGES_SQL, [id]);
  return current?.id ?? id;
}

/** Agencies are shared between notices: find or insert each name's agency, return every name's id. */
async function upsertAgencies(manager: EntityManager, units: ParsedResponsibility[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const unit of new Map(units.map((u) => [u.agencyName, u])).values()) ids.set(unit.agencyName, await agencyFor(manager, unit));
  return ids;
}

/**
 * Loads one parsed notice in the caller's transaction. A notice already loaded (same docNumber) is
 * left as it is, so a second start adds nothing and the office's later edits are never overwritten.
 */
export async function loadNotice(manager: EntityManager, notice: ParsedNotice): Promise<NoticeLoadResult> {
  const doc = notice.docNumber;
  // A notice loaded from a file is published as it is: it must name itself and its date.
  if (doc === null) throw new Error('notice has no document number');
  if (notice.issuedOn === null) throw new Error(`${doc}: notice has no date line`);
  const inserted: unknown[] = await manager.query(
    `INSERT INTO policy (id, doc_number, title, issuer, issued_on, source_text) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (doc_number) DO NOTHING RETURNING id`,
    [seedIds.policy(doc), doc, notice.title, notice.issuer, notice.issuedOn, notice.sourceText],
  );
  if (inserted.length === 0) return { docNumber: doc, loaded: false };

  const policyId = seedIds.policy(doc);
  const agencyIds = await upsertAgencies(manager, notice.sections.flatMap((s) => s.measures.flatMap((m) => m.responsibilities)));
  for (const section of notice.sections) {
    const sectionId = seedIds.section(doc, section.seq);
    await manager.query(`INSERT INTO section (id, policy_id, seq, title) VALUES ($1, $2, $3, $4)`, [sectionId, policyId, section.seq, section.title]);
    for (const measure of section.measures) {
      const measureId = seedIds.measure(doc, measure.seq);
      await manager.query(
        `INSERT INTO measure (id, policy_id, section_id, seq, title, body, responsibility_text) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [measureId, policyId, sectionId, measure.seq, measure.title, measure.body, measure.responsibilityText],
      );
      for (const [position, r] of measure.responsibilities.entries()) {
        // Two names of one unit (one merged into the other) in one bracket: one responsibility, LEAD if either is.
        await manager.query(
          `INSERT INTO responsibility (measure_id, agency_id, role, position) VALUES ($1, $2, $3, $4)
           ON CONFLICT (measure_id, agency_id) DO UPDATE SET role = CASE WHEN EXCLUDED.role = 'LEAD' THEN 'LEAD' ELSE responsibility.role END`,
          [
          measureId,
          agencyIds.get(r.agencyName),
          r.role,
          position,
          ],
        );
      }
      for (const t of measure.targets) {
        await manager.query(
          `INSERT INTO target (id, measure_id, name, unit, target_value, direction, year, source_phrase) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [seedIds.target(doc, measure.seq, t.name, t.year), measureId, t.name, t.unit, t.targetValue, t.direction, t.year, t.sourcePhrase],
        );
      }
    }
  }
  return { docNumber: doc, loaded: true };
}

/**
 * Every policy has its quarters from the quarter of its issue date through the end of the current
 * year. Existing periods (and due dates the office changed) are kept.
 */
export async function ensureReportingPeriods(manager: EntityManager, today = new Date().toISOString().slice(0, 10)): Promise<void> {
  const policies: { id: string; doc_number: string; issued_on: string }[] = await manager.query(`SELECT id, doc_number, issued_on FROM policy`);
  const endOfYear = `${today.slice(0, 4)}-12-31`;
  for (const p of policies) {
    for (const q of quartersBetween(p.issued_on, endOfYear)) {
      await manager.query(
        `INSERT INTO reporting_period (id, policy_id, label, starts_on, ends_on, due_on) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (policy_id, label) DO NOTHING`,
        [seedIds.period(p.doc_number, q.label), p.id, q.label, q.startsOn, q.endsOn, q.dueOn],
      );
    }
  }
}

/** Loads every notice file of a directory (sorted by name). */
export async function loadNoticesFrom(manager: EntityManager, dir: string): Promise<NoticeLoadResult[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const results: NoticeLoadResult[] = [];
  for (const file of files) results.push(await loadNotice(manager, parseNoticeFile(join(dir, file))));
  await ensureReportingPeriods(manager);
  return results;
}
