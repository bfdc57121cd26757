import { act } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import {
  DashboardCountyListDocument,
  DashboardOverviewDocument,
  DashboardPolicyDocument,
  SimplifiedTextsDocument,
} from '../../graphql/generated';
import { I18nProvider } from '../../app/i18n';
import DashboardPage from './DashboardPage';
import { testRoot, waitFor } from '../../testing/test-root';

type Mock = MockedProviderProps['mocks'];

// Records whether opencc's converter was asked for (the dashboard should not need it).
const mockOpenccLoaded = jest.fn();
jest.mock('opencc-js/t2cn', () => {
  mockOpenccLoaded();
  return { ConverterFactory: () => (text: string) => `opencc:${text}`, Locale: { from: { tw: [], hk: [] }, to: { cn: [] } } };
});

const dom = testRoot();

const period = (id: string, label: string) => ({ id, label, startsOn: '2024-07-01', endsOn: '2024-09-30', dueOn: '2024-10-10' });
const P1 = period('p1', '2024Q3');
// Not yet due (its due date is to come): without reports, the dashboard walks back past it.
const P2 = { ...period('p2', '2024Q4'), startsOn: '2024-10-01', endsOn: '2024-12-31', dueOn: '2999-01-10' };

const policyMock = {
  request: { query: DashboardPolicyDocument, variables: { policyId: 'pol' } },
  result: {
    data: {
      appInfo: { demoData: true },
      policy: {
        __typename: 'Policy',
        id: 'pol',
        status: 'PUBLISHED',
        docNumber: '江就辦〔2024〕1號',
        currentPeriod: { id: 'p2', label: '2024Q4' },
        periods: [P1, P2],
      },
    },
  },
};
const countiesMock = { request: { query: DashboardCountyListDocument }, result: { data: { agencies: [] } } };
const emptyOverview = (p: typeof P1) => ({
  request: { query: DashboardOverviewDocument, variables: { policyId: 'pol', periodId: p.id, countyId: null } },
  result: {
    data: { policyOverview: { __typename: 'PolicyOverview', hasReports: false, period: p, targets: [], measures: [], compliance: [] } },
  },
});

function render(mocks: Mock, url = '/p/pol/dashboard') {
  act(() => {
    dom.root.render(
      <MockedProvider mocks={mocks}>
        <I18nProvider initialLang="zh-Hans">
          <MemoryRouter initialEntries={[url]}>
            <Routes>
              <Route path="/p/:policyId/dashboard" element={<DashboardPage />} />
            </Routes>
          </MemoryRouter>
        </I18nProvider>
      </MockedProvider>,
    );
  });
}

const text = () => dom.container.textContent ?? '';

describe('DashboardPage', () => {
  // First: later tests have no SimplifiedTexts answer, so they fall back to opencc (loaded once per file).
  it('shows the policy texts simplified from the API list, without loading opencc', async () => {
    const simplifiedMock = {
      request: { query: SimplifiedTextsDocument, variables: { policyId: 'pol' } },
      result: { data: { simplifiedTexts: [{ text: '江就辦〔2024〕1號', simplified: '江就办〔2024〕1号' }] } },
    };
    render([policyMock, countiesMock, simplifiedMock, emptyOverview(P2), emptyOverview(P1)]);
    await waitFor(() => expect(text()).toContain('江就办〔2024〕1号'));
    await waitFor(() => expect(text()).toContain('本期暂无已提交的报告'));
    expect(mockOpenccLoaded).not.toHaveBeenCalled();
  });

  it('walks back from a current period not yet due, stops at one that is due even without reports; shows the demo banner', async () => {
    render([policyMock, countiesMock, emptyOverview(P2), emptyOverview(P1)]);
    expect(dom.container.querySelector('[data-testid="dashboard-loading"]')).not.toBeNull();
    await waitFor(() => expect(text()).toContain('本期暂无已提交的报告'));
    expect(text()).toContain('演示数据：以下内容为系统生成的示例，仅供体验');
    // It looked at the current quarter (not yet due), found nothing, and settled on the earlier one, due.
    expect(dom.container.querySelector('[data-testid="dashboard"]')!.getAttribute('data-period-id')).toBe('p1');
  });

  it('keeps the period of the address even without reports', async () => {
    render([policyMock, countiesMock, emptyOverview(P2)], '/p/pol/dashboard?period=p2');
    await waitFor(() => expect(text()).toContain('本期暂无已提交的报告'));
    expect(dom.container.querySelector('[data-testid="dashboard"]')!.getAttribute('data-period-id')).toBe('p2');
  });

  it('offers a retry when the data cannot be loaded', async () => {
    render([
      policyMock,
      countiesMock,
      {
        request: { query: DashboardOverviewDocument, variables: { policyId: 'pol', periodId: 'p2', countyId: null } },
        error: new Error('服务器开小差了'),
      },
    ]);
    await waitFor(() => expect(text()).toContain('加载失败'));
    expect(text()).toContain('服务器开小差了');
    expect(text()).toMatch(/重\s?试/); // antd spaces a two-character button outside the app's ConfigProvider
  });
});
