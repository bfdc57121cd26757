import { ageOf, badgeText, safeAppPath, unreadIds } from './notices-format';

describe('notice bell helpers', () => {
  it('caps the badge at 99+', () => {
    expect([0, 5, 99, 100, -1].map(badgeText)).toEqual(['0', '5', '99', '99+', '0']);
  });

  it('says how long ago a notice came, then its China date', () => {
    const now = new Date('2026-11-26T10:00:00Z');
    expect(ageOf('2026-11-26T09:59:30Z', now)).toEqual({ key: 'notices.justNow' });
    expect(ageOf('2026-11-26T09:15:00Z', now)).toEqual({ key: 'notices.minutesAgo', n: 45 });
    expect(ageOf('2026-11-26T01:00:00Z', now)).toEqual({ key: 'notices.hoursAgo', n: 9 });
    expect(ageOf('2026-11-23T10:00:00Z', now)).toEqual({ key: 'notices.daysAgo', n: 3 });
    // 20:00 UTC is already the next morning in China.
    expect(ageOf('2026-11-01T20:00:00Z', now)).toEqual({ key: 'notices.date', date: '2026-11-02' });
  });

  it('follows only paths inside the app', () => {
    expect(safeAppPath('/tasks')).toBe('/tasks');
    expect(safeAppPath('/reports/1?x=1')).toBe('/reports/1?x=1');
    for (const bad of [null, undefined, '', 'https://evil.example', '//evil.example', 'javascript:alert(1)', '/\\evil.example'])
      expect(safeAppPath(bad)).toBeNull();
  });

  it('marks read only the unread notices shown', () => {
    expect(
      unreadIds([
        { id: 'a', readAt: null },
        { id: 'b', readAt: '2026-11-26T00:00:00Z' },
        { id: 'c', readAt: null },
      ]),
    ).toEqual(['a', 'c']);
  });
});
