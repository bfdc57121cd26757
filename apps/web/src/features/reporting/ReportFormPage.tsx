import '../../shared/report-pages.css';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Link, useParams } from 'react-router';
import { useApolloClient, useQuery } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import { Alert, Button, Card, Empty, Popconfirm, Skeleton, Typography } from 'antd';
import {
  LatestReportDocument,
  ReportFormDocument,
  SaveReportDraftDocument,
  SubmitReportDocument,
  type ReportFormQuery,
} from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { ReportDraftStore, type DraftApi } from './draft-store';
import { buildFigureGrid, gridRows, type FigureGrid } from './figure-grid';
import { LoadError } from '../../shared/LoadError';
import { MeasureReportCard, type FormTask } from './MeasureReportCard';
import { formatDate, formatPeriodLabel, periodYear } from '../../shared/format';
import { ExcelBar } from './ExcelBar';
import { formCardOrder, groupByPolicy, type PolicyGroup } from './quarter-groups';

function apolloDraftApi(client: ApolloClient): DraftApi {
  const required = <T,>(value: T | null | undefined): T => {
    if (value === null || value === undefined) throw new Error('empty response');
    return value;
  };
  return {
    save: async (input) =>
      required((await client.mutate({ mutation: SaveReportDraftDocument, variables: { input } })).data?.saveProgressReport),
    submit: async (id, version) =>
      required((await client.mutate({ mutation: SubmitReportDocument, variables: { id, version } })).data?.submitProgressReport),
    fetchLatest: async (id) =>
      required((await client.query({ query: LatestReportDocument, variables: { id }, fetchPolicy: 'network-only' })).data?.progressReport),
  };
}

interface FormCard {
  task: FormTask;
  grid: FigureGrid;
  seq: number;
  hasFigures: boolean;
}

interface FormSetup {
  store: ReportDraftStore;
  /** Per policy (the API's order); within one, measures with figures to give first: they feed the targets the leaders watch. */
  groups: PolicyGroup<FormCard>[];
}

function setUpForm(data: ReportFormQuery, client: ApolloClient): FormSetup {
  const cards = data.reportTasks.map((task) => {
    const grid = buildFigureGrid({
      targets: task.measure.targets,
      counties: data.agencies,
      agency: task.agency,
      periodYear: periodYear(task.period),
      previousValues: task.previousReport?.values,
    });
    return { task, grid, seq: task.measure.seq, hasFigures: grid.groups.length > 0, policy: task.policy };
  });
  const groups = groupByPolicy(cards).map(({ policy, items }) => ({ policy, items: formCardOrder(items) }));
  const store = new ReportDraftStore(
    { agencyId: data.reportTasks[0].agency.id, api: apolloDraftApi(client) },
    groups.flatMap(({ items }) =>
      items.map(({ task, grid }) => ({ measureId: task.measure.id, periodId: task.period.id, report: task.report, rows: gridRows(grid) })),
    ),
  );
  return { store, groups };
}

