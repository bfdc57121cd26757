import { useLocation, useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Select } from 'antd';
import { PolicyChoicesDocument } from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { parsePolicyPath, switchPolicyPath } from './policy-routes';
import { shortPolicyTitle } from './policy-choice';

/**
 * The policy switch in the header, on the pages of one policy: doc number and short title of every
 * published notice; choosing one opens the same kind of page for it (PolicyScope remembers it).
 * On a phone the box shows the doc number only; the list still has the titles.
 * Its own chunk (antd's Select): pages with one policy, or none in the address, never load it.
 */
export default function PolicySwitch({ compact }: { compact: boolean }) {
  const { t } = useI18n();
  const display = useDisplayText();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const choices = useQuery(PolicyChoicesDocument);
  const current = parsePolicyPath(pathname);
  const published = (choices.data?.policies ?? []).filter((p) => p.status === 'PUBLISHED');
  if (!current || published.length < 2 || !published.some((p) => p.id === current.policyId)) return null;

  const options = published.map((p) => ({
    value: p.id,
    label: `${display(p.docNumber)} · ${display(shortPolicyTitle(p.title))}`,
    docNumber: display(p.docNumber),
  }));
  return (
    <Select
      data-testid="policy-switch"
      aria-label={t('policyNav.label')}
      className={compact ? 'ls-policy-switch ls-policy-switch-compact' : 'ls-policy-switch'}
      size={compact ? 'small' : 'middle'}
      value={current.policyId}
      options={options}
      labelRender={(selected) => {
        const option = options.find((o) => o.value === selected.value);
        return <span title={option?.label}>{compact ? option?.docNumber : option?.label}</span>;
      }}
      optionRender={(option) => (
        <span data-testid="policy-option" data-policy-id={option.value}>
          {option.label}
        </span>
      )}
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
      placeholder={t('policyNav.placeholder')}
      onChange={(id: string) => {
        if (id !== current.policyId) void navigate(switchPolicyPath(pathname, search, id));
      }}
    />
  );
}
