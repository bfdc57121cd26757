/** Pure helpers of the draft review page: warnings in words, target rows <-> mutation inputs, the notice's years. */

export interface DraftWarning {
  line?: number | null;
  kind: string;
  message: string;
  measureId?: string | null;
  agencyId?: string | null;
}

/** The warning kinds the page names with a short label; any other parser kind reads as a note. */
export const WARNING_KINDS = ['NO_DATE', 'NO_DOC_NUMBER', 'NO_TITLE', 'NO_UNITS', 'NEW_AGENCY'] as const;
export type WarningKindLabel = (typeof WARNING_KINDS)[number] | 'OTHER';

export function warningKind(kind: string): WarningKindLabel {
  return (WARNING_KINDS as readonly string[]).includes(kind) ? (kind as WarningKindLabel) : 'OTHER';
}

/** Top to bottom of the text; warnings tied to no line (the whole notice) first, as the header is checked first. */
export function sortedWarnings<W extends DraftWarning>(warnings: readonly W[]): W[] {
  return warnings
    .map((w, i) => ({ w, i }))
    .sort((a, b) => (a.w.line ?? 0) - (b.w.line ?? 0) || a.i - b.i)
    .map(({ w }) => w);
}

/** `第12行：message`, or the message alone when the warning has no line; `lineWord` words the line (i18n). */
export function warningText(w: DraftWarning, lineWord: (line: number) => string): string {
  return w.line ? `${lineWord(w.line)}：${w.message}` : w.message;
}

/** The agencies an import created that the office still has to confirm or map (NEW_AGENCY warnings). */
export function newAgencyIds(warnings: readonly DraftWarning[]): Set<string> {
  return new Set(warnings.filter((w) => w.kind === 'NEW_AGENCY' && w.agencyId).map((w) => w.agencyId as string));
}

export type Direction = 'AT_LEAST' | 'AT_MOST';

/** A target as the page edits it. */
export interface TargetRow {
  id: string;
  name: string;
  unit: string;
  targetValue: number;
  direction: Direction;
  year: number;
  /** 每年: the target recurs every year (each new year gets its own after publishing). */
  everyYear: boolean;
}

/** The fields of an inline edit that differ from the row: what updateDraftTarget gets (null when nothing changed). */
export function targetChanges(row: TargetRow, edited: Partial<Omit<TargetRow, 'id'>>): Partial<Omit<TargetRow, 'id'>> | null {
  const changes: Partial<Omit<TargetRow, 'id'>> = {};
  const name = edited.name?.trim();
  const unit = edited.unit?.trim();
  if (name && name !== row.name) changes.name = name;
  if (unit !== undefined && unit !== '' && unit !== row.unit) changes.unit = unit;
  if (edited.targetValue !== undefined && Number.isFinite(edited.targetValue) && edited.targetValue !== row.targetValue)
    changes.targetValue = edited.targetValue;
  if (edited.direction && edited.direction !== row.direction) changes.direction = edited.direction;
  if (edited.year !== undefined && Number.isInteger(edited.year) && edited.year !== row.year) changes.year = edited.year;
  if (edited.everyYear !== undefined && edited.everyYear !== row.everyYear) changes.everyYear = edited.everyYear;
  return Object.keys(changes).length ? changes : null;
}

/** The add-target form's values. */
export interface NewTargetValues {
  name?: string;
  unit?: string;
  targetValue?: number | null;
  direction?: Direction;
  years?: number[];
  /** The 每年 toggle: the target recurs every year. */
  everyYear?: boolean;
}

/** addDraftTarget's input from the form (every chosen year gets one target: 每年), or null while incomplete. */
export function newTargetInput(measureId: string, version: number, v: NewTargetValues) {
  const name = v.name?.trim();
  const unit = v.unit?.trim();
  const years = [...new Set(v.years ?? [])].filter(Number.isInteger).sort((a, b) => a - b);
  if (!name || !unit || v.targetValue == null || !Number.isFinite(v.targetValue) || v.targetValue < 0 || !v.direction || !years.length)
    return null;
  return { measureId, version, name, unit, targetValue: v.targetValue, direction: v.direction, years, everyYear: v.everyYear ?? false };
}

/**
 * The years a notice spans, for the year pickers: from its date's year (or its earliest target's)
 * to the last year any of its targets counts in, and one more so the office can extend it.
 */
export function noticeYears(issuedOn: string | null | undefined, targetYears: readonly number[]): number[] {
  const issuedYear = Number(/^(\d{4})-/.exec(issuedOn ?? '')?.[1]) || null;
  const known = [...(issuedYear ? [issuedYear] : []), ...targetYears.filter(Number.isInteger)];
  if (!known.length) return [];
  const first = Math.min(...known);
  const last = Math.max(...known);
  return Array.from({ length: last - first + 2 }, (_, i) => first + i);
}

/** The years a 每年 target starts with: the notice's span without the spare year, from the date's year on. */
export function everyYearDefault(years: readonly number[]): number[] {
  return years.slice(0, -1);
}

/** The header as the page edits it. */
export interface HeaderValues {
  docNumber?: string;
  title?: string;
  issuer?: string;
  issuedOn?: string;
}

/**
 * updateDraftPolicy's changed fields (null when nothing to send). The date goes along while it is
 * unconfirmed even when unchanged: saving it is how the office confirms the stand-in date.
 */
export function headerChanges(
  policy: { docNumber: string; title: string; issuer: string; issuedOn: string; issuedOnConfirmed: boolean },
  v: HeaderValues,
): HeaderValues | null {
  const changes: HeaderValues = {};
  for (const key of ['docNumber', 'title', 'issuer'] as const) {
    const value = v[key]?.trim();
    if (value !== undefined && value !== policy[key]) changes[key] = value;
  }
  const date = v.issuedOn?.trim();
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date) && (date !== policy.issuedOn || !policy.issuedOnConfirmed)) changes.issuedOn = date;
  return Object.keys(changes).length ? changes : null;
}
