import { currentPolicy } from './current-policy';

describe('currentPolicy', () => {
  it('picks the first published policy, never a draft', () => {
    const policies = [
      { id: 'd', status: 'DRAFT' },
      { id: 'p1', status: 'PUBLISHED' },
      { id: 'p2', status: 'PUBLISHED' },
    ];
    expect(currentPolicy(policies)?.id).toBe('p1');
  });

  it('answers null when there is none published (drafts only, empty, not loaded)', () => {
    expect(currentPolicy([{ id: 'd', status: 'DRAFT' }])).toBeNull();
    expect(currentPolicy([])).toBeNull();
    expect(currentPolicy(undefined)).toBeNull();
  });
});
