import './lists.css';
import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { Button, Select } from 'antd';
import { ListFilterOptionsDocument } from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { measureNumber, stripLeadingNumber } from '../../shared/policy-format';
import { formatPeriodLabel } from '../../shared/format';
import { changeFilter, isFiltered, NO_FILTER, quarterOptions, type ListFilter, type ListFilterKey } from './list-filter';

/** The published policies, for a list's policy filter and for naming each row's policy. */
export function usePublishedPolicies() {
  const query = useQuery(ListFilterOptionsDocument, { fetchPolicy: 'cache-first' });
  const policies = useMemo(() => (query.data?.policies ?? []).filter((p) => p.status === 'PUBLISHED'), [query.data]);
  return { policies, agencies: query.data?.agencies ?? [], loading: query.loading };
}

/**
 * A list's filter bar: antd Selects that wrap onto their own lines on a phone. `keys` says which
 * filters the list has (chasing and follow-up items: the policy only).
 */
export function ListFilterBar({
  filter,
  onChange,
  keys,
}: {
  filter: ListFilter;
  onChange: (next: ListFilter) => void;
  keys: ListFilterKey[];
}) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const { policies, agencies, loading } = usePublishedPolicies();
  const policy = policies.find((p) => p.id === filter.policy);

  const options: Record<ListFilterKey, { value: string; label: string }[]> = {
    policy: policies.map((p) => ({ value: p.id, label: `${display(p.docNumber)} ${display(p.title)}` })),
    quarter: quarterOptions(policy ? [policy] : policies).map((q) => ({ value: q, label: formatPeriodLabel(q, lang) })),
    unit: agencies.map((a) => ({ value: a.id, label: display(a.name) })),
    measure: (policy?.measures ?? []).map((m) => ({
      value: m.id,
      label: `${measureNumber(m.seq, lang)}${display(stripLeadingNumber(m.title))}`,
    })),
  };
  const all: Record<ListFilterKey, string> = {
    policy: t('lists.allPolicies'),
    quarter: t('lists.allQuarters'),
    unit: t('lists.allUnits'),
    measure: policy ? t('lists.allMeasures') : t('lists.pickPolicyFirst'),
  };

  return (
    <div className="ls-list-filters" role="search" aria-label={t('lists.filters')} data-testid="list-filters">
      {keys.map((key) => (
        <label key={key} className={`ls-list-filter ls-list-filter-${key}`}>
          <span>{t(`lists.${key}`)}</span>
          <Select
            data-testid={`filter-${key}`}
            showSearch={{ optionFilterProp: 'label' }}
            allowClear
            loading={loading}
            disabled={key === 'measure' && !policy}
            placeholder={all[key]}
            value={filter[key] ?? undefined}
            onChange={(v?: string) => onChange(changeFilter(filter, key, v ?? null))}
            options={options[key]}
            popupMatchSelectWidth={false}
          />
        </label>
      ))}
      {isFiltered(filter) && (
        <Button type="link" onClick={() => onChange(NO_FILTER)} data-testid="filter-clear">
          {t('lists.clear')}
        </Button>
      )}
    </div>
  );
}
