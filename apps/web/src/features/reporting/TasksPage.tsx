import '../../shared/report-pages.css';
import { useEffect, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import {
  ReportingQuartersDocument,
  ReportTasksDocument,
  type ReportingQuartersQuery,
  type ReportTasksQuery,
} from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { useAuth } from '../../shared/session';
import { measureNumber, stripLeadingNumber } from '../../shared/policy-format';
import { formatDate, formatPeriodLabel } from '../../shared/format';
import { LoadError } from '../../shared/LoadError';
import { StateTag } from '../../shared/StateTag';
import { countTasks, taskDue } from '../../shared/task-state';
import { chooseQuarter, doneCount, groupByPolicy, returnedElsewhere } from './quarter-groups';

type Task = ReportTasksQuery['reportTasks'][number];
type Quarter = ReportingQuartersQuery['myReportingQuarters'][number];

function TaskItem({ task }: { task: Task }) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const due = taskDue(task);
  return (
    <li
      className="ls-task"
      data-testid="task"
      data-measure-seq={task.measure.seq}
      data-policy={task.policy.docNumber}
      data-state={task.state}
    >
      <div className="ls-task-title">
        <span className="ls-measure-number">{measureNumber(task.measure.seq, lang)}</span>
        {lang === 'en' && ' '}
        {display(stripLeadingNumber(task.measure.title))}
      </div>
      <Flex wrap gap={6} align="center" className="ls-task-meta">
        <Tag className="ls-tag" color={task.role === 'LEAD' ? '#c0392b' : undefined} variant={task.role === 'LEAD' ? 'solid' : undefined}>
          {t(`resp.${task.role}`)}
        </Tag>
        <StateTag state={task.state} />
        {task.overdue && (
          <Tag className="ls-tag" color="red" variant="solid">
            {t('tasks.overdue')}
          </Tag>
        )}
        <Typography.Text
          type={task.overdue ? 'danger' : 'secondary'}
          className="ls-task-due"
          data-testid="task-due"
          data-extended={task.extendedDueOn ? 'true' : undefined}
        >
          {t(due.key, { date: formatDate(due.date, lang) })}
        </Typography.Text>
        {task.report && (
          <Link to={`/reports/${task.report.id}`} className="ls-task-link">
            {t('tasks.view')}
          </Link>
        )}
      </Flex>
      {task.state === 'RETURNED' && task.report?.reviewComment && (
        <div className="ls-return-comment" data-testid="return-comment">
          <Typography.Text type="danger" strong>
            {t('tasks.returnComment')}
          </Typography.Text>
          {task.report.reviewComment}
        </div>
      )}
    </li>
  );
}

/** One quarter in the list: when it is due, how far the unit is, and which policies it spans. */
function QuarterCard({ quarter, selected, onSelect }: { quarter: Quarter; selected: boolean; onSelect: () => void }) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  return (
    <button
      type="button"
      className={`ls-quarter${selected ? ' ls-quarter-selected' : ''}`}
      aria-pressed={selected}
      data-testid="quarter"
      data-quarter={quarter.quarter}
      data-open={quarter.open ? 'true' : 'false'}
      onClick={onSelect}
    >
      <Flex wrap gap={6} align="center">
        <Typography.Text strong>{formatPeriodLabel(quarter.quarter, lang)}</Typography.Text>
        {quarter.open ? (
          <Typography.Text type={quarter.overdue ? 'danger' : 'secondary'}>
            {t('tasks.due', { date: formatDate(quarter.dueOn, lang) })}
          </Typography.Text>
        ) : (
          <Tag className="ls-tag" color="success">
            {t('tasks.quarterDone')}
          </Tag>
        )}
        {quarter.overdue && (
          <Tag className="ls-tag" color="red" variant="solid">
            {t('tasks.overdue')}
          </Tag>
        )}
        {quarter.counts.returned > 0 && (
          <Tag className="ls-tag" color="error">
            {t('tasks.returnedCount', { count: quarter.counts.returned })}
          </Tag>
        )}
      </Flex>
      <Typography.Text type="secondary" className="ls-quarter-summary">
        {t('tasks.quarterPolicies', { count: quarter.policies.length })} ·{' '}
        {t('tasks.summary', { total: quarter.taskCount, done: doneCount(quarter.counts) })}
      </Typography.Text>
      <ul className="ls-quarter-policies">
        {quarter.policies.map((part) => (
          <li key={part.policy.id} data-testid="quarter-policy">
            <span className="ls-doc-number">{display(part.policy.docNumber)}</span> {display(part.policy.title)}
            {part.dueOn !== quarter.dueOn && (
              <Typography.Text type="secondary">
                {' '}
                · {t(part.extendedDueOn ? 'tasks.extendedTo' : 'tasks.due', { date: formatDate(part.dueOn, lang) })}
              </Typography.Text>
            )}
          </li>
        ))}
      </ul>
    </button>
  );
}

