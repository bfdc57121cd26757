import { Link } from 'react-router';
import { Button, Result } from 'antd';
import type { Role } from '../graphql/generated';
import { useI18n } from '../shared/i18n';

/** "You cannot open this page": its own chunk, as antd's Result (with its pictures) is ~10 KB gzip. */
export default function ForbiddenResult({ role }: { role: Role }) {
  const { t } = useI18n();
  return (
    <Result
      status="403"
      title={t('guard.forbiddenTitle')}
      subTitle={t('guard.forbiddenText', { role: t(`role.${role}`) })}
      extra={
        <Link to="/">
          <Button type="primary">{t('notFound.back')}</Button>
        </Link>
      }
    />
  );
}
