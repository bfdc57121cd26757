import { Logger } from '@nestjs/common';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EntityManager } from 'typeorm';
import { JIANGMEN_COUNTIES, quartersBetween } from '@luoshi/domain';
import { NoticeParseError, parseNotice, ParsedNotice, ParsedResponsibility } from '@luoshi/notice-parser';
import { stableId } from '../common/stable-id';
import { activeCounties } from './agency-matcher.queries';
import { resolveUnits } from './agency-matcher';
import { insertNoticeRows } from './notice-rows';
import { insertReportingPeriod } from './period.queries';
import { inSavepoint, insertPublishedPolicy, publishedPolicies } from './policy.queries';

export interface NoticeLoadResult {
  /** The notice file, where it came from one. */
  file?: string;
  docNumber: string | null;
  loaded: boolean;
  /** Why the file was skipped (it is logged too), with the line where the parser stopped. */
  error?: string;
  line?: number;
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

const JIANGMEN_COUNTY_INPUT = JIANGMEN_COUNTIES.map((c) => ({ name: c.name, regionCode: c.regionCode }));

export function parseNoticeFile(path: string, counties = JIANGMEN_COUNTY_INPUT): ParsedNotice {
  return parseNotice(readFileSync(path, 'utf8'), { counties });
}

/** Only a county government carries a division code (a county's own bureau is a department). */
const countyCode = (r: Pick<ParsedResponsibility, 'kind' | 'regionCode'>) => (r.kind === 'COUNTY' ? r.regionCode : null);

/**
 * Loads one parsed notice in the caller's transaction, PUBLISHED. A notice already loaded (same
 * docNumber) is left as it is, so a second start adds nothing and the office's later edits are never
 * overwritten. Unit names go through the import's matcher (agency-matcher.ts), so 市财政局 in a
 * simplified notice is 市財政局, and a unit seeded once and renamed since is found by its stable id;
 * only a name that matches nothing becomes a new agency.
 */
export async function loadNotice(manager: EntityManager, notice: ParsedNotice): Promise<NoticeLoadResult> {
  const doc = notice.docNumber;
  // A notice loaded from a file is published as it is: it must name itself and its date.
  if (doc === null) throw new Error('notice has no document number');
  if (notice.issuedOn === null) throw new Error(`${doc}: notice has no date line`);
  const inserted = await insertPublishedPolicy(manager, {
    id: seedIds.policy(doc),
    docNumber: doc,
    title: notice.title,
    issuer: notice.issuer,
    issuedOn: notice.issuedOn,
    sourceText: notice.sourceText,
  });
  if (!inserted) return { docNumber: doc, loaded: false };

  const policyId = seedIds.policy(doc);
  const units = notice.sections.flatMap((s) => s.measures.flatMap((m) => m.responsibilities));
  const agencies = await resolveUnits(manager, units, {
    createdByImport: false,
    newId: seedIds.agency,
    knownId: seedIds.agency,
    shortNameOf: (u) => JIANGMEN_COUNTIES.find((c) => c.regionCode === countyCode(u))?.shortName,
  });
  await insertNoticeRows(manager, policyId, notice, (name) => agencies.get(name)!.agencyId, {
    section: (seq) => seedIds.section(doc, seq),
    measure: (seq) => seedIds.measure(doc, seq),
    target: (seq, name, year) => seedIds.target(doc, seq, name, year),
  });
  return { docNumber: doc, loaded: true };
}

/** The quarters of a policy: from its issue date's quarter through the end of the current year. */
export async function createReportingPeriods(
  manager: EntityManager,
  policy: { id: string; issuedOn: string },
  periodId: (label: string) => string,
  today = new Date().toISOString().slice(0, 10),
): Promise<void> {
  const endOfYear = `${today.slice(0, 4)}-12-31`;
  for (const q of quartersBetween(policy.issuedOn, endOfYear)) {
    await insertReportingPeriod(manager, {
      id: periodId(q.label),
      policyId: policy.id,
      label: q.label,
      startsOn: q.startsOn,
      endsOn: q.endsOn,
      dueOn: q.dueOn,
    });
  }
}

/**
 * Every PUBLISHED policy has its quarters from the quarter of its issue date through the end of the
 * current year (a draft has none: publishPolicy creates them). Existing periods (and due dates the
 * office changed) are kept. Ids: stable per doc number, so a seeded notice's periods are the same everywhere.
 */
export async function ensureReportingPeriods(manager: EntityManager, today = new Date().toISOString().slice(0, 10)): Promise<void> {
  const policies = await publishedPolicies(manager);
  for (const p of policies)
    await createReportingPeriods(manager, { id: p.id, issuedOn: p.issued_on }, (label) => seedIds.period(p.doc_number, label), today);
}

const logger = new Logger('Notices');

/**
 * Loads every notice file of a directory (sorted by name), each in its own savepoint: a file that
 * cannot be read or parsed, or lacks its doc number or date, is logged with its name (and line) and
 * skipped; it never blocks the others or the start.
 */
export async function loadNoticesFrom(manager: EntityManager, dir: string): Promise<NoticeLoadResult[]> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const counties = await activeCounties(manager);
  const results: NoticeLoadResult[] = [];
  for (const file of files) {
    try {
      const result = await inSavepoint(manager, 'notice_file', () =>
        loadNotice(manager, parseNoticeFile(join(dir, file), counties.length ? counties : JIANGMEN_COUNTY_INPUT)),
      );
      results.push({ file, ...result });
    } catch (error) {
      const line = error instanceof NoticeParseError ? error.line : undefined;
      const message = error instanceof Error ? error.message : String(error);
      logger.error(`Skipped the notice file ${file}${line ? ` (line ${line})` : ''}: ${message}`);
      results.push({ file, docNumber: null, loaded: false, error: message, ...(line ? { line } : {}) });
    }
  }
  await ensureReportingPeriods(manager);
  return results;
}
