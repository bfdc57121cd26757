import { sharedMessages } from './messages';
import {
  countTasks,
  isEditableStatus,
  taskDue,
  TASK_STATE_COLORS,
  taskStateKey,
  taskStateOf,
  UNIT_STATUSES,
  unitStatusKey,
} from './task-state';

describe('task states', () => {
  it('label every state in plain words', () => {
    const zh = sharedMessages['zh-Hans'];
    expect(Object.keys(TASK_STATE_COLORS).map((s) => zh[taskStateKey(s as keyof typeof TASK_STATE_COLORS)])).toEqual([
      '未开始',
      '草稿',
      '已提交',
      '被退回',
      '已通过',
    ]);
  });

  it('colour returned red and accepted green', () => {
    expect(TASK_STATE_COLORS.RETURNED).toBe('error');
    expect(TASK_STATE_COLORS.ACCEPTED).toBe('success');
  });

  it('let the unit edit only what the office does not hold', () => {
    expect([null, 'DRAFT', 'RETURNED', 'SUBMITTED', 'ACCEPTED'].map((s) => isEditableStatus(s as never))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(taskStateOf(null)).toBe('NOT_STARTED');
    expect(taskStateOf('RETURNED')).toBe('RETURNED');
  });

  it('count what is done, returned and overdue', () => {
    const counts = countTasks([
      { state: 'SUBMITTED', overdue: false },
      { state: 'ACCEPTED', overdue: false },
      { state: 'RETURNED', overdue: true },
      { state: 'NOT_STARTED', overdue: true },
    ]);
    expect(counts).toEqual({ total: 4, done: 2, returned: 1, overdue: 2 });
  });

  it('name each self-assessment', () => {
    expect(UNIT_STATUSES.map((s) => sharedMessages['zh-Hans'][unitStatusKey(s)])).toEqual(['按计划推进', '存在风险', '进度滞后', '已完成']);
  });

  it('say 延期至 the unit’s own date where the office extended it, else the period’s', () => {
    const period = { dueOn: '2025-01-10' };
    expect(taskDue({ period, dueOn: '2025-01-10', extendedDueOn: null })).toEqual({ key: 'tasks.due', date: '2025-01-10' });
    expect(taskDue({ period, dueOn: '2025-01-20', extendedDueOn: '2025-01-20' })).toEqual({ key: 'tasks.extendedTo', date: '2025-01-20' });
    const { key, date } = taskDue({ period, dueOn: '2025-01-20', extendedDueOn: '2025-01-20' });
    expect(
      ['zh-Hans', 'zh-Hant', 'en'].map((lang) => sharedMessages[lang as keyof typeof sharedMessages][key].replace('{date}', date)),
    ).toEqual(['延期至 2025-01-20', '延期至 2025-01-20', 'Extended to 2025-01-20']);
  });
});
