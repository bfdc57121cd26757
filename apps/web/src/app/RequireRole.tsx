import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { Button, Result } from 'antd';
import type { Role } from '../graphql/generated';
import { useAuth } from '../features/auth/auth';
import { useI18n } from './i18n';

/**
 * Pages for signed-in users of some roles. Signed out: to the sign-in page, which brings the
 * person back here. Signed in with another role: says so (the API would refuse the data anyway).
 */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const location = useLocation();
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (!roles.includes(user.role)) {
    return (
      <Result
        status="403"
        title={t('guard.forbiddenTitle')}
        subTitle={t('guard.forbiddenText', { role: t(`role.${user.role}`) })}
        extra={
          <Link to="/">
            <Button type="primary">{t('notFound.back')}</Button>
          </Link>
        }
      />
    );
  }
  return children;
}
