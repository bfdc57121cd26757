import { MESSAGES } from '../../app/catalogue';
import { AUDIT_ACTIONS } from '@luoshi/domain';
import { describeHistoryEvent, historyActionWords } from './history';

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

  it('words an action without a sentence of its own from the audit table, in each language, never as a code', () => {
    expect(historyActionWords('report.attach', 'zh-Hans')).toBe('上传附件');
    expect(historyActionWords('report.attach', 'zh-Hant')).toBe('上傳附件');
    expect(historyActionWords('demo.create', 'zh-Hans')).toBe('载入演示数据');
    expect(historyActionWords('report.detach', 'en')).toBe('Removed an attachment');
    for (const action of Object.keys(AUDIT_ACTIONS))
      for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) expect(historyActionWords(action, lang)).not.toContain(action);
  });

  it('gives an action without a sentence of its own the general line', () => {
    expect(describeHistoryEvent({ action: 'report.attach', changedFields: [] })).toEqual({
      key: 'history.other',
      fields: [],
      color: 'gray',
    });
  });
});
