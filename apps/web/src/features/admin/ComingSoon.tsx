import { Empty } from 'antd';
import { useI18n } from '../../shared/i18n';

/** A section whose page is still being built: says so rather than showing nothing. */
export function ComingSoon() {
  const { t } = useI18n();
  return <Empty description={t('admin.comingSoon')} data-testid="admin-coming-soon" />;
}
