import { act, type ReactNode } from 'react';
import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { PolicyStructureDocument } from '../../graphql/generated';
import { I18nProvider } from '../../app/i18n';
import { type Lang } from '../../shared/i18n';
import { loadTraditionalToSimplified } from '../../shared/opencc';
import PolicyPage from './PolicyPage';
import { POLICY_FIXTURE } from './__fixtures__/policy';
import { testRoot, waitFor } from '../../testing/test-root';

type Mock = MockedProviderProps['mocks'];

const dom = testRoot();

beforeAll(async () => {
  // Load opencc up front so the first render already converts (the app shows the text as written
  // until then; that path is covered by the zh-Hant test).
  await loadTraditionalToSimplified();
});

afterEach(() => window.localStorage.clear());

function render(mocks: Mock, lang: Lang = 'zh-Hans', children: ReactNode = <PolicyPage />) {
  act(() => {
    dom.root.render(
      <MockedProvider mocks={mocks}>
        <I18nProvider initialLang={lang}>
          <MemoryRouter initialEntries={['/p/policy-1']}>
            <Routes>
              <Route path="/p/:policyId" element={children} />
            </Routes>
          </MemoryRouter>
        </I18nProvider>
      </MockedProvider>,
    );
  });
}

const cards = () => dom.container.querySelectorAll('[data-testid="measure-card"]');
const text = () => dom.container.textContent ?? '';
// The page asks for the policy in its address.
const policyMock = (policy: unknown) => ({
  request: { query: PolicyStructureDocument, variables: { id: 'policy-1' } },
  result: { data: { policy } },
});

function typeInto(input: HTMLInputElement, value: string) {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setValue.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('PolicyPage', () => {
  it('shows a skeleton, then every measure of the notice in simplified characters', async () => {
    render([policyMock(POLICY_FIXTURE)]);
    expect(dom.container.querySelector('.ant-skeleton')).not.toBeNull();

    await waitFor(() => expect(cards()).toHaveLength(15));
    const heading = dom.container.querySelector('h1');
    expect(heading?.textContent).toContain('江就办〔2024〕1号');
    expect(text()).toContain('2024年7月26日');
    expect(text()).toContain('共 4 个部分、15 项措施、2 项量化指标');
    expect([...dom.container.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      '一、强化就业岗位开发',
      '二、支持创业带动就业',
      '三、促进重点群体就业',
      '四、提升就业服务质量',
    ]);

    const internship = [...cards()].find((c) => c.getAttribute('data-measure-seq') === '7')!;
    expect(internship.querySelector('h3')?.textContent).toBe('（七）加大见习岗位开发力度');
    expect(internship.textContent).toContain('市人力资源社会保障局');
    expect(internship.textContent).toContain('各县（市、区）政府（7）');
    expect(internship.textContent).not.toContain('蓬江区人民政府'); // grouped, listed on tap
    expect(internship.textContent).toContain('见习岗位 不少于 3,000 个（2024年）');

    // A cap is a standing rule: no year after it.
    const loans = [...cards()].find((c) => c.getAttribute('data-measure-seq') === '3')!;
    expect(loans.querySelector('li')?.textContent).toBe('创业担保贷款公示时间 不超过 3 天');
  });

  it('toggles the full text of a measure', async () => {
    render([policyMock(POLICY_FIXTURE)]);
    await waitFor(() => expect(cards()).toHaveLength(15));
    const internship = [...cards()].find((c) => c.getAttribute('data-measure-seq') === '7')!;
    const toggle = [...internship.querySelectorAll('button')].find((b) => b.textContent === '查看全文')!;
    expect(internship.textContent).not.toContain('全市全年开发见习岗位');

    act(() => toggle.click());
    expect(internship.textContent).toContain('全市全年开发见习岗位不少于3000个');
    expect(toggle.textContent).toBe('收起');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
  });

  it('finds traditional text from a simplified search', async () => {
    render([policyMock(POLICY_FIXTURE)]);
    await waitFor(() => expect(cards()).toHaveLength(15));

    typeInto(dom.container.querySelector('input')!, '见习岗位');
    await waitFor(() => expect(cards()).toHaveLength(1));
    expect(text()).toContain('找到 1 项相关措施');

    typeInto(dom.container.querySelector('input')!, '没有这个词');
    await waitFor(() => expect(text()).toContain('没有找到相关措施'));
  });

  it('shows the policy as written in the traditional UI', async () => {
    render([policyMock(POLICY_FIXTURE)], 'zh-Hant');
    await waitFor(() => expect(cards()).toHaveLength(15));
    expect(dom.container.querySelector('h1')?.textContent).toContain('江就辦〔2024〕1號');
    expect(text()).toContain('各縣（市、區）政府（7）');
    expect(text()).toContain('見習崗位 不少於 3,000 個（2024年）');
  });

  it('shows an error with a retry button that loads the policy again', async () => {
    render([
      { request: { query: PolicyStructureDocument, variables: { id: 'policy-1' } }, error: new TypeError('Failed to fetch') },
      policyMock(POLICY_FIXTURE),
    ]);
    await waitFor(() => expect(text()).toContain('政策文件加载失败'));
    expect(text()).toContain('无法连接服务器');

    const retry = [...dom.container.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s/g, '') === '重试')!;
    act(() => retry.click());
    await waitFor(() => expect(cards()).toHaveLength(15));
  });
});
