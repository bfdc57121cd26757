import { Link } from 'react-router';
import { Button, Result } from 'antd';
import { useI18n } from '../../shared/i18n';

/** An address naming a policy that is unknown, a draft or withdrawn: said in words, with a way on. */
export function PolicyNotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('policyNav.notFoundTitle')}
      subTitle={t('policyNav.notFoundText')}
      data-testid="policy-not-found"
      extra={
        <Link to="/">
          <Button type="primary">{t('policyNav.toPolicies')}</Button>
        </Link>
      }
    />
  );
}
