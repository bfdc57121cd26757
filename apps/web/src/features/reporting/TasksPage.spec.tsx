import { act } from 'react';
import { MemoryRouter } from 'react-router';
import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { ReportingQuartersDocument, ReportTasksDocument } from '../../graphql/generated';
import { I18nProvider } from '../../app/i18n';
import TasksPage from './TasksPage';
import { testRoot, waitFor } from '../../testing/test-root';

const dom = testRoot();

const older = { __typename: 'Policy', id: 'p-old', docNumber: '江就辦〔2023〕5號', title: '關于做好高校畢業生就業工作的通知' };
const newer = { __typename: 'Policy', id: 'p-new', docNumber: '江就辦〔2024〕1號', title: '江門市穩就業若干措施' };
const counts = (c: Partial<Record<'notStarted' | 'draft' | 'submitted' | 'returned' | 'accepted', number>>) => ({
  __typename: 'TaskStateCounts',
  notStarted: 0,
  draft: 0,
  submitted: 0,
  returned: 0,
  accepted: 0,
  ...c,
});
const part = (policy: typeof older, label: string, dueOn: string, taskCount: number) => ({
  __typename: 'QuarterPolicy',
  policy,
  period: { __typename: 'ReportingPeriod', id: `${policy.id}-${label}`, label },
  dueOn,
  extendedDueOn: null,
  overdue: true,
  taskCount,
});
const quarter = (label: string, dueOn: string, c: ReturnType<typeof counts>, open = true) => ({
  __typename: 'ReportingQuarter',
  quarter: label,
  startsOn: '2024-10-01',
  endsOn: '2024-12-31',
  dueOn,
  overdue: open,
  open,
  taskCount: 3,
  counts: c,
  policies: [part(older, label, dueOn, 1), part(newer, label, dueOn, 2)],
});
const task = (policy: typeof older, seq: number, state = 'NOT_STARTED') => ({
  __typename: 'ReportTask',
  role: 'CO',
  state,
  overdue: true,
  dueOn: '2025-01-10',
  extendedDueOn: null,
  policy,
  agency: { __typename: 'Agency', id: 'ts', name: '台山市' },
  period: { __typename: 'ReportingPeriod', id: `${policy.id}-2024Q4`, label: '2024Q4', dueOn: '2025-01-10' },
  measure: { __typename: 'Measure', id: `${policy.id}-${seq}`, seq, title: `（${seq}）措施` },
  report: null,
});

const mocks: MockedProviderProps['mocks'] = [
  {
    request: { query: ReportingQuartersDocument },
    result: {
      data: {
        myReportingQuarters: [
          quarter('2024Q4', '2025-01-10', counts({ notStarted: 3 })),
          quarter('2024Q3', '2024-10-10', counts({ accepted: 2, returned: 1 })),
        ],
      },
    },
  },
  {
    request: { query: ReportTasksDocument, variables: { quarter: '2024Q4' } },
    result: { data: { reportTasks: [task(older, 2), task(newer, 1), task(newer, 7)] } },
  },
];

describe('TasksPage (我的填报 by quarter)', () => {
  it('opens on the quarter due first, its measures grouped by policy, and points to a quarter with a returned report', async () => {
    act(() => {
      dom.root.render(
        <MockedProvider mocks={mocks}>
          <I18nProvider initialLang="zh-Hans">
            <MemoryRouter initialEntries={['/tasks']}>
              <TasksPage />
            </MemoryRouter>
          </I18nProvider>
        </MockedProvider>,
      );
    });
    // Two queries in turn (the quarters, then the chosen quarter's tasks): room for a busy machine.
    await waitFor(() => expect(dom.container.querySelectorAll('[data-testid="policy-group"]')).toHaveLength(2), 15_000);
    const quarters = [...dom.container.querySelectorAll('[data-testid="quarter"]')];
    expect(quarters.map((q) => [q.getAttribute('data-quarter'), q.getAttribute('aria-pressed')])).toEqual([
      ['2024Q4', 'true'],
      ['2024Q3', 'false'],
    ]);
    expect(quarters[0].querySelectorAll('[data-testid="quarter-policy"]')).toHaveLength(2);
    const groups = [...dom.container.querySelectorAll('[data-testid="policy-group"]')];
    expect(
      groups.map((g) => [
        g.getAttribute('data-policy'),
        [...g.querySelectorAll('[data-testid="task"]')].map((t) => t.getAttribute('data-measure-seq')),
      ]),
    ).toEqual([
      ['江就辦〔2023〕5號', ['2']],
      ['江就辦〔2024〕1號', ['1', '7']],
    ]);
    expect(groups[0].textContent).toContain('关于做好高校毕业生就业工作的通知');
    expect(dom.container.querySelector('[data-testid="returned-elsewhere"]')?.textContent).toContain('2024年第三季度（1 项）');
    expect(dom.container.querySelector('[data-testid="fill-report"]')?.textContent).toContain('填报本季度');
  }, 20_000);
});
