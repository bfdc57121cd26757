import './supervision.css';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Empty, Input, Skeleton, Typography } from 'antd';
import { RespondSupervisionItemDocument, SupervisionItemsDocument } from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { measureNumber, stripLeadingNumber } from '../../shared/policy-format';
import { LoadError } from '../../shared/LoadError';
import { ListFilterBar, filterFromSearch, filterToSearch, NO_FILTER, type ListFilter } from '../lists';
import { formatDateTime, formatPeriodLabel } from '../../shared/format';
import { DueDate, ItemStatusTag } from './SupervisionBits';
import { canAnswer, sortItems } from './supervision-format';
import { useMutationRunner, type Item } from './useSupervision';

/** One item: what is asked, by when, and the unit's answer (writable until the office closes it). */
function ItemCard({ item, onReload, showPolicy }: { item: Item; onReload: () => Promise<unknown>; showPolicy: boolean }) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const [respond] = useMutation(RespondSupervisionItemDocument);
  const { run, error, busy } = useMutationRunner(onReload);
  const [draft, setDraft] = useState<string | null>(null); // null: not editing
  const [missing, setMissing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editing = canAnswer(item.status) && (draft !== null || !item.response);
  const text = draft ?? '';

  const submit = async () => {
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    const ok = await run(() => respond({ variables: { id: item.id, response: text.trim(), version: item.version } }));
    if (ok) {
      setDraft(null);
      setSaved(true);
    }
  };

  return (
    <li className="ls-card ls-sup-card ls-sup-my-item" data-testid="my-item" data-item-id={item.id} data-status={item.status}>
      <div className="ls-sup-card-title">
        <ItemStatusTag status={item.status} />
        <span>
          {measureNumber(item.measure.seq, lang)}
          {lang === 'en' && ' '}
          {display(stripLeadingNumber(item.measure.title))}
        </span>
      </div>
      {showPolicy && (
        <Typography.Text type="secondary" className="ls-list-policy" data-testid="item-policy" title={display(item.policy.title)}>
          {t('lists.policyOf', { doc: display(item.policy.docNumber) })}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" data-testid="item-quarter">
        {t('sup.fromReview', { period: formatPeriodLabel(item.period.label, lang) })}
      </Typography.Text>
      <div className="ls-sup-request" data-testid="item-request-text">
        {item.request}
      </div>
      <div>
        <Typography.Text type="secondary">{t('sup.itemDue')}：</Typography.Text>
        <DueDate dueOn={item.dueOn} overdue={item.overdue} />
      </div>
      {item.response && !editing && (
        <div className="ls-sup-answer" data-testid="item-answer">
          <Typography.Text type="secondary">{t('sup.colAnswer')}：</Typography.Text>
          {item.response}
          <div className="ls-sup-explanation">
            {item.respondedAt && t('sup.answeredAt', { at: formatDateTime(item.respondedAt) })}
            {item.closedAt && ` · ${t('sup.closedAt', { at: formatDateTime(item.closedAt) })}`}
            {saved && ` · ${t('sup.answerSaved')}`}
          </div>
        </div>
      )}
      {editing ? (
        <div className="ls-sup-answer-box">
          <Input.TextArea
            value={text}
            autoSize={{ minRows: 3, maxRows: 10 }}
            placeholder={t('sup.answerPlaceholder')}
            aria-label={t('sup.colAnswer')}
            status={missing ? 'error' : undefined}
            onChange={(e) => {
              setDraft(e.target.value);
              if (e.target.value.trim()) setMissing(false);
            }}
            data-testid="answer-input"
          />
          {missing && (
            <div className="ls-sup-error" role="alert">
              {t('sup.answerRequired')}
            </div>
          )}
          <div className="ls-sup-actions">
            {item.response && <Button onClick={() => setDraft(null)}>{t('common.cancel')}</Button>}
            <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="submit-answer">
              {t('sup.submitAnswer')}
            </Button>
          </div>
        </div>
      ) : (
        canAnswer(item.status) && (
          <Button size="small" onClick={() => setDraft(item.response ?? '')} data-testid="amend-answer">
            {t('sup.amendAnswer')}
          </Button>
        )
      )}
      {error && (
        <div className="ls-sup-error" role="alert" data-testid="answer-error">
          {error}
        </div>
      )}
    </li>
  );
}

/**
 * `/supervision/items`: the reporter's unit's follow-up items from every review of every published
 * policy, open first; filtered by policy (?policy= in the URL), each card naming its policy otherwise.
 */
export default function MyItemsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromSearch(params), [params]);
  const setFilter = (next: ListFilter) => setParams(filterToSearch({ ...NO_FILTER, policy: next.policy }, params), { replace: true });
  const query = useQuery(SupervisionItemsDocument, { variables: { policyId: filter.policy }, fetchPolicy: 'cache-and-network' });
  const reload = useCallback(() => query.refetch(), [query]);
  const items = query.data?.supervisionItems;

  return (
    <div className="ls-page-stack ls-sup" data-testid="my-items">
      <Typography.Title level={1} className="ls-page-title">
        {t('nav.supervisionItems')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('sup.myHint')}</Typography.Paragraph>
      <ListFilterBar filter={filter} onChange={setFilter} keys={['policy']} />
      {query.error && !items ? (
        <LoadError error={query.error} onRetry={() => void reload()} />
      ) : !items ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : items.length === 0 ? (
        <Empty description={t('sup.myEmpty')} data-testid="my-items-empty" />
      ) : (
        <ul className="ls-card-list ls-sup-my-items">
          {sortItems(items).map((item) => (
            <ItemCard key={item.id} item={item} onReload={reload} showPolicy={!filter.policy} />
          ))}
        </ul>
      )}
    </div>
  );
}
