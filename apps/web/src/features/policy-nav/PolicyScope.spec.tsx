import { act } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { LegacyLinkPoliciesDocument, PolicyChoicesDocument } from '../../graphql/generated';
import { I18nProvider } from '../../app/i18n';
import PolicyScope from './PolicyScope';
import { LegacyMeasureRedirect, LegacyPolicyRedirect } from './LegacyRedirects';
import { testRoot, waitFor } from '../../testing/test-root';

const dom = testRoot();
afterEach(() => window.localStorage.clear());

const policy = (id: string, status: 'DRAFT' | 'PUBLISHED') => ({
  __typename: 'Policy' as const,
  id,
  status,
  docNumber: `${id}号`,
  title: `${id}的通知`,
  issuedOn: '2024-07-26',
});
const choicesMock = {
  request: { query: PolicyChoicesDocument },
  result: { data: { policies: [policy('draft', 'DRAFT'), policy('new', 'PUBLISHED'), policy('old', 'PUBLISHED')] } },
};
const linksMock = {
  request: { query: LegacyLinkPoliciesDocument },
  result: {
    data: {
      policies: [
        {
          __typename: 'Policy',
          id: 'new',
          status: 'PUBLISHED',
          periods: [{ __typename: 'ReportingPeriod', id: 'q-new' }],
          measures: [{ __typename: 'Measure', id: 'm-new' }],
        },
        {
          __typename: 'Policy',
          id: 'old',
          status: 'PUBLISHED',
          periods: [{ __typename: 'ReportingPeriod', id: 'q-old' }],
          measures: [{ __typename: 'Measure', id: 'm-old' }],
        },
      ],
    },
  },
};

function Where() {
  const { pathname, search } = useLocation();
  return <div data-testid="where">{`${pathname}${search}`}</div>;
}

function render(url: string, mocks: MockedProviderProps['mocks'] = [choicesMock, linksMock]) {
  act(() => {
    dom.root.render(
      <MockedProvider mocks={mocks}>
        <I18nProvider initialLang="zh-Hans">
          <MemoryRouter initialEntries={[url]}>
            <Routes>
              <Route index element={<LegacyPolicyRedirect />} />
              <Route path="dashboard" element={<LegacyPolicyRedirect />} />
              <Route path="dashboard/measure/:measureId" element={<LegacyMeasureRedirect />} />
              <Route path="p/:policyId" element={<PolicyScope />}>
                <Route path="*" element={<Where />} />
                <Route index element={<Where />} />
              </Route>
            </Routes>
          </MemoryRouter>
        </I18nProvider>
      </MockedProvider>,
    );
  });
}

const where = () => dom.container.querySelector('[data-testid="where"]')?.textContent;
const text = () => dom.container.textContent ?? '';

describe('the policy in the address', () => {
  it('shows a published policy’s page and remembers it as the visitor’s choice', async () => {
    render('/p/old/dashboard');
    expect(where()).toBe('/p/old/dashboard'); // at once, without waiting for the list
    await waitFor(() => expect(window.localStorage.getItem('luoshi.policy')).toBe('old'));
  });

  it.each(['draft', 'nope'])('says in words that policy %s is not there', async (id) => {
    render(`/p/${id}`);
    await waitFor(() => expect(text()).toContain('没有这份政策文件'));
    expect(where()).toBeUndefined();
    expect(window.localStorage.getItem('luoshi.policy')).toBeNull();
  });

  it('leads `/` to the newest published policy when none was chosen', async () => {
    render('/');
    await waitFor(() => expect(where()).toBe('/p/new'));
  });

  it('leads `/` to the remembered policy', async () => {
    window.localStorage.setItem('luoshi.policy', 'old');
    render('/');
    await waitFor(() => expect(where()).toBe('/p/old'));
  });

  it('leads an old dashboard link to the policy of its period, the query kept', async () => {
    render('/dashboard?period=q-old');
    await waitFor(() => expect(where()).toBe('/p/old/dashboard?period=q-old'));
  });

  it('leads an old measure link to the measure’s policy', async () => {
    render('/dashboard/measure/m-old');
    await waitFor(() => expect(where()).toBe('/p/old/dashboard/measure/m-old'));
  });

  it('a measure of no published policy is a 404 in words', async () => {
    render('/dashboard/measure/m-gone');
    await waitFor(() => expect(text()).toContain('没有这份政策文件'));
  });
});
