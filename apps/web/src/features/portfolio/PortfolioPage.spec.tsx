import { act } from 'react';
import { MemoryRouter } from 'react-router';
import { MockedProvider } from '@apollo/client/testing/react';
import { PortfolioDocument } from '../../graphql/generated';
import { I18nProvider } from '../../app/i18n';
import PortfolioPage from './PortfolioPage';
import { testRoot, waitFor } from '../../testing/test-root';

jest.mock('opencc-js/t2cn', () => ({
  ConverterFactory: () => (text: string) => text,
  Locale: { from: { tw: [], hk: [] }, to: { cn: [] } },
}));

const dom = testRoot();

const standing = (id: string, title: string, attention: number, red: number, late: string[]) => ({
  __typename: 'PolicyStanding',
  policy: { __typename: 'Policy', id, docNumber: `${id}号`, title, issuedOn: '2024-07-26' },
  period: { __typename: 'ReportingPeriod', id: `${id}-q3`, label: '2024Q3' },
  timeElapsed: 0.75,
  completion: 0.4,
  lights: { __typename: 'TargetLights', green: 1, yellow: 0, red, noData: 0 },
  lateUnits: late.map((shortName, i) => ({ __typename: 'Agency', id: `${id}-u${i}`, shortName })),
  openItems: 2,
  overdueItems: 1,
  attention,
});

const mock = {
  request: { query: PortfolioDocument },
  result: {
    data: {
      policyPortfolio: [standing('b', '高校毕业生专项', 12, 3, ['台山', '开平']), standing('a', '稳就业措施', 4, 0, [])],
      countyPortfolio: [
        {
          __typename: 'CountyStanding',
          county: { __typename: 'Agency', id: 'c1', shortName: '台山' },
          lights: { __typename: 'TargetLights', green: 0, yellow: 1, red: 2, noData: 3 },
          lateReports: 4,
          policiesLate: 2,
        },
      ],
      unitCompliance: [
        {
          __typename: 'UnitComplianceAcrossPolicies',
          agency: { __typename: 'Agency', id: 'u1', shortName: '市人社局' },
          policies: 2,
          due: 4,
          onTime: 1,
          late: 1,
          missing: 2,
          onTimeRate: 0.25,
        },
      ],
    },
  },
};

describe('PortfolioPage', () => {
  it('shows every policy in the API’s order, lights in words, late units, and a link into each dashboard', async () => {
    act(() => {
      dom.root.render(
        <MockedProvider mocks={[mock]}>
          <I18nProvider initialLang="zh-Hans">
            <MemoryRouter initialEntries={['/portfolio']}>
              <PortfolioPage />
            </MemoryRouter>
          </I18nProvider>
        </MockedProvider>,
      );
    });
    await waitFor(() => expect(dom.container.querySelectorAll('[data-testid="portfolio-policy"]')).toHaveLength(2));
    const cards = [...dom.container.querySelectorAll('[data-testid="portfolio-policy"]')];
    expect(cards.map((c) => c.getAttribute('data-policy-id'))).toEqual(['b', 'a']);
    expect(cards[0].textContent).toContain('明显滞后 3');
    expect(cards[0].textContent).toContain('逾期未报 2 个单位');
    expect(cards[0].textContent).toContain('台山、开平');
    expect(cards[0].textContent).toContain('任务完成 40%，时间进度 75%');
    expect(cards[0].textContent).toContain('落后时间进度 35 个百分点');
    expect(cards[1].textContent).toContain('无逾期未报单位');
    expect(cards[0].querySelector('a[data-testid="portfolio-open"]')!.getAttribute('href')).toBe('/p/b/dashboard');
    const counties = dom.container.querySelector('[data-testid="portfolio-counties"]')!.textContent;
    expect(counties).toContain('无数据 3');
    const units = dom.container.querySelector('[data-testid="portfolio-units"]')!.textContent;
    expect(units).toContain('市人社局');
    expect(units).toContain('25% 较差');
  });
});
