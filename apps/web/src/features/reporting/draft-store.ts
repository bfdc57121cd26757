import type { ReportStatus, SaveProgressReportInput } from '../../graphql/generated';
import {
  classifyWriteError,
  fieldsFromReport,
  planSave,
  sameFields,
  type DraftFields,
  type FieldMessage,
  type SavedReport,
  type WriteFailure,
} from './draft';
import { toFigureInputs, type FigureRow } from './figure-grid';
import { isEditableStatus } from '../../shared/task-state';

/** Where a measure's autosave stands, as shown next to it. */
export type SaveState =
  /** Nothing unsaved (see `savedAt` for the last save). */
  | { kind: 'idle' }
  /** Typed; saved once typing pauses or the field loses focus. */
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: FieldMessage; retry: boolean }
  /** The server has a newer version: autosave is stopped until the person chooses. */
  | { kind: 'conflict'; reportId: string | null };

export interface ReportMeta {
  id: string;
  version: number;
  status: ReportStatus;
  reviewComment: string | null;
}

export interface MeasureDraft {
  measureId: string;
  report: ReportMeta | null;
  /** What the form shows. */
  fields: DraftFields;
  /** What the server has as of `report.version`. */
  saved: DraftFields;
  save: SaveState;
  savedAt: Date | null;
  /** Messages from the API (or the submit check) by field name, figure key, or 'form'. */
  errors: Readonly<Record<string, FieldMessage>>;
  /** The person's own version, kept aside after they loaded the server's latest one. */
  mine: DraftFields | null;
  busy: 'submitting' | 'loading' | null;
}

/** The API calls the store makes (Apollo mutations in the app, fakes in tests). */
export interface DraftApi {
  save(input: SaveProgressReportInput): Promise<SavedReport>;
  submit(id: string, version: number): Promise<SavedReport>;
  fetchLatest(id: string): Promise<SavedReport>;
}

export interface MeasureSetup {
  measureId: string;
  /** The measure's policy's period, where a quarter's form spans several policies; else the store's. */
  periodId?: string;
  report: SavedReport | null;
  /** The figure cells the unit fills for this measure (see buildFigureGrid). */
  rows: readonly FigureRow[];
}

export interface DraftStoreOptions {
  /** The period of measures that do not name their own (MeasureSetup.periodId). */
  periodId?: string;
  agencyId: string;
  api: DraftApi;
  /** Pause after the last keystroke before saving. */
  delayMs?: number;
  now?: () => Date;
}

/** When the server last saved the report: shown as 已自动保存 HH:mm until the next save. */
const savedAtOf = (r: SavedReport | null): Date | null => {
  const at = r ? new Date(r.updatedAt) : null;
  return at && !Number.isNaN(at.getTime()) ? at : null;
};

const meta = (r: SavedReport): ReportMeta => ({ id: r.id, version: r.version, status: r.status, reviewComment: r.reviewComment });

/**
 * The drafts of one unit's form for one period, one per measure, with their autosave. Kept outside
 * React so the rules (debounce, one save at a time per measure, the version chain, what a conflict
 * stops) are plain code with tests; components read a measure's draft with useSyncExternalStore.
 */
export class ReportDraftStore {
  private readonly drafts = new Map<string, MeasureDraft>();
  private readonly rows = new Map<string, readonly FigureRow[]>();
  private readonly periods = new Map<string, string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly listeners = new Set<() => void>();
  private snapshot: MeasureDraft[] | null = null;
  private readonly delayMs: number;
  private readonly now: () => Date;

