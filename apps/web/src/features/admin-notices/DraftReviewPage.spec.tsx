import { act } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { AdminNoticeAgenciesDocument, AdminNoticeDraftDocument, AdminUpdateDraftPolicyDocument } from '../../graphql/generated';
import { I18nProvider } from '../../app/i18n';
import DraftReviewPage from './DraftReviewPage';
import { testRoot, waitFor } from '../../testing/test-root';

const dom = testRoot();

// antd's Form batches field notifications in a macrotask through MessageChannel, which jsdom lacks.
beforeAll(() => {
  (globalThis as { MessageChannel?: unknown }).MessageChannel ??= class {
    port1: { onmessage: null | (() => void) } = { onmessage: null };
    port2 = { postMessage: () => void setTimeout(() => this.port1.onmessage?.(), 0) };
  };
});

const TEXT =
  '江人社〔2025〕8号\n关于就业服务的通知\n一、岗位\n（一）开发见习岗位。募集见习岗位不少于800个。（市人社局牵头，市大数据中心配合）';
const at = (s: string) => ({ __typename: 'TextSpan', start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });

function draft(version: number, title = '开发见习岗位') {
  return {
    __typename: 'Policy',
    id: 'p1',
    status: 'DRAFT',
    version,
    docNumber: '江人社〔2025〕8号',
    title: '关于就业服务的通知',
    issuer: '',
    issuedOn: '2025-01-01',
    issuedOnConfirmed: false,
    sourceText: TEXT,
    warnings: [
      { __typename: 'ImportWarning', line: 4, kind: 'NEW_AGENCY', message: '新单位：市大数据中心', measureId: 'm1', agencyId: 'a2' },
      { __typename: 'ImportWarning', line: null, kind: 'NO_DATE', message: '没有成文日期', measureId: null, agencyId: null },
    ],
    sections: [{ __typename: 'Section', id: 's1', seq: 1, title: '一、岗位' }],
    measures: [
      {
        __typename: 'Measure',
        id: 'm1',
        seq: 1,
        title,
        line: 4,
        responsibilityText: null,
        responsibilitySpan: at('（市人社局牵头，市大数据中心配合）'),
        section: { __typename: 'Section', id: 's1' },
        responsibilities: [
          {
            __typename: 'Responsibility',
            role: 'LEAD',
            words: '市人社局',
            roleWords: '牵头',
            agency: { __typename: 'Agency', id: 'a1', name: '市人力資源社會保障局', shortName: '市人社局', createdByImport: false },
          },
          {
            __typename: 'Responsibility',
            role: 'CO',
            words: '市大数据中心',
            roleWords: '配合',
            agency: { __typename: 'Agency', id: 'a2', name: '市大数据中心', shortName: '市大数据中心', createdByImport: true },
          },
        ],
        targets: [
          {
            __typename: 'Target',
            id: 't1',
            name: '见习岗位',
            unit: '个',
            targetValue: 800,
            direction: 'AT_LEAST',
            year: 2025,
            sourcePhrase: '募集见习岗位不少于800个',
            span: at('募集见习岗位不少于800个'),
          },
        ],
      },
    ],
  };
}

const load = (version: number, title?: string) => ({
  request: { query: AdminNoticeDraftDocument, variables: { id: 'p1' } },
  result: { data: { policy: draft(version, title) } },
});
const agencies = { request: { query: AdminNoticeAgenciesDocument, variables: { search: null } }, result: { data: { agencies: [] } } };

function render(mocks: MockedProviderProps['mocks']) {
  act(() => {
    dom.root.render(
      <MockedProvider mocks={mocks}>
        <I18nProvider initialLang="zh-Hans">
          <MemoryRouter initialEntries={['/admin/notices/p1']}>
            <Routes>
              <Route path="/admin/notices/:id" element={<DraftReviewPage />} />
            </Routes>
          </MemoryRouter>
        </I18nProvider>
      </MockedProvider>,
    );
  });
}

const q = (selector: string) => dom.container.querySelector<HTMLElement>(selector);

jest.setTimeout(30_000);

describe('DraftReviewPage', () => {
  it('marks units, targets and measure numbers in the text and lists what to check', async () => {
    render([load(3), agencies]);
    await waitFor(() => expect(q('[data-testid="draft-text"]')).not.toBeNull());
    const text = q('[data-testid="draft-text"]')!;
    expect([...text.querySelectorAll('[data-kind="unit"]')].map((e) => e.textContent)).toEqual(['市人社局', '市大数据中心']);
    expect(text.querySelector('.ls-mark-target')!.textContent).toBe('募集见习岗位不少于800个');
    expect(text.querySelector('.ls-mark-measure')!.textContent).toBe('（一）措施1');
    expect(text.textContent).toContain(TEXT.slice(0, 10));
    const warnings = [...dom.container.querySelectorAll('[data-testid="draft-warning"]')].map((w) => w.textContent);
    expect(warnings).toEqual(['日期没有成文日期', '新单位第4行：新单位：市大数据中心']);
    expect(q('[data-testid="draft-date-unconfirmed"]')).not.toBeNull();
    expect(dom.container.querySelectorAll('[data-testid="draft-unit-new"]')).toHaveLength(1);
    expect(q('[data-testid="draft-review-page"]')!.dataset.version).toBe('3');
  });

  it('says so and shows the latest draft when someone else changed it first', async () => {
    // Saving the header confirms the stand-in date; someone else corrected the draft meanwhile (version 4).
    const conflict = {
      request: { query: AdminUpdateDraftPolicyDocument, variables: { input: { id: 'p1', issuedOn: '2025-01-01', version: 3 } } },
      result: { errors: [{ message: '草稿已被他人修改', extensions: { code: 'CONFLICT' } }] },
    };
    render([load(3), agencies, conflict, load(4, '他人改过的标题')]);
    await waitFor(() => expect(q('[data-testid="draft-header-save"]')).not.toBeNull());
    await act(async () => q('[data-testid="draft-header-save"]')!.click());
    await waitFor(() => expect(q('[data-testid="draft-status"]')?.textContent).toContain('已被他人修改，已刷新为最新内容'));
    await waitFor(() => expect(q('[data-testid="draft-review-page"]')!.dataset.version).toBe('4'));
    expect(q('[data-testid="draft-measure-title"]')!.textContent).toContain('他人改过的标题');
  });
});
