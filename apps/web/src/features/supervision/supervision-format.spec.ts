import {
  canAnswer,
  changeSymbol,
  chinaToday,
  defaultReviewPeriod,
  packFileName,
  packUrl,
  ratingDiffers,
  responsibleUnits,
  reviewablePeriods,
  sortItems,
  toIsoDate,
} from './supervision-format';

describe('chinaToday', () => {
  it('is the date in China, not UTC', () => {
    expect(chinaToday(new Date('2024-10-09T17:00:00Z'))).toBe('2024-10-10');
    expect(chinaToday(new Date('2024-10-09T15:00:00Z'))).toBe('2024-10-09');
  });
});

describe('defaultReviewPeriod', () => {
  const periods = [
    { id: 'q1', endsOn: '2024-03-31', dueOn: '2024-04-10' },
    { id: 'q2', endsOn: '2024-06-30', dueOn: '2024-07-10' },
    { id: 'q3', endsOn: '2024-09-30', dueOn: '2024-10-10' },
    { id: 'q4', endsOn: '2024-12-31', dueOn: '2025-01-10' },
  ];
  it('picks the latest quarter whose due date has passed', () => {
    expect(defaultReviewPeriod(periods, '2024-11-01')?.id).toBe('q3');
    expect(defaultReviewPeriod([...periods].reverse(), '2024-11-01')?.id).toBe('q3');
  });
  it('does not count the due date itself as passed', () => {
    expect(defaultReviewPeriod(periods, '2024-10-10')?.id).toBe('q2');
  });
  it('takes the latest ended quarter where none is past its due date yet', () => {
    expect(defaultReviewPeriod(periods, '2024-04-05')?.id).toBe('q1');
  });
  it('is null while no quarter has ended, and without periods', () => {
    expect(defaultReviewPeriod(periods, '2024-01-01')).toBeNull();
    expect(defaultReviewPeriod(periods, '2024-03-31')).toBeNull();
    expect(defaultReviewPeriod([], '2024-01-01')).toBeNull();
  });
});

describe('reviewablePeriods', () => {
  const periods = [
    { id: 'q3', endsOn: '2024-09-30', dueOn: '2024-10-10' },
    { id: 'q4', endsOn: '2024-12-31', dueOn: '2025-01-10' },
    { id: 'q2', endsOn: '2024-06-30', dueOn: '2024-07-10' },
  ];
  it('offers only the quarters that have ended, latest first', () => {
    expect(reviewablePeriods(periods, '2024-12-31').map((p) => p.id)).toEqual(['q3', 'q2']);
    expect(reviewablePeriods(periods, '2025-01-01').map((p) => p.id)).toEqual(['q4', 'q3', 'q2']);
    expect(reviewablePeriods(periods, '2024-06-30')).toEqual([]);
  });
});

describe('changeSymbol', () => {
  it('shows up, down or a dash', () => {
    expect(changeSymbol('IMPROVED')).toBe('↑');
    expect(changeSymbol('SLIPPED')).toBe('↓');
    expect(changeSymbol('SAME')).toBe('—');
    expect(changeSymbol('NEW')).toBe('—');
  });
});

describe('sortItems', () => {
  it('puts open items first, then answered, then closed, soonest due first', () => {
    const items = [
      { id: 'a', status: 'CLOSED' as const, dueOn: '2024-10-01' },
      { id: 'b', status: 'RESPONDED' as const, dueOn: '2024-10-05' },
      { id: 'c', status: 'OPEN' as const, dueOn: '2024-12-01' },
      { id: 'd', status: 'OPEN' as const, dueOn: '2024-11-01' },
    ];
    expect(sortItems(items).map((i) => i.id)).toEqual(['d', 'c', 'b', 'a']);
    expect(items[0].id).toBe('a'); // not sorted in place
  });
});

describe('responsibleUnits', () => {
  it('lists each unit once, leads first, counties last', () => {
    const units = responsibleUnits([
      { role: 'CO', agency: { id: 'taishan', kind: 'COUNTY' } },
      { role: 'CO', agency: { id: 'finance', kind: 'DEPARTMENT' } },
      { role: 'LEAD', agency: { id: 'hrss', kind: 'DEPARTMENT' } },
      { role: 'CO', agency: { id: 'hrss', kind: 'DEPARTMENT' } },
    ]);
    expect(units.map((u) => u.id)).toEqual(['hrss', 'finance', 'taishan']);
  });
  it('keeps a unit listed as CO and later as LEAD among the leads', () => {
    const units = responsibleUnits([
      { role: 'CO', agency: { id: 'edu', kind: 'DEPARTMENT' } },
      { role: 'CO', agency: { id: 'finance', kind: 'DEPARTMENT' } },
      { role: 'LEAD', agency: { id: 'finance', kind: 'DEPARTMENT' } },
    ]);
    expect(units.map((u) => u.id)).toEqual(['finance', 'edu']);
  });
});

describe('toIsoDate', () => {
  it('writes the picked day with two-digit month and day', () => {
    const day = { year: () => 2024, month: () => 10, date: () => 5 }; // months count from 0
    expect(toIsoDate(day)).toBe('2024-11-05');
  });
});

describe('pack', () => {
  it('points at the export route', () => {
    expect(packUrl('42', 'docx')).toBe('/exports/supervision-reviews/42.docx');
    expect(packUrl('a/b', 'xlsx')).toBe('/exports/supervision-reviews/a%2Fb.xlsx');
  });
  it('names the file without characters Windows refuses', () => {
    expect(packFileName('督查通报', '2024年第三季度', 'docx')).toBe('督查通报-2024年第三季度.docx');
    expect(packFileName('Review pack', '2024 Q3', 'xlsx')).toBe('Reviewpack-2024Q3.xlsx');
  });
});

describe('ratingDiffers', () => {
  it('is true only where the office chose another colour', () => {
    expect(ratingDiffers({ rating: 'YELLOW', computedRating: 'RED', overridden: true })).toBe(true);
    expect(ratingDiffers({ rating: 'RED', computedRating: 'RED', overridden: true })).toBe(false);
    expect(ratingDiffers({ rating: 'RED', computedRating: 'RED', overridden: false })).toBe(false);
  });
});

describe('canAnswer', () => {
  it('allows answering and amending until the item is closed', () => {
    expect(canAnswer('OPEN')).toBe(true);
    expect(canAnswer('RESPONDED')).toBe(true);
    expect(canAnswer('CLOSED')).toBe(false);
  });
});
