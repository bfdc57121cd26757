import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Select } from 'antd';
import { AdminNoticeAgenciesDocument } from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../shared/i18n';

/**
 * An existing unit, found by part of its name in either script (the API's agencies(search:)).
 * Units another import created and nobody confirmed are left out: mapping to one would not help.
 */
export function AgencyPicker({
  value,
  onChange,
  exclude = [],
  testId,
}: {
  value?: string | null;
  onChange: (agencyId: string) => void;
  exclude?: readonly string[];
  testId: string;
}) {
  const { t } = useI18n();
  const display = useDisplayText();
  const [search, setSearch] = useState('');
  const query = useQuery(AdminNoticeAgenciesDocument, { variables: { search: search.trim() || null } });
  const agencies = (query.data ?? query.previousData)?.agencies ?? [];
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      onChange={onChange}
      loading={query.loading}
      placeholder={t('noticeDraft.chooseUnit')}
      style={{ minWidth: 220, maxWidth: '100%' }}
      options={agencies.filter((a) => !a.createdByImport && !exclude.includes(a.id)).map((a) => ({ value: a.id, label: display(a.name) }))}
      data-testid={testId}
    />
  );
}
