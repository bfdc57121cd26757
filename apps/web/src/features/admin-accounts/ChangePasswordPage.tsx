import { useLocation, useNavigate } from 'react-router';
import { Alert, Card, Typography } from 'antd';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../../shared/session';
import { ChangePasswordForm } from './ChangePasswordForm';
import './admin-accounts.css';

/** `/change-password`: where a temporary password leads; nothing else opens until it is changed. */
export default function ChangePasswordPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  if (!user) return null; // RequireRole sends the signed-out to the sign-in page
  const next = from && from.startsWith('/') && !from.startsWith('/change-password') && !from.startsWith('/login') ? from : '/';
  return (
    <div className="ls-page ls-change-password" data-testid="change-password-page">
      <Card>
        <Typography.Title level={3}>{user.mustChangePassword ? t('password.forcedTitle') : t('password.change')}</Typography.Title>
        {user.mustChangePassword && <Alert type="warning" showIcon title={t('password.forcedHint')} className="ls-password-forced" />}
        <ChangePasswordForm username={user.username} onDone={() => navigate(next, { replace: true })} />
      </Card>
    </div>
  );
}
