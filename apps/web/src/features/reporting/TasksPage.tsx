import './reporting.css';
import { useEffect, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, Flex, Select, Skeleton, Tag, Typography } from 'antd';
import { ReportTasksDocument, ReturnedReportsDocument, type ReportTasksQuery } from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../app/i18n';
import { useAuth } from '../auth/auth';
import { measureNumber, stripLeadingNumber } from '../policy/policy-format';
import { formatDate, formatPeriodLabel } from './report-format';
import { LoadError } from './LoadError';
import { StateTag } from './StateTag';
import { countTasks, taskDue } from './task-state';
import { choosePeriod, useReportingPolicy, type ReportingPolicy } from './usePeriods';

type Task = ReportTasksQuery['reportTasks'][number];

function TaskItem({ task }: { task: Task }) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const due = taskDue(task);
  return (
    <li className="ls-task" data-testid="task" data-measure-seq={task.measure.seq} data-state={task.state}>
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
        <Typography.Text type={task.overdue ? 'danger' : 'secondary'} className="ls-task-due" data-testid="task-due" data-extended={task.extendedDueOn ? 'true' : undefined}>
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

/** Reports returned in other periods than the one shown: the default period is the current one. */
function ReturnedElsewhere({ policyId, periodId, onPeriodChange }: { policyId: string; periodId: string; onPeriodChange: (id: string) => void }) {
  const { t, lang } = useI18n();
  const { data } = useQuery(ReturnedReportsDocument, { variables: { policyId }, fetchPolicy: 'cache-and-network' });
  const byPeriod = new Map<string, { label: string; seqs: number[] }>();
  for (const report of data?.progressReports ?? []) {
    if (report.period.id === periodId) continue;
    const entry = byPeriod.get(report.period.id) ?? { label: report.period.label, seqs: [] };
    entry.seqs.push(report.measure.seq);
    byPeriod.set(report.period.id, entry);
  }
  if (byPeriod.size === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="returned-elsewhere"
      title={t('tasks.returnedElsewhere')}
      description={
        <Flex wrap gap={4}>
          {[...byPeriod].map(([id, { label, seqs }]) => (
            <Button key={id} type="link" className="ls-inline-button" onClick={() => onPeriodChange(id)}>
              {t('tasks.returnedIn', {
                period: formatPeriodLabel(label, lang),
                measures: seqs.sort((a, b) => a - b).map((seq) => measureNumber(seq, lang)).join(t('common.listSeparator')),
              })}
            </Button>
          ))}
        </Flex>
      }
    />
  );
}

function TaskList({ policy, periodId, onPeriodChange }: { policy: ReportingPolicy; periodId: string; onPeriodChange: (id: string) => void }) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const { user } = useAuth();
  const navigate = useNavigate();
  // Fresh from the server on each visit: states change when the office reviews.
  const { data, loading, error, refetch } = useQuery(ReportTasksDocument, { variables: { periodId }, fetchPolicy: 'cache-and-network' });
  const tasks = useMemo(() => data?.reportTasks ?? [], [data]);
  const counts = countTasks(tasks);

  const periodOptions = [...policy.periods].reverse().map((p) => {
    const label = formatPeriodLabel(p.label, lang);
    return { value: p.id, label: p.id === policy.currentPeriod?.id ? t('tasks.periodCurrent', { label }) : label };
  });

  return (
    <div className="ls-page">
      <div className="ls-page-head">
        <Typography.Title level={1} className="ls-page-title">
          {t('tasks.title')}
        </Typography.Title>
        {user?.agency && <Typography.Text type="secondary">{t('tasks.unit', { name: display(user.agency.name) })}</Typography.Text>}
      </div>
      <Flex wrap gap={12} align="center" className="ls-toolbar">
        <label className="ls-period-picker">
          <Typography.Text type="secondary">{t('tasks.period')}</Typography.Text>
          <Select value={periodId} options={periodOptions} onChange={onPeriodChange} data-testid="period-select" className="ls-period-select" />
        </label>
        {tasks.length > 0 && (
          <Button type="primary" size="large" className="ls-fill-button" data-testid="fill-report" onClick={() => navigate(`/report/${periodId}`)}>
            {t('tasks.fill')}
          </Button>
        )}
      </Flex>
      <ReturnedElsewhere policyId={policy.id} periodId={periodId} onPeriodChange={onPeriodChange} />
      {loading && !data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : error && !data ? (
        <LoadError error={error} onRetry={() => void refetch().catch(() => undefined)} />
      ) : tasks.length === 0 ? (
        <Card>
          <Empty className="ls-empty" description={t('tasks.empty')}>
            <Typography.Text type="secondary">{t('tasks.emptyHint')}</Typography.Text>
          </Empty>
        </Card>
      ) : (
        <Card size="small">
          <Typography.Paragraph className="ls-task-summary">{t('tasks.summary', { total: counts.total, done: counts.done })}</Typography.Paragraph>
          {counts.returned > 0 && <Alert type="error" showIcon title={t('tasks.returned', { count: counts.returned })} className="ls-task-alert" />}
          <ul className="ls-task-list">
            {tasks.map((task) => (
              <TaskItem key={task.measure.id} task={task} />
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

/** `/tasks`: the reporter's measures for a period, with where each stands, and the way into the form. */
export default function TasksPage() {
  const { t } = useI18n();
  const { policy, loading, error, refetch } = useReportingPolicy();
  const [params, setParams] = useSearchParams();
  const periodId = policy ? choosePeriod(policy, params.get('period')) : null;

  useEffect(() => {
    document.title = `${t('tasks.title')} · ${t('app.brand')}`;
  }, [t]);

  if (loading && !policy) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (error && !policy) return <LoadError error={error} onRetry={() => void refetch().catch(() => undefined)} />;
  if (!policy || !periodId) return <Empty className="ls-empty" description={t('tasks.noPeriods')} />;
  // The period is kept in the address, so going back from the form returns to the same period.
  return <TaskList policy={policy} periodId={periodId} onPeriodChange={(id) => setParams({ period: id }, { replace: true })} />;
}
