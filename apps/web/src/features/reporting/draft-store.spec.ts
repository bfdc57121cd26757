import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { SaveProgressReportInput } from '../../graphql/generated';
import type { SavedReport } from './draft';
import { ReportDraftStore, type DraftApi } from './draft-store';

const rows = [{ key: 't7/ts', targetId: 't7', county: { id: 'ts', name: '台山市' }, previous: null, quota: null }];

function report(patch: Partial<SavedReport> = {}): SavedReport {
  return {
    id: 'r1',
    version: 1,
    status: 'DRAFT',
    progress: '',
    problems: '',
    nextSteps: '',
    unitStatus: null,
    reviewComment: null,
    updatedAt: '2024-10-01T00:00:00Z',
    values: [],
    ...patch,
  };
}

const conflict = () =>
  new CombinedGraphQLErrors({ data: null, errors: [{ message: '报告已被他人修改', extensions: { code: 'CONFLICT', currentVersion: 5 } }] });

/** A fake API that behaves like the server: versions go up by one per write. */
function fakeApi() {
  let server = report({ version: 0 });
  const saves: SaveProgressReportInput[] = [];
  let gate: Promise<void> | null = null;
  const api: DraftApi & {
    saves: typeof saves;
    server: () => SavedReport;
    setServer: (r: SavedReport) => void;
    failNext: (e: unknown) => void;
    /** Holds saves back (a slow network) until the returned function is called. */
    hold: () => () => void;
  } = {
    saves,
    hold: () => {
      let release = () => undefined as void;
      gate = new Promise<void>((ok) => (release = ok));
      return () => {
        gate = null;
        release();
      };
    },
    server: () => server,
    setServer: (r) => (server = r),
    failNext: (e) => (failure = e),
    async save(input) {
      saves.push(input);
      if (gate) await gate;
      if (failure) {
        const e = failure;
        failure = undefined;
        throw e;
      }
      if (input.id && input.version !== server.version) throw conflict();
      const values = input.values
        ? input.values.map((v) => ({ target: { id: String(v.targetId) }, county: { id: String(v.countyId) }, value: v.value }))
        : server.values;
      server = {
        ...server,
        version: server.version + 1,
        progress: input.progress ?? server.progress,
        problems: input.problems ?? server.problems,
        nextSteps: input.nextSteps ?? server.nextSteps,
        unitStatus: input.unitStatus ?? server.unitStatus,
        values,
      };
      return server;
    },
    async submit(id, version) {
      if (version !== server.version) throw conflict();
      server = { ...server, version: server.version + 1, status: 'SUBMITTED' };
      return server;
    },
    async fetchLatest() {
      return server;
    },
  };
  let failure: unknown;
  return api;
}

function storeWith(api: DraftApi, existing: SavedReport | null = null) {
  return new ReportDraftStore({ periodId: 'p', agencyId: 'ts', api, delayMs: 1500, now: () => new Date(2024, 9, 8, 14, 30) }, [
    { measureId: 'm7', report: existing, rows },
  ]);
}

/** Lets the fake API's promises settle. */
const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('autosave', () => {
  it('saves 1.5 s after typing stops: creates the draft, then updates the version returned', async () => {
    const api = fakeApi();
    const store = storeWith(api);
    store.edit('m7', { progress: '已' });
    jest.advanceTimersByTime(1000);
    store.edit('m7', { progress: '已开展' });
    expect(store.get('m7').save.kind).toBe('pending');
    jest.advanceTimersByTime(1499);
    expect(api.saves).toHaveLength(0);
    jest.advanceTimersByTime(1);
    await settle();
    expect(api.saves).toHaveLength(1);
    expect(api.saves[0]).toMatchObject({ measureId: 'm7', periodId: 'p', agencyId: 'ts', progress: '已开展' });
    expect(store.get('m7')).toMatchObject({ save: { kind: 'idle' }, report: { id: 'r1', version: 1 } });
    expect(store.get('m7').savedAt).toEqual(new Date(2024, 9, 8, 14, 30));

    store.editFigure('m7', 't7/ts', '120');
    await store.flush('m7'); // on blur: at once
    expect(api.saves[1]).toMatchObject({ id: 'r1', version: 1, values: [{ targetId: 't7', countyId: 'ts', value: 120 }] });
    expect(store.get('m7').report?.version).toBe(2);
  });

  it('saves nothing when the text is back to what the server has', async () => {
    const api = fakeApi();
    const store = storeWith(api);
    store.edit('m7', { progress: 'x' });
    store.edit('m7', { progress: '' });
    expect(store.get('m7').save.kind).toBe('idle');
    jest.advanceTimersByTime(5000);
    await settle();
    expect(api.saves).toHaveLength(0);
  });

  it('saves again what was typed while a save was on its way, on the new version', async () => {
    const api = fakeApi();
    const store = storeWith(api);
    const release = api.hold();
    store.edit('m7', { progress: 'a' });
    const first = store.flush('m7');
    await settle();
    expect(store.get('m7').save.kind).toBe('saving');
    store.edit('m7', { progress: 'ab' });
    release();
    await first;
    expect(store.get('m7').save.kind).toBe('pending');
    jest.advanceTimersByTime(1500);
    await settle();
    expect(api.saves.map((s) => [s.progress, s.version ?? null])).toEqual([
      ['a', null],
      ['ab', 1],
    ]);
  });

  it('keeps a bad figure in the form, unsent, while the texts still save', async () => {
    const api = fakeApi();
    const store = storeWith(api);
    store.edit('m7', { progress: 'x' });
    store.editFigure('m7', 't7/ts', '12o');
    await store.flush('m7');
    expect(api.saves[0].values).toBeUndefined();
    expect(store.get('m7').fields.figures['t7/ts']).toBe('12o');
  });

  it('shows a failed save with a retry, and retries', async () => {
    const api = fakeApi();
    const store = storeWith(api);
    api.failNext(new TypeError('Failed to fetch'));
    store.edit('m7', { progress: 'x' });
    await store.flush('m7');
    expect(store.get('m7').save).toEqual({ kind: 'failed', retry: true, message: { key: 'report.save.network' } });
    await store.retry('m7');
    expect(store.get('m7').save.kind).toBe('idle');
    expect(api.server().progress).toBe('x');
  });
});

