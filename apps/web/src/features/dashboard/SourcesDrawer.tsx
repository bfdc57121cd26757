import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Drawer, Empty, Skeleton, Table, Typography } from 'antd';
import { FigureSourcesDocument, type FigureSourcesQuery } from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { formatPeriodLabel } from '../../shared/format';
import { LoadError } from '../../shared/LoadError';
import { formatCount } from './dashboard-format';

export interface SourcesRequest {
  targetId: string;
  targetName: string;
  unit: string;
  /** One county, or the whole city when absent */
  countyId?: string;
  countyName?: string;
}

type Source = FigureSourcesQuery['figureSources'][number];

/** The accepted figures behind a number on the dashboard, each with a link to its report. */
export function SourcesDrawer({ request, periodId, onClose }: { request: SourcesRequest | null; periodId: string; onClose: () => void }) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const { data, loading, error, refetch } = useQuery(FigureSourcesDocument, {
    variables: { targetId: request?.targetId ?? '', periodId, countyId: request?.countyId ?? null },
    skip: !request,
  });
  const rows = data?.figureSources ?? [];
  const total = rows.reduce((sum, r) => sum + r.value, 0);
  return (
    <Drawer
      open={!!request}
      onClose={onClose}
      size="large"
      title={
        request
          ? t('dashboard.sourcesTitle', { target: display(request.targetName), scope: request.countyName ?? t('dashboard.cityWide') })
          : ''
      }
      data-testid="sources-drawer"
      rootClassName="ls-sources-drawer"
    >
      {error ? (
        <LoadError error={error} onRetry={() => void refetch()} />
      ) : loading || !data ? (
        <Skeleton active />
      ) : rows.length === 0 ? (
        <Empty description={t('dashboard.sourcesEmpty')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t('dashboard.sourcesTotal', { value: `${formatCount(total, lang)} ${display(request?.unit ?? '')}` })}
          </Typography.Paragraph>
          <Table<Source>
            size="small"
            rowKey={(r) => `${r.reportId}-${r.county.id}`}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              // One county asked for: its name is in the title, so the column would only take room on a phone.
              ...(request?.countyId
                ? []
                : [{ title: t('dashboard.colCounty'), key: 'county', render: (_: unknown, r: Source) => display(r.county.shortName) }]),
              { title: t('dashboard.colReporter'), key: 'agency', render: (_, r) => display(r.agency.shortName) },
              { title: t('dashboard.colPeriod'), key: 'period', render: (_, r) => formatPeriodLabel(r.period.label, lang) },
              { title: t('dashboard.colValue'), key: 'value', align: 'right', render: (_, r) => formatCount(r.value, lang) },
              {
                title: '',
                key: 'link',
                render: (_, r) => (
                  <Link to={`/reports/${r.reportId}`} data-testid="source-report-link">
                    {t('dashboard.openReport')}
                  </Link>
                ),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
