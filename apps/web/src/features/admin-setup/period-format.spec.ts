import { changeLine, chinaDateTime, isLaterDate, responsibleUnits } from './period-format';

const unit = (id: string) => ({ id, name: `${id}局`, shortName: id });

describe('responsibleUnits', () => {
  it('lists each responsible unit once, in the notice’s order', () => {
    const measures = [
      { responsibilities: [{ agency: unit('a') }, { agency: unit('b') }] },
      { responsibilities: [{ agency: unit('b') }, { agency: unit('c') }] },
    ];
    expect(responsibleUnits(measures).map((u) => u.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('changeLine', () => {
  it('describes a due-date change with who, when (China time) and why', () => {
    expect(
      changeLine({
        kind: 'DUE_DATE',
        at: '2025-01-05T06:03:00Z',
        username: 'office',
        dueOnBefore: '2025-01-10',
        dueOnAfter: '2025-01-15',
        reason: '假期顺延',
      }),
    ).toEqual({
      key: 'period.change.DUE_DATE',
      vars: { before: '2025-01-10', after: '2025-01-15', unit: '' },
      by: { user: 'office', at: '2025-01-05 14:03' },
      reason: '假期顺延',
    });
  });
  it('names the unit of an extension, and shows an unknown kind as a due-date change', () => {
    const line = changeLine(
      { kind: 'EXTENSION_REMOVED', at: new Date('2025-01-05T00:00:00Z'), agency: { shortName: '市人社局' }, dueOnBefore: '2025-01-20' },
      (s) => `[${s}]`,
    );
    expect(line.key).toBe('period.change.EXTENSION_REMOVED');
    expect(line.vars).toEqual({ before: '2025-01-20', after: '—', unit: '[市人社局]' });
    expect(line.by.user).toBe('—');
    expect(changeLine({ kind: 'SOMETHING', at: new Date(0) }).key).toBe('period.change.DUE_DATE');
  });
});

it('chinaDateTime is China time whatever the browser’s zone', () => {
  expect(chinaDateTime('2024-12-31T16:30:00Z')).toBe('2025-01-01 00:30');
});

it('isLaterDate accepts only an ISO date after the period’s', () => {
  expect(isLaterDate('2025-01-11', '2025-01-10')).toBe(true);
  expect(isLaterDate('2025-01-10', '2025-01-10')).toBe(false);
  expect(isLaterDate('11/01/2025', '2025-01-10')).toBe(false);
});
