import { act } from 'react';
import { MemoryRouter } from 'react-router';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { I18nProvider } from '../../app/i18n';
import { loadTraditionalToSimplified } from '../../shared/opencc';
import type { SavedReport } from './draft';
import { ReportDraftStore, type DraftApi } from './draft-store';
import { buildFigureGrid, gridRows } from './figure-grid';
import { MeasureReportCard, type FormTask } from './MeasureReportCard';
import { testRoot } from '../../testing/test-root';

const taishan = { id: 'ts', name: '台山市', regionCode: '440781' };
const task: FormTask = {
  policy: { id: 'p1', docNumber: '江就辦〔2024〕1號', title: '江门市稳就业若干措施' },
  role: 'CO',
  state: 'NOT_STARTED',
  overdue: false,
  extendedDueOn: null,
  agency: { id: 'ts', name: '台山市', kind: 'COUNTY' },
  period: { id: 'p', label: '2024Q4', startsOn: '2024-10-01', dueOn: '2025-01-10' },
  measure: {
    id: 'm7',
    seq: 7,
    title: '鼓勵吸納青年就業',
    targets: [
      {
        id: 't7',
        name: '見習崗位',
        unit: '個',
        targetValue: 3000,
        direction: 'AT_LEAST',
        year: 2024,
        quotas: [{ county: { id: 'ts' }, quota: 500 }],
      },
    ],
  },
  report: null,
  previousReport: {
    id: 'old',
    period: { id: 'q3', label: '2024Q3' },
    progress: '上季度的进展',
    problems: '',
    nextSteps: '',
    unitStatus: null,
    values: [{ target: { id: 't7' }, county: { id: 'ts' }, value: 80 }],
  },
};
const grid = buildFigureGrid({
  targets: task.measure.targets,
  counties: [taishan],
  agency: task.agency,
  periodYear: 2024,
  previousValues: task.previousReport?.values,
});

function savedReport(patch: Partial<SavedReport>): SavedReport {
  return {
    id: 'r1',
    version: 1,
    status: 'DRAFT',
    progress: '',
    problems: '',
    nextSteps: '',
    unitStatus: null,
    reviewComment: null,
    updatedAt: '2024-10-05T02:00:00Z',
    values: [],
    ...patch,
  };
}

const api: DraftApi = {
  save: jest.fn(async () => savedReport({})),
  submit: jest.fn(async () => savedReport({ status: 'SUBMITTED' })),
  fetchLatest: jest.fn(async () => savedReport({})),
};

const dom = testRoot();

// Loaded up front, so the first render already shows simplified characters.
beforeAll(() => loadTraditionalToSimplified());

// jsdom has no layout: antd's auto-sizing TextArea measures NaN and React logs it. Only that.
const consoleError = console.error;
beforeAll(() => {
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (String(args[0]).includes('is an invalid value for the') && args.includes('height')) return;
    consoleError(...args);
  });
});
afterAll(() => jest.restoreAllMocks());

function render(report: SavedReport | null) {
  const store = new ReportDraftStore({ periodId: 'p', agencyId: 'ts', api, delayMs: 60_000 }, [
    { measureId: 'm7', report, rows: gridRows(grid) },
  ]);
  act(() => {
    dom.root.render(
      <MemoryRouter>
        <I18nProvider initialLang="zh-Hans">
          <MeasureReportCard store={store} task={{ ...task, report }} grid={grid} />
        </I18nProvider>
      </MemoryRouter>,
    );
  });
  return store;
}

/** Types as a person would: React listens to the input event with the native value set. */
function type(element: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), 'value')?.set;
  act(() => {
    setter?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const text = () => dom.container.textContent ?? '';
const figureInput = () => dom.container.querySelector<HTMLInputElement>('input[aria-label="见习岗位 台山市"]')!;

describe('MeasureReportCard', () => {
  it('shows the target, last period’s figure and the quota beside the county’s input', () => {
    render(null);
    expect(text()).toContain('（七）鼓励吸纳青年就业');
    expect(text()).toContain('目标：不少于 3,000 个（2024年）');
    expect(text()).toContain('上期 80 · 任务 500');
    expect(figureInput()).not.toBeNull();
  });

  it('checks a figure as typed, in Chinese, and holds it back from saving', () => {
    render(null);
    type(figureInput(), '-3');
    expect(text()).toContain('不能为负数');
    expect(text()).toContain('数据有误，暂未保存');
    type(figureInput(), '三十');
    expect(text()).toContain('请输入数字');
    type(figureInput(), '30');
    expect(text()).not.toContain('请输入数字');
    expect(text()).toContain('有未保存的修改');
  });

  it('shows the office’s comment on a returned report, and lets the unit edit it', () => {
    render(savedReport({ status: 'RETURNED', progress: '原进展', reviewComment: '请补充行业分布' }));
    expect(text()).toContain('办公室退回了这项报告');
    expect(text()).toContain('请补充行业分布');
    expect(dom.container.querySelector<HTMLTextAreaElement>('[data-testid="field-progress"]')?.value).toBe('原进展');
  });

  it('shows a submitted report read-only', () => {
    render(
      savedReport({ status: 'SUBMITTED', progress: '已提交的进展', values: [{ target: { id: 't7' }, county: { id: 'ts' }, value: 120 }] }),
    );
    expect(dom.container.querySelector('textarea')).toBeNull();
    expect(figureInput()).toBeNull();
    expect(text()).toContain('已提交，等待办公室审核');
    expect(text()).toContain('已提交的进展');
    expect(text()).toContain('120 个');
  });

  it('warns of a conflict and keeps the words in the form', async () => {
    (api.save as jest.Mock).mockRejectedValueOnce(
      new CombinedGraphQLErrors({
        data: null,
        errors: [{ message: '报告已被他人修改', extensions: { code: 'CONFLICT', currentVersion: 3 } }],
      }),
    );
    const store = render(savedReport({ progress: 'a' }));
    type(dom.container.querySelector<HTMLTextAreaElement>('[data-testid="field-progress"]')!, '我的文字');
    await act(() => store.flush('m7'));
    expect(dom.container.querySelector('[data-testid="conflict-alert"]')).not.toBeNull();
    expect(text()).toContain('载入最新版本');
    expect(dom.container.querySelector<HTMLTextAreaElement>('[data-testid="field-progress"]')?.value).toBe('我的文字');
  });
});
