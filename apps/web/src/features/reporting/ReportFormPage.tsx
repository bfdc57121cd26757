import './reporting.css';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Link, useParams } from 'react-router';
import { useApolloClient, useQuery } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import { Alert, Button, Card, Empty, Popconfirm, Skeleton, Typography } from 'antd';
import { LatestReportDocument, ReportFormDocument, SaveReportDraftDocument, SubmitReportDocument, type ReportFormQuery } from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../app/i18n';
import { ReportDraftStore, type DraftApi } from './draft-store';
import { buildFigureGrid, gridRows, type FigureGrid } from './figure-grid';
import { LoadError } from './LoadError';
import { MeasureReportCard, type FormTask } from './MeasureReportCard';
import { formatDate, formatPeriodLabel, periodYear } from './report-format';
import { ExcelBar } from './ExcelBar';

function apolloDraftApi(client: ApolloClient): DraftApi {
  const required = <T,>(value: T | null | undefined): T => {
    if (value === null || value === undefined) throw new Error('empty response');
    return value;
  };
  return {
    save: async (input) => required((await client.mutate({ mutation: SaveReportDraftDocument, variables: { input } })).data?.saveProgressReport),
    submit: async (id, version) => required((await client.mutate({ mutation: SubmitReportDocument, variables: { id, version } })).data?.submitProgressReport),
    fetchLatest: async (id) => required((await client.query({ query: LatestReportDocument, variables: { id }, fetchPolicy: 'network-only' })).data?.progressReport),
  };
}

interface FormSetup {
  store: ReportDraftStore;
  /** Measures with figures to give come first: they feed the targets the leaders watch. */
  cards: { task: FormTask; grid: FigureGrid }[];
}

function setUpForm(data: ReportFormQuery, periodId: string, client: ApolloClient): FormSetup {
  const cards = data.reportTasks
    .map((task) => ({
      task,
      grid: buildFigureGrid({
        targets: task.measure.targets,
        counties: data.agencies,
        agency: task.agency,
        periodYear: periodYear(task.period),
        previousValues: task.previousReport?.values,
      }),
    }))
    .sort((a, b) => Number(b.grid.groups.length > 0) - Number(a.grid.groups.length > 0) || a.task.measure.seq - b.task.measure.seq);
  const store = new ReportDraftStore(
    { periodId, agencyId: data.reportTasks[0].agency.id, api: apolloDraftApi(client) },
    cards.map(({ task, grid }) => ({ measureId: task.measure.id, report: task.report, rows: gridRows(grid) })),
  );
  return { store, cards };
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

function ReportForm({ data, periodId }: { data: ReportFormQuery; periodId: string }) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const client = useApolloClient();
  // Set up once: later cache updates (each save writes the report back) must not reset the drafts.
  const [{ store, cards }] = useState(() => setUpForm(data, periodId, client));
  const { agency, period, extendedDueOn } = data.reportTasks[0];
  const periodText = formatPeriodLabel(period.label, lang);

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
        <Link to={`/tasks?period=${periodId}`} className="ls-back-link">
          ← {t('report.back')}
        </Link>
        <Typography.Title level={1} className="ls-page-title">
          {t('report.title', { period: periodText })}
        </Typography.Title>
        <Typography.Text type="secondary">{t(extendedDueOn ? 'report.unitExtended' : 'report.unitDue', { unit: display(agency.name), date: formatDate(extendedDueOn ?? period.dueOn, lang) })}</Typography.Text>
        <Typography.Paragraph type="secondary" className="ls-report-intro">
          {t('report.intro')}
        </Typography.Paragraph>
        <ExcelBar periodId={periodId} onBeforeImport={() => store.flushAll().then(() => undefined)} />
      </div>
      {cards.map(({ task, grid }) => (
        <MeasureReportCard key={task.measure.id} store={store} task={task} grid={grid} />
      ))}
      <FormFooter store={store} />
    </div>
  );
}

/** `/report/:periodId`: the reporter's one form for the period, a card per measure. */
export default function ReportFormPage() {
  const { t } = useI18n();
  const { periodId = '' } = useParams();
  // Always from the server: the form starts from the latest versions, or saves would conflict.
  const { data, loading, error, refetch } = useQuery(ReportFormDocument, { variables: { periodId }, fetchPolicy: 'network-only' });

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
  return <ReportForm key={periodId} data={data} periodId={periodId} />;
}