function FormFooter({ store }: { store: ReportDraftStore }) {
  const { t } = useI18n();
  const drafts = useSyncExternalStore(store.subscribe, store.all);
  const [result, setResult] = useState<{ submitted: number; failed: number } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const done = drafts.filter((d) => d.report?.status === 'SUBMITTED' || d.report?.status === 'ACCEPTED').length;
  const saving = drafts.some((d) => d.save.kind === 'saving');
  const unsaved = drafts.filter((d) => d.save.kind === 'failed' || d.save.kind === 'conflict').length;
  const submittable = store.submittable().length;

  const submitAll = async () => {
    setSubmitting(true);
    setResult(null);
    try {
      setResult(await store.submitAll());
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="ls-form-footer" data-testid="form-footer">
      {result && (
        <Alert
          type={result.failed ? 'warning' : 'success'}
          showIcon
          closable={{ onClose: () => setResult(null) }}
          title={result.failed ? t('report.submitAllFailed', result) : t('report.submitAllResult', result)}
          data-testid="submit-all-result"
        />
      )}
      <div className="ls-form-footer-bar">
        <span className="ls-form-footer-status" role="status" aria-live="polite">
          {t('report.done', { done, total: drafts.length })}
          {saving && <Typography.Text type="secondary"> · {t('report.save.saving')}</Typography.Text>}
          {unsaved > 0 && <Typography.Text type="danger"> · {t('report.save.someFailed', { count: unsaved })}</Typography.Text>}
        </span>
        <Popconfirm
          title={submittable ? t('report.submitAllConfirm', { count: submittable }) : t('report.submitAllNone')}
          okText={t('report.submitAll')}
          cancelText={t('common.cancel')}
          okButtonProps={{ disabled: submittable === 0 }}
          onConfirm={() => void submitAll()}
        >
          <Button type="primary" size="large" loading={submitting} data-testid="submit-all">
            {t('report.submitAll')}
          </Button>
        </Popconfirm>
      </div>
    </div>
  );
}

/** The unit's earliest due date among the quarter's policies, and whether it is an extension. */
function earliestDue(tasks: ReportFormQuery['reportTasks']): { date: string; extended: boolean } {
  const dues = tasks.map((task) => ({ date: task.extendedDueOn ?? task.period.dueOn, extended: !!task.extendedDueOn }));
  return dues.reduce((a, b) => (b.date < a.date ? b : a));
}

function ReportForm({ data, quarter }: { data: ReportFormQuery; quarter: string }) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const client = useApolloClient();
  // Set up once: later cache updates (each save writes the report back) must not reset the drafts.
  const [{ store, groups }] = useState(() => setUpForm(data, client));
  const { agency } = data.reportTasks[0];
  const due = earliestDue(data.reportTasks);
  const periodText = formatPeriodLabel(quarter, lang);

  useEffect(() => {
    // Closing the tab or switching apps in WeCom: save what is pending now, and warn on close.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!store.hasUnsaved()) return;
      void store.flushAll();
      event.preventDefault();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void store.flushAll();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onVisibility);
      void store.flushAll(); // leaving the page within the app
      store.dispose();
    };
  }, [store]);

  useEffect(() => {
    document.title = `${t('report.title', { period: periodText })} · ${t('app.brand')}`;
  }, [t, periodText]);

  return (
    <div className="ls-page ls-report-form">
      <div className="ls-page-head">
        <Link to={`/tasks?quarter=${quarter}`} className="ls-back-link">
          ← {t('report.back')}
        </Link>
        <Typography.Title level={1} className="ls-page-title">
          {t('report.title', { period: periodText })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t(due.extended ? 'report.unitExtended' : 'report.unitDue', { unit: display(agency.name), date: formatDate(due.date, lang) })}
        </Typography.Text>
        <Typography.Paragraph type="secondary" className="ls-report-intro">
          {t('report.intro')}
          {groups.length > 1 && ` ${t('report.policies', { count: groups.length })}`}
        </Typography.Paragraph>
        <ExcelBar quarter={quarter} onBeforeImport={() => store.flushAll().then(() => undefined)} />
      </div>
      {groups.map(({ policy, items }) => (
        <section
          key={policy.id}
          className="ls-form-policy"
          data-testid="form-policy"
          data-policy={policy.docNumber}
          aria-label={display(policy.docNumber)}
        >
          <Typography.Title level={2} className="ls-form-policy-heading">
            <span className="ls-doc-number">{display(policy.docNumber)}</span> {display(policy.title)}
          </Typography.Title>
          {items.map(({ task, grid }) => (
            <MeasureReportCard key={task.measure.id} store={store} task={task} grid={grid} />
          ))}
        </section>
      ))}
      <FormFooter store={store} />
    </div>
  );
}

/** `/report/q/:quarter`: the reporter's one form for the quarter, every policy's measures grouped by policy, a card per measure. */
export default function ReportFormPage() {
  const { t } = useI18n();
  const quarter = (useParams().quarter ?? '').toUpperCase();
  // Always from the server: the form starts from the latest versions, or saves would conflict.
  const { data, loading, error, refetch } = useQuery(ReportFormDocument, { variables: { quarter }, fetchPolicy: 'network-only' });

  if (loading && !data) {
    return (
      <div className="ls-page" aria-busy="true">
        {[0, 1, 2].map((i) => (
          <Card key={i}>
            <Skeleton active paragraph={{ rows: 5 }} />
          </Card>
        ))}
      </div>
    );
  }
  if (error && !data) return <LoadError error={error} onRetry={() => void refetch().catch(() => undefined)} />;
  if (!data || data.reportTasks.length === 0) {
    return (
      <Empty className="ls-empty" description={t('tasks.empty')}>
        <Link to="/tasks">{t('report.back')}</Link>
      </Empty>
    );
  }
  return <ReportForm key={quarter} data={data} quarter={quarter} />;
}
