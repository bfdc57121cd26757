import type { ReportStatus, TaskState, UnitStatus } from '../graphql/generated';

/**
 * Tag colours of the five task states, chosen for meaning at a glance: grey nothing yet, blue
 * being written, gold waiting for the office, red sent back, green done.
 */
export const TASK_STATE_COLORS: Record<TaskState, string> = {
  NOT_STARTED: 'default',
  DRAFT: 'processing',
  SUBMITTED: 'gold',
  RETURNED: 'error',
  ACCEPTED: 'success',
};

/** The message key of a state's label: 未开始 / 草稿 / 已提交 / 被退回 / 已通过. */
export const taskStateKey = (state: TaskState) => `taskState.${state}` as const;

/** A report's status as the task state it puts its measure in. */
export const taskStateOf = (status: ReportStatus | null | undefined): TaskState => status ?? 'NOT_STARTED';

/** The unit may still change a report in these states (and create one when there is none). */
export function isEditableStatus(status: ReportStatus | null | undefined): boolean {
  return !status || status === 'DRAFT' || status === 'RETURNED';
}

/** In the order a reporter weighs them: on track first, done last. */
export const UNIT_STATUSES: readonly UnitStatus[] = ['ON_TRACK', 'AT_RISK', 'BEHIND', 'DONE'];
export const unitStatusKey = (status: UnitStatus) => `unitStatus.${status}` as const;
export const UNIT_STATUS_COLORS: Record<UnitStatus, string> = {
  ON_TRACK: 'green',
  AT_RISK: 'orange',
  BEHIND: 'red',
  DONE: 'blue',
};

export interface TaskCounts {
  total: number;
  /** Submitted or accepted: nothing left for the unit to do. */
  done: number;
  returned: number;
  overdue: number;
}

export function countTasks(tasks: readonly { state: TaskState; overdue: boolean }[]): TaskCounts {
  return {
    total: tasks.length,
    done: tasks.filter((t) => t.state === 'SUBMITTED' || t.state === 'ACCEPTED').length,
    returned: tasks.filter((t) => t.state === 'RETURNED').length,
    overdue: tasks.filter((t) => t.overdue).length,
  };
}

/**
 * What a task's due line says: the unit's own later date (延期至 …) where the office extended it,
 * else the period's (截止 …).
 */
export function taskDue(task: { dueOn?: string | null; extendedDueOn?: string | null; period: { dueOn: string } }): {
  key: 'tasks.due' | 'tasks.extendedTo';
  date: string;
} {
  if (task.extendedDueOn) return { key: 'tasks.extendedTo', date: task.extendedDueOn };
  return { key: 'tasks.due', date: task.dueOn ?? task.period.dueOn };
}