  constructor(
    private readonly options: DraftStoreOptions,
    measures: readonly MeasureSetup[],
  ) {
    this.delayMs = options.delayMs ?? 1500;
    this.now = options.now ?? (() => new Date());
    for (const m of measures) {
      const fields = fieldsFromReport(m.report);
      this.rows.set(m.measureId, m.rows);
      const periodId = m.periodId ?? options.periodId;
      if (!periodId) throw new Error(`no period for measure ${m.measureId}`);
      this.periods.set(m.measureId, periodId);
      this.drafts.set(m.measureId, {
        measureId: m.measureId,
        report: m.report ? meta(m.report) : null,
        fields,
        saved: fields,
        save: { kind: 'idle' },
        savedAt: savedAtOf(m.report),
        errors: {},
        mine: null,
        busy: null,
      });
    }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (measureId: string): MeasureDraft => {
    const draft = this.drafts.get(measureId);
    if (!draft) throw new Error(`no draft for measure ${measureId}`);
    return draft;
  };

  /** Every draft, in the order given; the same array until something changes. */
  all = (): MeasureDraft[] => (this.snapshot ??= [...this.drafts.values()]);

  /** Anything typed that the server does not have yet. */
  hasUnsaved(): boolean {
    return this.all().some((d) => d.save.kind !== 'idle' || (d.mine !== null && isEditableStatus(d.report?.status)));
  }

  edit(measureId: string, patch: Partial<DraftFields>): void {
    const draft = this.get(measureId);
    if (!isEditableStatus(draft.report?.status)) return;
    const fields = { ...draft.fields, ...patch };
    const errors = { ...draft.errors };
    for (const key of Object.keys(patch)) delete errors[key];
    for (const key of Object.keys(patch.figures ?? {})) if (patch.figures?.[key] !== draft.fields.figures[key]) delete errors[key];
    if (draft.save.kind === 'conflict') {
      this.update(measureId, { fields, errors }); // keep their words, but save nothing until they choose
      return;
    }
    const dirty = !sameFields(fields, draft.saved, this.rowsOf(measureId));
    const save: SaveState = dirty ? { kind: 'pending' } : draft.save.kind === 'saving' ? draft.save : { kind: 'idle' };
    this.update(measureId, { fields, errors, save });
    if (dirty) this.schedule(measureId);
    else this.clearTimer(measureId);
  }

  editFigure(measureId: string, key: string, raw: string): void {
    this.edit(measureId, { figures: { ...this.get(measureId).fields.figures, [key]: raw } });
  }

  /** Saves now what is unsaved (on blur, before submitting, when leaving the page). */
  flush(measureId: string): Promise<void> {
    this.clearTimer(measureId);
    return this.enqueue(measureId, () => this.runSave(measureId));
  }

  flushAll(): Promise<void> {
    return Promise.all(this.all().map((d) => (d.save.kind === 'pending' ? this.flush(d.measureId) : this.queues.get(d.measureId)))).then(
      () => undefined,
    );
  }

  retry(measureId: string): Promise<void> {
    this.update(measureId, { save: { kind: 'pending' } });
    return this.flush(measureId);
  }

  /**
   * After a conflict: shows the server's latest version and keeps the person's own aside (`mine`)
   * so they can put it back on top of the latest version; autosave resumes from that version.
   */
  async loadLatest(measureId: string): Promise<void> {
    const draft = this.get(measureId);
    const reportId = draft.save.kind === 'conflict' ? (draft.save.reportId ?? draft.report?.id) : draft.report?.id;
    if (!reportId) return;
    this.clearTimer(measureId);
    this.update(measureId, { busy: 'loading' });
    try {
      const latest = await this.options.api.fetchLatest(reportId);
      const server = fieldsFromReport(latest);
      const current = this.get(measureId);
      const differs = !sameFields(current.fields, server, this.rowsOf(measureId));
      this.update(measureId, {
        report: meta(latest),
        fields: server,
        saved: server,
        mine: differs ? current.fields : current.mine,
        save: { kind: 'idle' },
        savedAt: savedAtOf(latest),
        errors: {},
        busy: null,
      });
    } catch (error) {
      const failure = classifyWriteError(error);
      this.update(measureId, {
        busy: null,
        errors: { ...this.get(measureId).errors, form: failure.kind === 'conflict' ? { key: 'report.conflict.title' } : failure.message },
      });
    }
  }

  /** Puts the person's kept version back into the form (saved on top of the latest version). */
  reapplyMine(measureId: string): void {
    const { mine } = this.get(measureId);
    if (!mine) return;
    this.update(measureId, { mine: null });
    this.edit(measureId, mine);
  }

  discardMine(measureId: string): void {
    this.update(measureId, { mine: null });
  }

  /** Saves what is unsaved, checks the report can go, and submits it. True when submitted. */
  async submit(measureId: string): Promise<boolean> {
    if (!isEditableStatus(this.get(measureId).report?.status)) return false;
    this.update(measureId, { busy: 'submitting' });
    try {
      await this.flush(measureId);
      const draft = this.get(measureId);
      if (draft.save.kind === 'conflict' || draft.save.kind === 'failed') return false;
      if (Object.keys(toFigureInputs(draft.fields.figures, this.rowsOf(measureId)).errors).length > 0) {
        this.update(measureId, { errors: { ...draft.errors, form: { key: 'report.figuresInvalid' } } });
        return false;
      }
      if (!draft.fields.progress.trim() || !draft.report) {
        this.update(measureId, { errors: { ...draft.errors, progress: { key: 'report.progressRequired' } } });
        return false;
      }
      try {
        const report = await this.options.api.submit(draft.report.id, draft.report.version);
        const fields = fieldsFromReport(report);
        this.update(measureId, { report: meta(report), fields, saved: fields, save: { kind: 'idle' }, errors: {} });
        return true;
      } catch (error) {
        this.fail(measureId, classifyWriteError(error));
        return false;
      }
    } finally {
      this.update(measureId, { busy: null });
    }
  }

  /** The drafts 全部提交 sends: still editable, with progress written. */
  submittable(): MeasureDraft[] {
    return this.all().filter((d) => isEditableStatus(d.report?.status) && d.fields.progress.trim() !== '');
  }

  /** Submits every submittable draft, one after another; returns how many went and how many did not. */
  async submitAll(): Promise<{ submitted: number; failed: number }> {
    let submitted = 0;
    let failed = 0;
    for (const draft of this.submittable()) {
      if (await this.submit(draft.measureId)) submitted += 1;
      else failed += 1;
    }
    return { submitted, failed };
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  // --- internals ---

  private rowsOf(measureId: string): readonly FigureRow[] {
    return this.rows.get(measureId) ?? [];
  }

  private update(measureId: string, patch: Partial<MeasureDraft>): void {
    this.drafts.set(measureId, { ...this.get(measureId), ...patch });
    this.snapshot = null;
    this.listeners.forEach((listener) => listener());
  }

  private schedule(measureId: string): void {
    this.clearTimer(measureId);
    this.timers.set(
      measureId,
      setTimeout(() => void this.flush(measureId), this.delayMs),
    );
  }

  private clearTimer(measureId: string): void {
    const timer = this.timers.get(measureId);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(measureId);
  }

  /** One write at a time per measure: each needs the version the previous one returned. */
  private enqueue(measureId: string, task: () => Promise<void>): Promise<void> {
    const next = (this.queues.get(measureId) ?? Promise.resolve()).then(task);
    this.queues.set(measureId, next);
    void next.finally(() => {
      if (this.queues.get(measureId) === next) this.queues.delete(measureId);
    });
    return next;
  }

  private async runSave(measureId: string): Promise<void> {
    const draft = this.get(measureId);
    if (!isEditableStatus(draft.report?.status) || draft.save.kind === 'conflict' || draft.busy === 'loading') return;
    const plan = planSave(draft, {
      measureId,
      periodId: this.periods.get(measureId)!,
      agencyId: this.options.agencyId,
      rows: this.rowsOf(measureId),
    });
    if (!plan) {
      if (draft.save.kind === 'pending') this.update(measureId, { save: { kind: 'idle' } });
      return;
    }
    this.update(measureId, { save: { kind: 'saving' } });
    try {
      const report = await this.options.api.save(plan.input);
      const current = this.get(measureId);
      const caughtUp = sameFields(current.fields, plan.sent, this.rowsOf(measureId));
      this.update(measureId, {
        report: meta(report),
        saved: plan.sent,
        savedAt: this.now(),
        errors: {},
        save: caughtUp ? { kind: 'idle' } : { kind: 'pending' },
      });
      if (!caughtUp && !this.timers.has(measureId)) this.schedule(measureId); // typed during the save
    } catch (error) {
      this.fail(measureId, classifyWriteError(error, plan.figureKeys));
    }
  }

  private fail(measureId: string, failure: WriteFailure): void {
    const draft = this.get(measureId);
    switch (failure.kind) {
      case 'conflict':
        this.clearTimer(measureId);
        this.update(measureId, { save: { kind: 'conflict', reportId: failure.reportId ?? draft.report?.id ?? null } });
        return;
      case 'invalid':
        this.update(measureId, {
          errors: { ...draft.errors, [failure.target]: failure.message },
          save: { kind: 'failed', message: { key: 'report.save.invalid' }, retry: false },
        });
        return;
      case 'refused':
        this.update(measureId, { save: { kind: 'failed', message: failure.message, retry: false } });
        return;
      case 'failed':
        this.update(measureId, { save: { kind: 'failed', message: failure.message, retry: true } });
        return;
    }
  }
}
