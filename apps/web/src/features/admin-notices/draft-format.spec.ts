import {
  everyYearDefault,
  headerChanges,
  newAgencyIds,
  newTargetInput,
  noticeYears,
  sortedWarnings,
  targetChanges,
  warningKind,
  warningText,
  type TargetRow,
} from './draft-format';

describe('warnings', () => {
  const lineWord = (line: number) => `第${line}行`;

  it('words a warning with its line, or alone', () => {
    expect(warningText({ kind: 'NEW_AGENCY', line: 12, message: '新单位：市数据局' }, lineWord)).toBe('第12行：新单位：市数据局');
    expect(warningText({ kind: 'NO_DATE', line: null, message: '没有成文日期' }, lineWord)).toBe('没有成文日期');
  });

  it('sorts the whole-notice warnings first, then by line, keeping the API’s order on a line', () => {
    const sorted = sortedWarnings([
      { kind: 'A', line: 9, message: 'a' },
      { kind: 'B', line: null, message: 'b' },
      { kind: 'C', line: 3, message: 'c' },
      { kind: 'D', line: 9, message: 'd' },
    ]);
    expect(sorted.map((w) => w.kind)).toEqual(['B', 'C', 'A', 'D']);
  });

  it('labels the known kinds and reads any other parser kind as a note', () => {
    expect(warningKind('NEW_AGENCY')).toBe('NEW_AGENCY');
    expect(warningKind('AMBIGUOUS_ROLE')).toBe('OTHER');
  });

  it('lists the agencies the import created', () => {
    const ids = newAgencyIds([
      { kind: 'NEW_AGENCY', agencyId: 'a9', message: '' },
      { kind: 'NEW_AGENCY', agencyId: null, message: '' },
      { kind: 'NO_DATE', agencyId: 'a1', message: '' },
    ]);
    expect([...ids]).toEqual(['a9']);
  });
});

describe('targets', () => {
  const row: TargetRow = {
    id: 't1',
    name: '新增就业',
    unit: '人',
    targetValue: 10000,
    direction: 'AT_LEAST',
    year: 2025,
    everyYear: false,
  };

  it('sends only what an inline edit changed', () => {
    expect(targetChanges(row, { targetValue: 12000 })).toEqual({ targetValue: 12000 });
    expect(targetChanges(row, { name: ' 城镇新增就业 ', unit: '人', direction: 'AT_MOST', year: 2026 })).toEqual({
      name: '城镇新增就业',
      direction: 'AT_MOST',
      year: 2026,
    });
  });

  it('sends nothing for an unchanged or emptied field', () => {
    expect(targetChanges(row, { targetValue: 10000, name: '新增就业' })).toBeNull();
    expect(targetChanges(row, { name: '  ', unit: '' })).toBeNull();
    expect(targetChanges(row, { targetValue: Number.NaN, year: 2025.5 })).toBeNull();
    expect(targetChanges(row, { everyYear: true })).toEqual({ everyYear: true });
    expect(targetChanges(row, { everyYear: false })).toBeNull();
  });

  it('makes addDraftTarget’s input with one year per 每年 target, sorted and once each', () => {
    expect(
      newTargetInput('m1', 4, {
        name: ' 培训 ',
        unit: '人次',
        targetValue: 500,
        direction: 'AT_LEAST',
        years: [2026, 2025, 2026],
        everyYear: true,
      }),
    ).toEqual({
      measureId: 'm1',
      version: 4,
      name: '培训',
      unit: '人次',
      targetValue: 500,
      direction: 'AT_LEAST',
      years: [2025, 2026],
      everyYear: true,
    });
    const once = { name: '培训', unit: '人次', targetValue: 500, direction: 'AT_LEAST' as const, years: [2025] };
    expect(newTargetInput('m1', 1, once)?.everyYear).toBe(false);
  });

  it('refuses an incomplete form', () => {
    const full = { name: '培训', unit: '人次', targetValue: 500, direction: 'AT_LEAST' as const, years: [2025] };
    expect(newTargetInput('m1', 1, { ...full, name: ' ' })).toBeNull();
    expect(newTargetInput('m1', 1, { ...full, targetValue: null })).toBeNull();
    expect(newTargetInput('m1', 1, { ...full, targetValue: -1 })).toBeNull();
    expect(newTargetInput('m1', 1, { ...full, years: [] })).toBeNull();
    expect(newTargetInput('m1', 1, { ...full, direction: undefined })).toBeNull();
  });
});

describe('noticeYears', () => {
  it('spans the date’s year to the last target year, plus a spare year', () => {
    expect(noticeYears('2024-07-26', [2024, 2025, 2026])).toEqual([2024, 2025, 2026, 2027]);
    expect(noticeYears('2025-03-01', [])).toEqual([2025, 2026]);
    expect(noticeYears(null, [2026, 2025])).toEqual([2025, 2026, 2027]);
    expect(noticeYears('', [])).toEqual([]);
  });

  it('starts a 每年 target with every year of the span but the spare one', () => {
    expect(everyYearDefault([2024, 2025, 2026, 2027])).toEqual([2024, 2025, 2026]);
  });
});

describe('headerChanges', () => {
  const policy = {
    docNumber: '江人社〔2025〕3号',
    title: '关于稳就业的通知',
    issuer: '江门市人民政府办公室',
    issuedOn: '2025-03-01',
    issuedOnConfirmed: true,
  };

  it('sends the fields that changed, trimmed', () => {
    expect(headerChanges(policy, { ...policy, title: ' 关于进一步稳就业的通知 ' })).toEqual({ title: '关于进一步稳就业的通知' });
    expect(headerChanges(policy, { ...policy, docNumber: '' })).toEqual({ docNumber: '' });
    expect(headerChanges(policy, policy)).toBeNull();
  });

  it('sends an unconfirmed date even unchanged (saving confirms it), never a malformed one', () => {
    expect(headerChanges({ ...policy, issuedOnConfirmed: false }, policy)).toEqual({ issuedOn: '2025-03-01' });
    expect(headerChanges(policy, { ...policy, issuedOn: '2025-3-1' })).toBeNull();
    expect(headerChanges(policy, { ...policy, issuedOn: '2025-04-02' })).toEqual({ issuedOn: '2025-04-02' });
  });
});