describe('a conflict (the same draft edited in another tab)', () => {
  it('keeps the person’s words, stops autosaving, and lets them load the latest and re-apply', async () => {
    const api = fakeApi();
    api.setServer(report({ version: 1, progress: 'old' }));
    const store = storeWith(api, report({ version: 1, progress: 'old' }));
    api.setServer(report({ version: 2, progress: 'from the other tab' }));

    store.edit('m7', { progress: 'my words' });
    await store.flush('m7');
    expect(store.get('m7').save.kind).toBe('conflict');
    expect(store.get('m7').fields.progress).toBe('my words');

    store.edit('m7', { progress: 'my words, more' });
    jest.advanceTimersByTime(10_000);
    await settle();
    expect(api.saves).toHaveLength(1); // no autosave while in conflict

    await store.loadLatest('m7');
    expect(store.get('m7')).toMatchObject({
      save: { kind: 'idle' },
      report: { version: 2 },
      fields: { progress: 'from the other tab' },
      mine: { progress: 'my words, more' },
    });

    store.reapplyMine('m7');
    await store.flush('m7');
    expect(api.saves[1]).toMatchObject({ id: 'r1', version: 2, progress: 'my words, more' });
    expect(store.get('m7').mine).toBeNull();
    expect(api.server().progress).toBe('my words, more');
  });

  it('shows a report submitted from elsewhere read-only, with the person’s words kept aside', async () => {
    const api = fakeApi();
    api.setServer(report({ version: 1 }));
    const store = storeWith(api, report({ version: 1 }));
    api.setServer(report({ version: 2, status: 'SUBMITTED', progress: 'sent' }));
    store.edit('m7', { progress: 'mine' });
    await store.flush('m7');
    await store.loadLatest('m7');
    expect(store.get('m7').report?.status).toBe('SUBMITTED');
    expect(store.get('m7').mine?.progress).toBe('mine');
    store.edit('m7', { progress: 'ignored' });
    expect(store.get('m7').fields.progress).toBe('sent');
  });
});

describe('submitting', () => {
  it('saves first, then submits the version saved', async () => {
    const api = fakeApi();
    const store = storeWith(api);
    store.edit('m7', { progress: '已开展' });
    expect(await store.submit('m7')).toBe(true);
    expect(store.get('m7').report).toMatchObject({ status: 'SUBMITTED', version: 2 });
    store.edit('m7', { progress: 'changed' });
    expect(store.get('m7').fields.progress).toBe('已开展'); // read-only once submitted
  });

  it('asks for progress text first', async () => {
    const api = fakeApi();
    const store = storeWith(api);
    store.edit('m7', { problems: 'only problems' });
    expect(await store.submit('m7')).toBe(false);
    expect(store.get('m7').errors.progress).toEqual({ key: 'report.progressRequired' });
  });

  it('submits every draft with progress text at once', async () => {
    const api = fakeApi();
    const store = new ReportDraftStore({ periodId: 'p', agencyId: 'ts', api }, [
      { measureId: 'm7', report: null, rows },
      { measureId: 'm8', report: null, rows: [] },
    ]);
    store.edit('m7', { progress: 'x' });
    expect(store.submittable().map((d) => d.measureId)).toEqual(['m7']);
    expect(await store.submitAll()).toEqual({ submitted: 1, failed: 0 });
    expect(store.hasUnsaved()).toBe(false);
  });
});

describe('a quarter’s form over several policies', () => {
  it('saves each measure in its own policy’s period', async () => {
    const api = fakeApi();
    const store = new ReportDraftStore({ agencyId: 'ts', api }, [
      { measureId: 'a7', periodId: 'qa', report: null, rows: [] },
      { measureId: 'b7', periodId: 'qb', report: null, rows: [] },
    ]);
    store.edit('a7', { progress: '甲' });
    store.edit('b7', { progress: '乙' });
    await store.flushAll();
    expect(api.saves.map((s) => [s.measureId, s.periodId])).toEqual([
      ['a7', 'qa'],
      ['b7', 'qb'],
    ]);
  });
});
