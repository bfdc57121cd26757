import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { EditableReportFragment, ReportStatus, SaveProgressReportInput, UnitStatus } from '../../graphql/generated';
import { apiErrorCode, isConnectionError } from '../../shared/errors';
import type { MessageKey } from '../../shared/i18n';
import { figuresFromValues, parseFigure, toFigureInputs, type FigureRow } from './figure-grid';

/** What a person fills in for one measure: three texts, a self-assessment and the figures as typed. */
export interface DraftFields {
  progress: string;
  problems: string;
  nextSteps: string;
  unitStatus: UnitStatus | null;
  /** Figures as typed (strings, so "12." or "abc" can be shown and corrected), keyed by figureKey. */
  figures: Record<string, string>;
}
export const TEXT_FIELDS = ['progress', 'problems', 'nextSteps'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export const EMPTY_FIELDS: DraftFields = { progress: '', problems: '', nextSteps: '', unitStatus: null, figures: {} };

export type SavedReport = EditableReportFragment;

export function fieldsFromReport(report: SavedReport | null | undefined): DraftFields {
  if (!report) return EMPTY_FIELDS;
  return {
    progress: report.progress,
    problems: report.problems,
    nextSteps: report.nextSteps,
    unitStatus: report.unitStatus,
    figures: figuresFromValues(report.values),
  };
}

type Rows = readonly Pick<FigureRow, 'key' | 'targetId' | 'county'>[];

/** The figures as numbers per cell ('' typed and nothing saved are the same), for comparing. */
function canonicalFigures(figures: Readonly<Record<string, string>>, rows: Rows): string {
  return rows
    .map((row) => {
      const parsed = parseFigure(figures[row.key] ?? '');
      return parsed.kind === 'value' ? parsed.value : parsed.kind === 'error' ? `!${figures[row.key]}` : '';
    })
    .join('|');
}

export function sameFields(a: DraftFields, b: DraftFields, rows: Rows): boolean {
  return (
    TEXT_FIELDS.every((f) => a[f] === b[f]) &&
    a.unitStatus === b.unitStatus &&
    canonicalFigures(a.figures, rows) === canonicalFigures(b.figures, rows)
  );
}

export interface SavePlan {
  input: SaveProgressReportInput;
  /** The fields as they will be once this save succeeds. */
  sent: DraftFields;
  /** The cell of each element of `input.values`, to place an error the API gives by index. */
  figureKeys: string[];
}

/**
 * What to send to save a measure's draft, or null when there is nothing the server lacks. Creates
 * the report on its first save, then updates the version read. Texts are always sent whole (the
 * API records only fields that really changed); figures only when they changed and every cell is
 * a valid number, because `values` replaces the whole saved set.
 */
export function planSave(
  draft: { report: { id: string; version: number } | null; fields: DraftFields; saved: DraftFields },
  context: { measureId: string; periodId: string; agencyId: string; rows: Rows },
): SavePlan | null {
  const { fields, saved, report } = draft;
  const textsChanged =
    TEXT_FIELDS.some((f) => fields[f] !== saved[f]) || (fields.unitStatus !== saved.unitStatus && fields.unitStatus !== null);
  const figuresChanged = canonicalFigures(fields.figures, context.rows) !== canonicalFigures(saved.figures, context.rows);
  const figures = toFigureInputs(fields.figures, context.rows);
  const sendFigures = figuresChanged && Object.keys(figures.errors).length === 0;
  if (!textsChanged && !sendFigures) return null;

  const input: SaveProgressReportInput = report
    ? { id: report.id, version: report.version }
    : { measureId: context.measureId, periodId: context.periodId, agencyId: context.agencyId };
  input.progress = fields.progress;
  input.problems = fields.problems;
  input.nextSteps = fields.nextSteps;
  // The API keeps the saved status when given none: a status once chosen cannot be unset.
  if (fields.unitStatus) input.unitStatus = fields.unitStatus;
  if (sendFigures) input.values = figures.values;
  return {
    input,
    sent: { ...fields, unitStatus: fields.unitStatus ?? saved.unitStatus, figures: sendFigures ? fields.figures : saved.figures },
    figureKeys: sendFigures ? figures.keys : [],
  };
}

/** A message for the person: a key of messages.ts, or the API's own (Chinese) text. */
export type FieldMessage = { key: MessageKey } | { text: string };

/** What a refused or failed write means for the form. */
export type WriteFailure =
  /** The report changed on the server (another tab, or it was submitted meanwhile). */
  | { kind: 'conflict'; reportId: string | null; status: ReportStatus | null }
  /** The API refused a value: `target` is a field name, a figure's key, or 'form' when unknown. */
  | { kind: 'invalid'; target: string; message: FieldMessage }
  /** Not allowed, or signed out: retrying will not help. */
  | { kind: 'refused'; message: FieldMessage }
  /** No answer or a server fault: worth retrying. */
  | { kind: 'failed'; message: FieldMessage };

const FIELD_NAMES = new Set(['progress', 'problems', 'nextSteps', 'unitStatus']);

/**
 * Sorts an error from saveProgressReport / submitProgressReport. The API names the field of a
 * BAD_USER_INPUT in `extensions.field` (and a figure by `extensions.index` into the values sent);
 * its validator instead prefixes the message with the path ("values.0.数据不能为负数").
 */
export function classifyWriteError(error: unknown, figureKeys: readonly string[] = []): WriteFailure {
  const code = apiErrorCode(error);
  const first = CombinedGraphQLErrors.is(error) ? error.errors[0] : undefined;
  const ext = (first?.extensions ?? {}) as Record<string, unknown>;
  const message = first?.message ?? (error instanceof Error ? error.message : String(error));
  if (code === 'CONFLICT') {
    return {
      kind: 'conflict',
      reportId: typeof ext.reportId === 'string' ? ext.reportId : null,
      status: typeof ext.status === 'string' ? (ext.status as ReportStatus) : null,
    };
  }
  if (code === 'BAD_USER_INPUT') {
    const path = /^values\.(\d+)\.(.*)$/.exec(message);
    const index = typeof ext.index === 'number' ? ext.index : path ? Number(path[1]) : null;
    const text = path ? path[2] : message;
    if (index !== null && figureKeys[index]) return { kind: 'invalid', target: figureKeys[index], message: { text } };
    const field = typeof ext.field === 'string' && FIELD_NAMES.has(ext.field) ? ext.field : 'form';
    return { kind: 'invalid', target: field, message: { text } };
  }
  if (code === 'FORBIDDEN' || code === 'NOT_FOUND') return { kind: 'refused', message: { text: message } };
  if (code === 'UNAUTHENTICATED') return { kind: 'refused', message: { key: 'session.expired' } };
  if (isConnectionError(error)) return { kind: 'failed', message: { key: 'report.save.network' } };
  return { kind: 'failed', message: { text: message } };
}
