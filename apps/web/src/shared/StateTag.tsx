import { Tag } from 'antd';
import type { TaskState } from '../graphql/generated';
import { useI18n } from './i18n';
import { TASK_STATE_COLORS, taskStateKey } from './task-state';

/** 未开始 / 草稿 / 已提交 / 被退回 / 已通过 as a coloured tag. */
export function StateTag({ state }: { state: TaskState }) {
  const { t } = useI18n();
  return (
    <Tag className="ls-tag" color={TASK_STATE_COLORS[state]} data-testid="task-state" data-state={state}>
      {t(taskStateKey(state))}
    </Tag>
  );
}
