import { formatDate, formatDateTime, formatFigure, formatPeriodLabel, formatSavedAt, formatTime, periodYear } from './format';

describe('formatPeriodLabel', () => {
  it('says a quarter as officials do', () => {
    expect(formatPeriodLabel('2024Q3', 'zh-Hans')).toBe('2024年第三季度');
    expect(formatPeriodLabel('2025Q1', 'zh-Hant')).toBe('2025年第一季度');
    expect(formatPeriodLabel('2024Q4', 'en')).toBe('2024 Q4');
  });
  it('leaves other labels as they are', () => {
    expect(formatPeriodLabel('2024H1', 'zh-Hans')).toBe('2024H1');
  });
});

describe('dates and times', () => {
  it('reads a due date as written', () => {
    expect(formatDate('2024-10-10', 'zh-Hans')).toBe('2024年10月10日');
    expect(formatDate('2024-10-10', 'en')).toBe('2024-10-10');
  });
  it('shows a moment in local time, to the minute', () => {
    const local = new Date(2024, 9, 8, 9, 5, 59);
    expect(formatDateTime(local)).toBe('2024-10-08 09:05');
    expect(formatDateTime(local.toISOString())).toBe('2024-10-08 09:05');
    expect(formatTime(local)).toBe('09:05');
  });
  it('says when a draft was saved: the time today, the day too before', () => {
    const now = new Date(2024, 10, 20, 16, 0);
    expect(formatSavedAt(new Date(2024, 10, 20, 9, 5), now)).toBe('09:05');
    expect(formatSavedAt(new Date(2024, 10, 18, 9, 5), now)).toBe('11-18 09:05');
  });
  it('shows nothing for a missing or unreadable moment', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });
  it('knows the year a period counts in', () => {
    expect(periodYear({ startsOn: '2024-10-01' })).toBe(2024);
  });
});

describe('formatFigure', () => {
  it('groups digits and keeps up to two decimals', () => {
    expect(formatFigure(1200, 'zh-Hans')).toBe('1,200');
    expect(formatFigure(2.345, 'en')).toBe('2.35');
    expect(formatFigure(0, 'zh-Hans')).toBe('0');
  });
  it('shows a dash for no figure', () => {
    expect(formatFigure(null, 'zh-Hans')).toBe('—');
    expect(formatFigure(undefined, 'en')).toBe('—');
  });
});
