import { act } from 'react';
import { MemoryRouter } from 'react-router';
import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { AuditFilterOptionsDocument, AuditRecordsDocument } from '../../graphql/generated';
import { I18nProvider } from '../../app/i18n';
import AuditPage, { AUDIT_PAGE_SIZE } from './AuditPage';
import { testRoot, waitFor } from '../../testing/test-root';

const dom = testRoot();

const UNIT = '4b1f3c2a-1111-4222-8333-944444444444';
const record = (id: string, over: Record<string, unknown> = {}) => ({
  __typename: 'AuditRecord',
  id,
  at: '2024-10-08T01:02:03.000Z',
  username: 'office1',
  user: { __typename: 'User', id: 'u1', agency: null },
  action: 'SET_AGENCY_WEBHOOK',
  kind: 'SETTINGS',
  entity: 'agency_webhook',
  entityId: UNIT,
  before: '{"kind":"WECOM","url":"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***"}',
  after: '{"kind":"DINGTALK","url":"https://oapi.dingtalk.com/robot/send?access_token=***"}',
  requestId: 'req-1',
  ...over,
});
const page = (records: unknown[], endCursor: string | null, totalCount: number) => ({
  __typename: 'AuditPage',
  records,
  endCursor,
  hasNextPage: endCursor !== null,
  totalCount,
  totalCountCapped: false,
});
const options = {
  request: { query: AuditFilterOptionsDocument },
  result: {
    data: {
      agencies: [{ __typename: 'Agency', id: UNIT, kind: 'COUNTY', name: '台山市', shortName: '台山' }],
      users: [{ __typename: 'User', id: 'u1', username: 'office1' }],
    },
  },
};

function render(mocks: MockedProviderProps['mocks']) {
  act(() => {
    dom.root.render(
      <MockedProvider mocks={mocks}>
        <I18nProvider initialLang="zh-Hans">
          <MemoryRouter>
            <AuditPage />
          </MemoryRouter>
        </I18nProvider>
      </MockedProvider>,
    );
  });
}

const rows = () => [...dom.container.querySelectorAll('[data-testid="audit-row"]')];

jest.setTimeout(30_000);

describe('AuditPage', () => {
  it('lists records in words, loads the next page, and opens before/after with the changed keys marked', async () => {
    render([
      {
        request: { query: AuditRecordsDocument, variables: { filter: {}, first: AUDIT_PAGE_SIZE } },
        result: { data: { auditRecords: page([record('2')], 'c1', 2) } },
      },
      {
        request: { query: AuditRecordsDocument, variables: { filter: {}, first: AUDIT_PAGE_SIZE, after: 'c1' } },
        result: {
          data: {
            auditRecords: page(
              [
                record('1', {
                  action: 'SIGN_IN',
                  kind: 'ACCOUNT',
                  entity: 'user_session',
                  entityId: 's1',
                  before: null,
                  after: '{"username":"office1"}',
                }),
              ],
              null,
              2,
            ),
          },
        },
      },
      options,
    ]);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(dom.container.querySelector('[data-testid="audit-count"]')?.textContent).toBe('共 2 条');
    expect(dom.container.querySelector('[data-testid="audit-what"]')?.textContent).toBe('政策与设置设置群机器人地址');
    await waitFor(() => expect(dom.container.querySelector('[data-testid="audit-on"]')?.textContent).toBe('群机器人 · 台山市'));

    act(() => (dom.container.querySelector('[data-testid="audit-more"]') as HTMLButtonElement).click());
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(dom.container.querySelector('[data-testid="audit-more"]')).toBeNull();
    expect(dom.container.textContent).toContain('登录');

    const expand = dom.container.querySelector(
      '[data-testid="audit-row"] .ant-table-row-expand-icon, [data-testid="audit-toggle"]',
    ) as HTMLElement;
    act(() => expand.click());
    await waitFor(() => expect(dom.container.querySelector('[data-testid="audit-changes"]')).not.toBeNull());
    const diff = [...dom.container.querySelectorAll('[data-testid="audit-diff-row"]')];
    expect(diff.map((r) => r.getAttribute('data-changed'))).toEqual(['true', 'true']);
    expect(diff[1].textContent).toContain('key=***');
  });

  it('says so when nothing matches', async () => {
    render([
      {
        request: { query: AuditRecordsDocument, variables: { filter: {}, first: AUDIT_PAGE_SIZE } },
        result: { data: { auditRecords: page([], null, 0) } },
      },
      options,
    ]);
    await waitFor(() => expect(dom.container.querySelector('[data-testid="audit-empty"]')?.textContent).toContain('没有符合条件的记录'));
  });
});
