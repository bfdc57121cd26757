import { useState } from 'react';
import { Alert, Button, Flex, Form, Input } from 'antd';
import { passwordProblems } from '@luoshi/domain';
import { useI18n } from '../../shared/i18n';
import { isConnectionError } from '../../shared/errors';
import { refusal, useChangeOwnPassword } from './change-password';
import { PasswordRules } from './PasswordRules';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Current password, new password (rules ticked as typed), the new one again. Signs in again afterwards. */
export function ChangePasswordForm({ username, onDone, onCancel }: { username: string; onDone: () => void; onCancel?: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const { run, loading } = useChangeOwnPassword(username);
  const [failure, setFailure] = useState<string | null>(null);

  const onFinish = async (values: Values) => {
    setFailure(null);
    try {
      await run(values.currentPassword, values.newPassword);
      form.resetFields();
      onDone();
    } catch (error) {
      const { field, reason } = refusal(error);
      if (field === 'currentPassword') {
        // Too many wrong attempts: the API's message says how long to wait.
        const text = reason === 'TOO_MANY_ATTEMPTS' && error instanceof Error ? error.message : t('password.wrongCurrent');
        form.setFields([{ name: 'currentPassword', errors: [text] }]);
      } else if (field === 'newPassword') {
        form.setFields([{ name: 'newPassword', errors: [error instanceof Error ? error.message : t('password.rulesBroken')] }]);
      } else {
        const message = isConnectionError(error) ? t('login.network') : error instanceof Error ? error.message : String(error);
        setFailure(t('password.failed', { message }));
      }
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={onFinish}
      disabled={loading}
      data-testid="change-password-form"
    >
      {/* For password managers: whose password this is. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <Form.Item label={t('password.current')} name="currentPassword" rules={[{ required: true, message: t('password.required') }]}>
        <Input.Password autoComplete="current-password" data-testid="current-password" />
      </Form.Item>
      <Form.Item
        label={t('password.new')}
        name="newPassword"
        rules={[
          { required: true, message: t('password.required') },
          {
            validator: (_, value: string) =>
              !value || passwordProblems(value, username).length === 0
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.rulesBroken'))),
          },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="new-password" />
      </Form.Item>
      <PasswordRules password={newPassword} username={username} />
      <Form.Item
        label={t('password.confirm')}
        name="confirm"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.required') },
          ({ getFieldValue }) => ({
            validator: (_, value: string) =>
              !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="confirm-password" />
      </Form.Item>
      {failure && <Alert type="error" showIcon title={failure} role="alert" className="ls-password-failure" />}
      <Flex gap={8} justify="flex-end">
        {onCancel && <Button onClick={onCancel}>{t('password.cancel')}</Button>}
        <Button type="primary" htmlType="submit" loading={loading} data-testid="change-password-submit">
          {t('password.submit')}
        </Button>
      </Flex>
    </Form>
  );
}
