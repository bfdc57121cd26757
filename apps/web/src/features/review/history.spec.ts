import { MESSAGES } from '../../app/catalogue';
import { describeHistoryEvent } from './history';

const zh = MESSAGES['zh-Hans'];

describe('describeHistoryEvent', () => {
  it('names the fields an update changed, in Chinese', () => {
    const line = describeHistoryEvent({ action: 'report.update', changedFields: ['progress', 'values'] });
    expect(line.key).toBe('history.report.update');
    expect(line.fields.map((k) => zh[k])).toEqual(['工作进展', '数据']);
  });

  it('says a save that changed nothing plainly', () => {
    expect(describeHistoryEvent({ action: 'report.update', changedFields: [] }).key).toBe('history.report.updateNone');
  });

  it('colours reviews and submissions, and leaves the status out of them', () => {
    expect(describeHistoryEvent({ action: 'report.return', changedFields: ['status'] })).toEqual({
      key: 'history.report.return',
      fields: [],
      color: 'red',
    });
    expect(describeHistoryEvent({ action: 'report.accept', changedFields: ['status'] }).color).toBe('green');
    expect(zh[describeHistoryEvent({ action: 'report.submit', changedFields: ['status'] }).key]).toBe('提交了报告');
  });

  it('shows an action this client does not know as it is', () => {
    expect(describeHistoryEvent({ action: 'report.attach', changedFields: [] })).toEqual({
      key: 'history.other',
      fields: [],
      color: 'gray',
    });
  });
});
