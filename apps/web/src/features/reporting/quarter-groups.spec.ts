import { chooseQuarter, formCardOrder, groupByPolicy, returnedElsewhere } from './quarter-groups';

const older = { id: 'p2', docNumber: '江就辦〔2023〕5號', title: '舊通知' };
const newer = { id: 'p1', docNumber: '江就辦〔2024〕1號', title: '新通知' };

describe('groupByPolicy', () => {
  it('keeps the API’s policy order and each policy’s measure order', () => {
    const tasks = [
      { policy: older, seq: 1 },
      { policy: older, seq: 3 },
      { policy: newer, seq: 2 },
      { policy: newer, seq: 7 },
    ];
    expect(groupByPolicy(tasks).map((g) => [g.policy.docNumber, g.items.map((t) => t.seq)])).toEqual([
      ['江就辦〔2023〕5號', [1, 3]],
      ['江就辦〔2024〕1號', [2, 7]],
    ]);
  });

  it('brings a policy’s stray items to its group', () => {
    const groups = groupByPolicy([
      { policy: newer, seq: 1 },
      { policy: older, seq: 1 },
      { policy: newer, seq: 2 },
    ]);
    expect(groups.map((g) => [g.policy.id, g.items.length])).toEqual([
      ['p1', 2],
      ['p2', 1],
    ]);
    expect(groupByPolicy([])).toEqual([]);
  });
});

describe('formCardOrder', () => {
  it('puts the measures with figures first, then by number', () => {
    const cards = [
      { seq: 1, hasFigures: false },
      { seq: 9, hasFigures: true },
      { seq: 3, hasFigures: true },
      { seq: 2, hasFigures: false },
    ];
    expect(formCardOrder(cards).map((c) => c.seq)).toEqual([3, 9, 1, 2]);
  });
});

describe('chooseQuarter', () => {
  const quarters = [{ quarter: '2026Q3' }, { quarter: '2026Q2' }, { quarter: '2025Q4' }];
  it('keeps the quarter named in the address when the unit has it', () => {
    expect(chooseQuarter(quarters, '2025Q4')).toBe('2025Q4');
    expect(chooseQuarter(quarters, '2025q4')).toBe('2025Q4');
  });
  it('falls back to what is due first, or nothing', () => {
    expect(chooseQuarter(quarters, '2019Q1')).toBe('2026Q3');
    expect(chooseQuarter(quarters, null)).toBe('2026Q3');
    expect(chooseQuarter([], null)).toBeNull();
  });
});

describe('returnedElsewhere', () => {
  it('lists the other quarters with reports sent back', () => {
    const quarters = [
      { quarter: '2026Q3', counts: { returned: 1 } },
      { quarter: '2026Q2', counts: { returned: 0 } },
      { quarter: '2024Q4', counts: { returned: 2 } },
    ];
    expect(returnedElsewhere(quarters, '2026Q3').map((q) => q.quarter)).toEqual(['2024Q4']);
    expect(returnedElsewhere(quarters, null).map((q) => q.quarter)).toEqual(['2026Q3', '2024Q4']);
  });
});
