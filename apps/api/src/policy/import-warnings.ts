import type { Loaders } from '../common/loaders';
import type { ImportWarning, StoredImportWarning } from './import-warning.model';
import type { DraftProblemRow } from './import-warnings.queries';
import type { Policy } from './policy.entity';

/** Kinds the draft's rows answer now, so they are never stored: a fixed problem is gone at once. */
export const LIVE_WARNING_KINDS: ReadonlySet<string> = new Set(['NO_DATE', 'NO_DOC_NUMBER', 'NO_UNITS', 'NEW_AGENCY']);

export const noDateMessage = (standIn: string) => `通知中没有成文日期，暂以导入日期 ${standIn} 代替：发布前请填写成文日期`;
export const noDocNumberMessage = (standIn: string) => `通知中没有文号，暂以“${standIn}”代替：发布前请填写文号`;
const noUnitsMessage = (row: DraftProblemRow) => `措施 ${row.measureSeq}“${row.measureTitle}”没有识别出责任单位：请添加`;
const newAgencyMessage = (row: DraftProblemRow) => `“${row.agencyName}”与已有单位都对不上，导入时新建了此单位：请确认，或对应到已有单位`;

function fromRow(row: DraftProblemRow): ImportWarning {
  const message = row.kind === 'NO_UNITS' ? noUnitsMessage(row) : newAgencyMessage(row);
  return { line: row.line, kind: row.kind, message, measureId: row.measureId, agencyId: row.agencyId };
}

/** A draft's warnings as it is now: the stand-ins still in place, the rows' problems, the parser's notes kept. */
export function warningsOf(policy: Policy, problems: DraftProblemRow[]): ImportWarning[] {
  if (policy.status !== 'DRAFT') return [];
  const warnings: ImportWarning[] = [];
  if (!policy.docNumberConfirmed)
    warnings.push({ line: null, kind: 'NO_DOC_NUMBER', message: noDocNumberMessage(policy.docNumber), measureId: null, agencyId: null });
  if (!policy.issuedOnConfirmed)
    warnings.push({ line: null, kind: 'NO_DATE', message: noDateMessage(policy.issuedOn), measureId: null, agencyId: null });
  const stored: ImportWarning[] = (policy.importWarnings ?? []).map((w) => ({ ...w }));
  const all = [...warnings, ...stored, ...problems.map(fromRow)];
  // Those not tied to a line first (the notice as a whole), then in the order of the text.
  return all
    .map((w, i) => ({ w, i }))
    .sort((a, b) => (a.w.line ?? -1) - (b.w.line ?? -1) || a.i - b.i)
    .map(({ w }) => w);
}

export async function currentWarnings(policy: Policy, loaders: Loaders): Promise<ImportWarning[]> {
  if (policy.status !== 'DRAFT') return [];
  return warningsOf(policy, await loaders.draftProblemsByPolicy.load(policy.id));
}

/** The stored warnings without those a correction has settled (a measure corrected, the title set). */
export function settleWarnings(stored: StoredImportWarning[], settled: { measureId?: string; kind?: string }): StoredImportWarning[] {
  return stored.filter((w) => !(settled.measureId && w.measureId === settled.measureId) && !(settled.kind && w.kind === settled.kind));
}
