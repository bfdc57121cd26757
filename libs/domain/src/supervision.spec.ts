import { rateByReporting, ratingChange, UnitStanding } from './supervision';

const unit = (name: string, over: Partial<UnitStanding> = {}): UnitStanding => ({
  name,
  role: 'CO',
  status: 'ACCEPTED',
  submitted: true,
  unitStatus: 'ON_TRACK',
  ...over,
});

describe('rateByReporting (measures without targets)', () => {
  it('is GREEN when every unit reported and nobody flags a risk', () => {
    const v = rateByReporting([unit('市人社局', { role: 'LEAD' }), unit('市财政局')], true);
    expect(v.rating).toBe('GREEN');
    expect(v.reasons[0]).toContain('2/2');
  });

  it('does not count anyone late before the due date', () => {
    const v = rateByReporting(
      [unit('市人社局', { role: 'LEAD', submitted: false, status: null }), unit('市财政局', { submitted: false, status: null })],
      false,
    );
    expect(v.rating).toBe('GREEN');
    expect(v.reasons[0]).toContain('尚未到报送截止日');
  });

  it('is RED when the lead unit has not reported after the due date', () => {
    const v = rateByReporting(
      [unit('市人社局', { role: 'LEAD', submitted: false, status: null }), unit('市财政局'), unit('市教育局'), unit('市民政局')],
      true,
    );
    expect(v.rating).toBe('RED');
    expect(v.reasons).toEqual(['牵头单位市人社局逾期未报']);
  });

  it('is RED when half the units have not reported, YELLOW when fewer have not', () => {
    const half = [unit('甲', { role: 'LEAD' }), unit('乙', { submitted: false }), unit('丙', { submitted: false }), unit('丁')];
    expect(rateByReporting(half, true)).toEqual({ rating: 'RED', reasons: ['2/4个责任单位逾期未报'] });
    const one = [unit('甲', { role: 'LEAD' }), unit('乙', { submitted: false }), unit('丙'), unit('丁')];
    expect(rateByReporting(one, true)).toEqual({ rating: 'YELLOW', reasons: ['乙逾期未报'] });
  });

  it('follows the units’ own status: BEHIND is RED for the lead unit or half the units, else YELLOW; AT_RISK is YELLOW', () => {
    expect(rateByReporting([unit('甲', { unitStatus: 'BEHIND' }), unit('乙')], true).rating).toBe('RED');
    expect(rateByReporting([unit('甲', { role: 'LEAD', unitStatus: 'BEHIND' }), unit('乙'), unit('丙')], true).rating).toBe('RED');
    expect(rateByReporting([unit('甲', { role: 'LEAD' }), unit('乙', { unitStatus: 'BEHIND' }), unit('丙')], true)).toEqual({
      rating: 'YELLOW',
      reasons: ['乙自报进度滞后'],
    });
    expect(rateByReporting([unit('甲', { unitStatus: 'AT_RISK' }), unit('乙')], true)).toEqual({
      rating: 'YELLOW',
      reasons: ['甲自报存在风险'],
    });
  });

  it('is YELLOW while a report is returned and not yet resubmitted', () => {
    expect(rateByReporting([unit('甲', { status: 'RETURNED' })], true)).toEqual({ rating: 'YELLOW', reasons: ['甲的报告被退回待修改'] });
  });

  it('lists every finding, the red ones first', () => {
    const v = rateByReporting([unit('甲', { unitStatus: 'AT_RISK' }), unit('乙', { role: 'LEAD', unitStatus: 'BEHIND' })], true);
    expect(v).toEqual({ rating: 'RED', reasons: ['乙自报进度滞后', '甲自报存在风险'] });
  });
});

describe('ratingChange', () => {
  it('compares with the previous quarter', () => {
    expect(ratingChange(null, 'RED')).toBe('NEW');
    expect(ratingChange('RED', 'YELLOW')).toBe('IMPROVED');
    expect(ratingChange('GREEN', 'YELLOW')).toBe('SLIPPED');
    expect(ratingChange('YELLOW', 'YELLOW')).toBe('SAME');
  });
});
