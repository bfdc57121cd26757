import { act } from 'react';
import { MemoryRouter } from 'react-router';
import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { ChaseDeliveriesDocument, ChasingWebhooksDocument, ListFilterOptionsDocument } from '../../graphql/generated';
import { I18nProvider } from '../../app/i18n';
import ChasingPage from './ChasingPage';
import { DELIVERY_LIMIT } from './DeliveriesPanel';
import { testRoot, waitFor } from '../../testing/test-root';

const dom = testRoot();

const POLICY = '0b6f5a52-7f7e-4c6b-9a55-2a3f1e9c0d11';
const deliveries = (rows: unknown[], policyId: string | null = null) => ({
  request: { query: ChaseDeliveriesDocument, variables: { status: null, limit: DELIVERY_LIMIT, policyId } },
  result: { data: { chaseDeliveries: rows } },
});
const filterOptions = {
  request: { query: ListFilterOptionsDocument },
  result: {
    data: {
      policies: [
        { id: POLICY, title: '关于进一步稳就业的若干措施', docNumber: '江就办〔2024〕1号', status: 'PUBLISHED', periods: [], measures: [] },
      ],
      agencies: [],
    },
  },
};
const webhooks = { request: { query: ChasingWebhooksDocument }, result: { data: { agencies: [], agencyWebhooks: [] } } };

function render(mocks: MockedProviderProps['mocks'], url = '/chasing') {
  act(() => {
    dom.root.render(
      <MockedProvider mocks={[...(mocks ?? []), filterOptions]}>
        <I18nProvider initialLang="zh-Hans">
          <MemoryRouter initialEntries={[url]}>
            <ChasingPage />
          </MemoryRouter>
        </I18nProvider>
      </MockedProvider>,
    );
  });
}

describe('ChasingPage', () => {
  it('says when the job runs while nothing has been sent', async () => {
    render([deliveries([]), webhooks]);
    await waitFor(() => expect(dom.container.querySelector('[data-testid="deliveries-empty"]')?.textContent).toContain('每 10 分钟'));
    expect(dom.container.textContent).toContain('立即催办');
  });

  it('shows a failed delivery with its attempts and error', async () => {
    render([
      deliveries([
        {
          id: '1',
          channel: 'WECOM',
          agency: { id: 'a1', name: '台山市人民政府', shortName: '台山' },
          policies: [],
          recipients: null,
          urlHost: 'qyapi.weixin.qq.com',
          content: '催办：2024年第三季度报表逾期未报送',
          status: 'FAILED',
          attempts: 6,
          nextAttemptAt: null,
          lastError: 'HTTP 500',
          deliveredAt: null,
          createdAt: '2025-01-07T17:05:00.000Z',
        },
      ]),
      webhooks,
    ]);
    await waitFor(() => expect(dom.container.querySelector('[data-testid="delivery-error"]')?.textContent).toContain('HTTP 500'));
    expect(dom.container.querySelector('[data-testid="delivery-status"]')?.textContent).toContain('已尝试 6 次');
    expect(dom.container.textContent).toContain('2025-01-08 01:05');
  });

  it('asks for the policy in the URL and names each message’s policies', async () => {
    const row = {
      id: '2',
      channel: 'IN_APP',
      agency: { id: 'a1', name: '台山市人民政府', shortName: '台山' },
      policies: [{ id: POLICY, docNumber: '江就办〔2024〕1号', title: '关于进一步稳就业的若干措施' }],
      recipients: 2,
      urlHost: null,
      content: '催办',
      status: 'DELIVERED',
      attempts: 1,
      nextAttemptAt: null,
      lastError: null,
      deliveredAt: '2025-01-07T17:05:00.000Z',
      createdAt: '2025-01-07T17:05:00.000Z',
    };
    render([deliveries([row], POLICY), webhooks], `/chasing?policy=${POLICY}`);
    await waitFor(() =>
      expect(dom.container.querySelector('[data-testid="delivery-policies"]')?.textContent).toContain('江就办〔2024〕1号'),
    );
  });
});
