import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Empty, Input, Result, Skeleton, Typography } from 'antd';
import { PolicyStructureDocument } from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { isConnectionError } from '../../shared/errors';
import { useTraditionalToSimplified } from '../../shared/opencc';
import { MeasureCard } from './MeasureCard';
import { PolicyHeader } from './PolicyHeader';
import { buildMeasureSearchIndex, searchMeasureIndex } from './measure-search';
import { sectionNumber, stripLeadingNumber } from '../../shared/policy-format';
import { groupMeasuresBySection } from './sections';
import type { PolicyData } from './types';
import { usePolicyFromRoute } from '../policy-nav';

export function PolicySkeleton() {
  return (
    <div className="ls-page" aria-busy="true">
      <Card className="ls-policy-header">
        <Skeleton active title={{ width: '60%' }} paragraph={{ rows: 2 }} />
      </Card>
      <div className="ls-measure-grid">
        {[0, 1, 2, 3].map((i) => (
          <Card key={i} size="small">
            <Skeleton active paragraph={{ rows: 3 }} />
          </Card>
        ))}
      </div>
    </div>
  );
}

function PolicyView({ policy }: { policy: PolicyData }) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const searching = deferredQuery.trim() !== '';

  // Simplified input must find traditional text (and vice versa) in every UI language, so the
  // converter is fetched as soon as someone searches, even in the traditional UI.
  const toSimplified = useTraditionalToSimplified(searching || lang !== 'zh-Hant');
  const index = useMemo(() => buildMeasureSearchIndex(policy.measures, toSimplified), [policy.measures, toSimplified]);
  const matches = useMemo(() => searchMeasureIndex(index, deferredQuery), [index, deferredQuery]);
  const sections = useMemo(
    () => groupMeasuresBySection(policy.sections, matches).filter((s) => !searching || s.measures.length > 0),
    [policy.sections, matches, searching],
  );

  const docNumber = display(policy.docNumber);
  useEffect(() => {
    document.title = `${docNumber} · ${t('app.brand')}`;
  }, [docNumber, t]);

  return (
    <div className="ls-page">
      <PolicyHeader policy={policy} />
      <div className="ls-search" role="search">
        <Input.Search
          allowClear
          size="large"
          value={query}
          placeholder={t('policy.searchPlaceholder')}
          aria-label={t('policy.searchLabel')}
          onChange={(e) => setQuery(e.target.value)}
          onSearch={setQuery}
        />
        {searching && (
          <Typography.Text type="secondary" className="ls-search-count" aria-live="polite">
            {t('policy.searchResult', { count: matches.length })}
          </Typography.Text>
        )}
      </div>
      {searching && matches.length === 0 ? (
        <Empty description={t('policy.noMatch')} />
      ) : (
        sections.map((section) => (
          <section key={section.seq} className="ls-section" aria-labelledby={`section-${section.seq}`}>
            <Typography.Title level={2} id={`section-${section.seq}`} className="ls-section-title">
              {sectionNumber(section.seq, lang)}
              {display(stripLeadingNumber(section.title))}
            </Typography.Title>
            <div className="ls-measure-grid">
              {section.measures.map((measure) => (
                <MeasureCard key={measure.id} measure={measure} />
              ))}
            </div>
          </section>
        ))
      )}
    </div>
  );
}

/** `/p/:policyId`: the notice with its sections and measures. Readable without signing in. */
export default function PolicyPage() {
  const { t } = useI18n();
  const { policyId } = usePolicyFromRoute();
  const { data, loading, error, refetch } = useQuery(PolicyStructureDocument, {
    variables: { id: policyId },
    notifyOnNetworkStatusChange: true,
  });

  if (loading && !data) return <PolicySkeleton />;
  if (error && !data) {
    return (
      <Result
        status="error"
        title={t('policy.loadError')}
        subTitle={isConnectionError(error) ? t('policy.networkError') : error.message}
        extra={
          <Button type="primary" onClick={() => refetch().catch(() => undefined)}>
            {t('policy.retry')}
          </Button>
        }
      />
    );
  }
  const policy = data?.policy;
  if (!policy) return <Empty className="ls-empty" description={t('policy.empty')} />;
  return <PolicyView policy={policy} />;
}
