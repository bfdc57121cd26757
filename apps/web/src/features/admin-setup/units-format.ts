/** Pure shaping of the units list (系统管理 › 单位), kept apart from the page so it is unit-tested. */
export interface UnitRow {
  agency: {
    id: string;
    name: string;
    shortName: string;
    kind: 'COUNTY' | 'DEPARTMENT';
    regionCode?: string | null;
    active: boolean;
    mergedInto?: { id: string; name: string } | null;
  };
  accounts: number;
  responsibilities: number;
}

export type UnitStatusFilter = 'ALL' | 'ACTIVE' | 'INACTIVE';
export type UnitState = 'ACTIVE' | 'INACTIVE' | 'MERGED';

export const unitState = (row: UnitRow): UnitState => (row.agency.mergedInto ? 'MERGED' : row.agency.active ? 'ACTIVE' : 'INACTIVE');

/**
 * Counties first (by division code), then departments by name; active before inactive within each.
 * The search matches the name, short name or division code as stored (traditional) or as shown
 * (`toSimplified`, the page's display function), spaces and case aside.
 */
export function visibleUnits(
  rows: UnitRow[],
  search: string,
  status: UnitStatusFilter,
  toSimplified: (s: string) => string = (s) => s,
): UnitRow[] {
  const fold = (s: string) => s.toLowerCase().replace(/\s+/g, '');
  const term = fold(search);
  return rows
    .filter((r) => status === 'ALL' || (status === 'ACTIVE') === r.agency.active)
    .filter(
      (r) =>
        !term ||
        [r.agency.name, r.agency.shortName, r.agency.regionCode ?? ''].some(
          (s) => fold(s).includes(term) || fold(toSimplified(s)).includes(term),
        ),
    )
    .sort((a, b) => {
      if (a.agency.kind !== b.agency.kind) return a.agency.kind === 'COUNTY' ? -1 : 1;
      if (a.agency.active !== b.agency.active) return a.agency.active ? -1 : 1;
      if (a.agency.kind === 'COUNTY') return (a.agency.regionCode ?? '').localeCompare(b.agency.regionCode ?? '');
      return a.agency.name.localeCompare(b.agency.name, 'zh-Hans-CN');
    });
}

/** Units another can be merged into: active, not itself, of the same kind (a county into a county). */
export const mergeTargets = (rows: UnitRow[], from: UnitRow): UnitRow[] =>
  rows.filter((r) => r.agency.id !== from.agency.id && r.agency.active && r.agency.kind === from.agency.kind);

/** A county needs a 6-digit division code; a department has none. Returns the message key of the problem, or null. */
export function unitFormProblem(input: {
  name: string;
  kind: 'COUNTY' | 'DEPARTMENT';
  regionCode: string;
}): 'units.nameRequired' | 'units.codeRequired' | null {
  if (input.name.trim().length < 2) return 'units.nameRequired';
  if (input.kind === 'COUNTY' && !/^\d{6}$/.test(input.regionCode.trim())) return 'units.codeRequired';
  return null;
}

/** The lines of the merge confirmation: what moves, only the counts above zero. */
export function mergeLines(p: {
  responsibilities: number;
  sharedResponsibilities: number;
  reports: number;
  figures: number;
  attachments: number;
  supervisionItems: number;
  accounts: number;
  quotas: number;
  webhook: boolean;
}): { key: string; count?: number }[] {
  const lines: { key: string; count?: number }[] = [];
  const add = (key: string, count: number) => count > 0 && lines.push({ key, count });
  add('units.moveResponsibilities', p.responsibilities);
  add('units.moveShared', p.sharedResponsibilities);
  add('units.moveReports', p.reports);
  add('units.moveAttachments', p.attachments);
  add('units.moveFigures', p.figures);
  add('units.moveQuotas', p.quotas);
  add('units.moveItems', p.supervisionItems);
  add('units.moveAccounts', p.accounts);
  if (p.webhook) lines.push({ key: 'units.moveWebhook' });
  return lines;
}
