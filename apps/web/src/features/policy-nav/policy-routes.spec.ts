import {
  countyPath,
  dashboardPath,
  legacyTarget,
  measurePath,
  parsePolicyPath,
  policyHomePath,
  supervisionPath,
  switchPolicyPath,
} from './policy-routes';
import { pickPolicy, policyChoiceKey, publishedPolicy, shortPolicyTitle } from './policy-choice';

describe('policy addresses', () => {
  it('puts the policy first in every address of its pages', () => {
    expect(policyHomePath('a')).toBe('/p/a');
    expect(dashboardPath('a')).toBe('/p/a/dashboard');
    expect(dashboardPath('a', 'q1')).toBe('/p/a/dashboard?period=q1');
    expect(countyPath('a', 'c', 'q1')).toBe('/p/a/dashboard/county/c?period=q1');
    expect(measurePath('a', 'm')).toBe('/p/a/dashboard/measure/m');
    expect(supervisionPath('a')).toBe('/p/a/supervision');
    expect(supervisionPath('a', 'r')).toBe('/p/a/supervision/r');
  });

  it('escapes what would break the address', () => {
    expect(policyHomePath('a/b')).toBe('/p/a%2Fb');
    expect(parsePolicyPath('/p/a%2Fb/dashboard')).toMatchObject({ policyId: 'a/b', kind: 'dashboard' });
  });

  it('reads the policy and the kind of page', () => {
    expect(parsePolicyPath('/p/a')).toMatchObject({ policyId: 'a', kind: 'policy' });
    expect(parsePolicyPath('/p/a/')).toMatchObject({ policyId: 'a', kind: 'policy' });
    expect(parsePolicyPath('/p/a/dashboard')).toMatchObject({ kind: 'dashboard' });
    expect(parsePolicyPath('/p/a/dashboard/county/c')).toMatchObject({ kind: 'county', rest: ['dashboard', 'county', 'c'] });
    expect(parsePolicyPath('/p/a/dashboard/measure/m')).toMatchObject({ kind: 'measure' });
    expect(parsePolicyPath('/p/a/supervision')).toMatchObject({ kind: 'supervision' });
    expect(parsePolicyPath('/p/a/supervision/r')).toMatchObject({ kind: 'review' });
    expect(parsePolicyPath('/')).toBeNull();
    expect(parsePolicyPath('/dashboard')).toBeNull();
    expect(parsePolicyPath('/tasks')).toBeNull();
    expect(parsePolicyPath('/p')).toBeNull();
  });

  it('switching keeps the kind of page and leaves behind what belonged to the old policy', () => {
    expect(switchPolicyPath('/p/a', '', 'b')).toBe('/p/b');
    expect(switchPolicyPath('/p/a/dashboard', '?period=q1', 'b')).toBe('/p/b/dashboard');
    expect(switchPolicyPath('/p/a/dashboard', '?period=q1&county=c', 'b')).toBe('/p/b/dashboard?county=c');
    expect(switchPolicyPath('/p/a/dashboard/county/c', '?period=q1', 'b')).toBe('/p/b/dashboard/county/c');
    expect(switchPolicyPath('/p/a/dashboard/measure/m', '', 'b')).toBe('/p/b/dashboard');
    expect(switchPolicyPath('/p/a/supervision', '', 'b')).toBe('/p/b/supervision');
    expect(switchPolicyPath('/p/a/supervision/r', '', 'b')).toBe('/p/b/supervision');
    expect(switchPolicyPath('/tasks', '', 'b')).toBe('/p/b');
  });

  it('leads a link of before to the same page of its policy, query kept', () => {
    expect(legacyTarget('/', '', 'a')).toBe('/p/a');
    expect(legacyTarget('/dashboard', '?period=q1', 'a')).toBe('/p/a/dashboard?period=q1');
    expect(legacyTarget('/dashboard/county/c', '?period=q1', 'a')).toBe('/p/a/dashboard/county/c?period=q1');
    expect(legacyTarget('/supervision/r', '', 'a')).toBe('/p/a/supervision/r');
    expect(legacyTarget('/supervision/', '', 'a')).toBe('/p/a/supervision');
  });
});

describe('the remembered policy', () => {
  const policies = [
    { id: 'draft', status: 'DRAFT' },
    { id: 'new', status: 'PUBLISHED' },
    { id: 'old', status: 'PUBLISHED' },
  ];

  it('is kept per signed-in username, one key for visitors', () => {
    expect(policyChoiceKey('taishan')).toBe('luoshi.policy.taishan');
    expect(policyChoiceKey(null)).toBe('luoshi.policy');
  });

  it('is used while published; otherwise the newest published, never a draft', () => {
    expect(pickPolicy(policies, 'old')?.id).toBe('old');
    expect(pickPolicy(policies, null)?.id).toBe('new');
    expect(pickPolicy(policies, 'draft')?.id).toBe('new');
    expect(pickPolicy(policies, 'gone')?.id).toBe('new');
    expect(pickPolicy([{ id: 'draft', status: 'DRAFT' }], null)).toBeNull();
    expect(pickPolicy(undefined, 'old')).toBeNull();
  });

  it('a page exists for a published policy only', () => {
    expect(publishedPolicy(policies, 'old')?.id).toBe('old');
    expect(publishedPolicy(policies, 'draft')).toBeNull();
    expect(publishedPolicy(policies, 'nope')).toBeNull();
  });
});

describe('shortPolicyTitle', () => {
  it('keeps the name inside 《》', () => {
    expect(shortPolicyTitle('江门市人民政府关于印发《江门市进一步稳就业若干措施》的通知')).toBe('江门市进一步稳就业若干措施');
  });
  it('drops 关于…的通知 without 《》', () => {
    expect(shortPolicyTitle('江门市人民政府办公室关于做好高校毕业生就业工作的通知')).toBe('做好高校毕业生就业工作');
  });
  it('cuts a long title with an ellipsis', () => {
    const short = shortPolicyTitle('《一二三四五六七八九十一二三四五六七八九十》', 10);
    expect(short).toBe('一二三四五六七八九…');
  });
  it('leaves a plain title alone', () => {
    expect(shortPolicyTitle('稳就业若干措施')).toBe('稳就业若干措施');
  });
});
