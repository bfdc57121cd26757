import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LoginDocument, PolicyChoicesDocument } from '../../graphql/generated';
import { useI18n } from '../../shared/i18n';
import { apiErrorCode, isConnectionError } from '../../shared/errors';
import { saveSession, useAuth } from '../../shared/session';
import { prefetchFirstView } from '../dashboard';
import { landingPage } from './landing-page';

/** The longest sign-in waits for a dashboard's first view (see prefetchFirstView) before going there anyway. */
const FIRST_VIEW_WAIT_MS = 3000;

interface LoginForm {
  username: string;
  password: string;
}

/** `/login`. After signing in, back to where the user came from (default: see landingPage). */
export default function LoginPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const { user } = useAuth();
  const client = useApolloClient();
  const [login, { loading }] = useMutation(LoginDocument);
  const [failure, setFailure] = useState<string | null>(null);
  const [finishing, setFinishing] = useState(false); // signed in, fetching the dashboard's first view
  const [form] = Form.useForm<LoginForm>();

  const from = (location.state as { from?: string } | null)?.from;
  const cameFrom = from && from.startsWith('/') && !from.startsWith('/login') ? from : null;

  /** A leader's landing depends on how many policies are published; unknown (the list failed): none. */
  const publishedPolicyIds = async (): Promise<string[]> => {
    try {
      const { data } = await client.query({ query: PolicyChoicesDocument, fetchPolicy: 'network-only' });
      return (data?.policies ?? []).filter((p) => p.status === 'PUBLISHED').map((p) => p.id);
    } catch {
      return [];
    }
  };

  const onFinish = async ({ username, password }: LoginForm) => {
    setFailure(null);
    try {
      const { data } = await login({ variables: { username: username.trim(), password } });
      if (!data) throw new Error('empty response');
      // Back to a dashboard: its first view is fetched now, while its code (preloaded while the
      // form showed) is ready, so the page renders at once from the cache.
      setFinishing(true);
      const firstView = await Promise.race([
        prefetchFirstView(client, cameFrom, {
          username: data.login.user.username,
          accessToken: data.login.accessToken,
          withTexts: lang !== 'zh-Hant',
        }),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), FIRST_VIEW_WAIT_MS)),
      ]);
      saveSession(data.login);
      const role = data.login.user.role;
      navigate(firstView ?? landingPage(cameFrom, role, cameFrom || role !== 'LEADER' ? [] : await publishedPolicyIds()), {
        replace: true,
      });
    } catch (error) {
      setFinishing(false);
      const code = apiErrorCode(error);
      if (code === 'UNAUTHENTICATED' || code === 'BAD_USER_INPUT') {
        setFailure(t('login.wrongPassword'));
        form.setFieldValue('password', '');
      } else if (isConnectionError(error)) {
        setFailure(t('login.network'));
      } else {
        setFailure(t('login.failed', { message: error instanceof Error ? error.message : String(error) }));
      }
    }
  };

  return (
    <div className="ls-login">
      <Card className="ls-login-card">
        <Typography.Title level={1} className="ls-login-title">
          {t('login.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        {user && (
          <Alert
            className="ls-login-alert"
            type="info"
            showIcon
            title={t('login.alreadySignedIn', { name: user.username })}
            action={<Link to="/">{t('login.backToPolicy')}</Link>}
          />
        )}
        {failure && <Alert className="ls-login-alert" type="error" showIcon title={failure} role="alert" />}
        <Form<LoginForm> form={form} layout="vertical" requiredMark={false} onFinish={onFinish} disabled={loading || finishing}>
          <Form.Item
            label={t('login.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input id="username" name="username" autoComplete="username" autoCapitalize="none" size="large" />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password id="password" name="password" autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={loading || finishing}>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" className="ls-login-hint">
          {t('login.hint')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