/** The quarter's measures, a heading per policy (doc number and title), and the way into its one form. */
function QuarterTasks({ quarter }: { quarter: string }) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const navigate = useNavigate();
  // Fresh from the server on each visit: states change when the office reviews.
  const { data, loading, error, refetch } = useQuery(ReportTasksDocument, { variables: { quarter }, fetchPolicy: 'cache-and-network' });
  const tasks = useMemo(() => data?.reportTasks ?? [], [data]);
  const counts = countTasks(tasks);

  if (loading && !data) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (error && !data) return <LoadError error={error} onRetry={() => void refetch().catch(() => undefined)} />;
  if (tasks.length === 0) {
    return (
      <Card>
        <Empty className="ls-empty" description={t('tasks.empty')}>
          <Typography.Text type="secondary">{t('tasks.emptyHint')}</Typography.Text>
        </Empty>
      </Card>
    );
  }
  return (
    <Card size="small" data-testid="quarter-tasks" data-quarter={quarter}>
      <Flex wrap gap={12} align="center" justify="space-between" className="ls-toolbar">
        <Typography.Title level={2} className="ls-section-title">
          {formatPeriodLabel(quarter, lang)}
        </Typography.Title>
        <Button
          type="primary"
          size="large"
          className="ls-fill-button"
          data-testid="fill-report"
          onClick={() => navigate(`/report/q/${quarter}`)}
        >
          {t('tasks.fillQuarter')}
        </Button>
      </Flex>
      <Typography.Paragraph className="ls-task-summary">
        {t('tasks.summary', { total: counts.total, done: counts.done })}
      </Typography.Paragraph>
      {counts.returned > 0 && (
        <Alert type="error" showIcon title={t('tasks.returned', { count: counts.returned })} className="ls-task-alert" />
      )}
      {groupByPolicy(tasks).map(({ policy, items }) => (
        <section key={policy.id} className="ls-policy-group" data-testid="policy-group" data-policy={policy.docNumber}>
          <Typography.Title level={3} className="ls-policy-heading">
            <span className="ls-doc-number">{display(policy.docNumber)}</span> {display(policy.title)}
            <Typography.Text type="secondary" className="ls-policy-count">
              {' '}
              · {t('tasks.policyMeasures', { count: items.length })}
            </Typography.Text>
          </Typography.Title>
          <ul className="ls-task-list">
            {items.map((task) => (
              <TaskItem key={task.measure.id} task={task} />
            ))}
          </ul>
        </section>
      ))}
    </Card>
  );
}

/**
 * `/tasks` (我的填报): the unit's quarters across every published policy it is responsible under,
 * what is due first, each with its policies; the chosen quarter's measures grouped by policy.
 */
export default function TasksPage() {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const { user } = useAuth();
  const { data, loading, error, refetch } = useQuery(ReportingQuartersDocument, { fetchPolicy: 'cache-and-network' });
  const [params, setParams] = useSearchParams();
  const quarters = useMemo(() => data?.myReportingQuarters ?? [], [data]);
  const shown = chooseQuarter(quarters, params.get('quarter'));
  // The quarter is kept in the address, so going back from the form returns to the same quarter.
  const select = (quarter: string) => setParams({ quarter }, { replace: true });

  useEffect(() => {
    document.title = `${t('tasks.title')} · ${t('app.brand')}`;
  }, [t]);

  if (loading && !data) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (error && !data) return <LoadError error={error} onRetry={() => void refetch().catch(() => undefined)} />;
  const returned = returnedElsewhere(quarters, shown);
  return (
    <div className="ls-page">
      <div className="ls-page-head">
        <Typography.Title level={1} className="ls-page-title">
          {t('tasks.title')}
        </Typography.Title>
        {user?.agency && <Typography.Text type="secondary">{t('tasks.unit', { name: display(user.agency.name) })}</Typography.Text>}
      </div>
      {returned.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="returned-elsewhere"
          title={t('tasks.returnedElsewhere')}
          description={
            <Flex wrap gap={4}>
              {returned.map((q) => (
                <Button key={q.quarter} type="link" className="ls-inline-button" onClick={() => select(q.quarter)}>
                  {t('tasks.returnedInQuarter', { period: formatPeriodLabel(q.quarter, lang), count: q.counts.returned })}
                </Button>
              ))}
            </Flex>
          }
        />
      )}
      {!shown ? (
        <Empty className="ls-empty" description={t('tasks.noQuarters')} />
      ) : (
        <div className="ls-quarters-layout">
          <nav className="ls-quarters" aria-label={t('tasks.quarters')} data-testid="quarters">
            {quarters.map((q) => (
              <QuarterCard key={q.quarter} quarter={q} selected={q.quarter === shown} onSelect={() => select(q.quarter)} />
            ))}
          </nav>
          <QuarterTasks key={shown} quarter={shown} />
        </div>
      )}
    </div>
  );
}
