import { chinaDateTime, chinaTimesInText } from './china-time';

describe('China time for exports', () => {
  it('writes an instant as China wall time to the minute', () => {
    expect(chinaDateTime('2026-10-13T21:41:10.704Z')).toBe('2026-10-14 05:41');
    expect(chinaDateTime(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01 00:00');
    expect(chinaDateTime('2026-10-14T05:41:00+08:00')).toBe('2026-10-14 05:41');
    expect(chinaDateTime('下周五')).toBe('下周五');
  });

  it('turns the instants inside a text (JSON of a record) into China time and leaves dates and the rest alone', () => {
    expect(chinaTimesInText('{"status":"SUBMITTED","submittedAt":"2026-10-13T21:41:10.704Z","dueOn":"2026-10-10"}')).toBe(
      '{"status":"SUBMITTED","submittedAt":"2026-10-14 05:41","dueOn":"2026-10-10"}',
    );
    expect(chinaTimesInText('at 2024-01-31T23:59:59+00:00 and 2024-02-01T08:00Z')).toBe('at 2024-02-01 07:59 and 2024-02-01 16:00');
    expect(chinaTimesInText('no time here 2026-10-13')).toBe('no time here 2026-10-13');
  });
});
