import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { passwordProblems } from '@luoshi/domain';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { AdminCreateUserDocument, AdminUpdateUserDocument, type Role } from '../../graphql/generated';
import { assignableRoles } from './accounts-format';
import { refusal } from './change-password';
import { PasswordRules } from './PasswordRules';

export interface AgencyOption {
  id: string;
  name: string;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function RoleAndUnit({ roles, agencies }: { roles: Role[]; agencies: readonly AgencyOption[] }) {
  const { t } = useI18n();
  const display = useDisplayText();
  const form = Form.useFormInstance();
  const role = Form.useWatch<Role | undefined>('role', form);
  return (
    <>
      <Form.Item label={t('accounts.role')} name="role" rules={[{ required: true }]}>
        <Select data-testid="account-role" options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      </Form.Item>
      {role === 'REPORTER' && (
        <Form.Item label={t('accounts.unit')} name="agencyId" rules={[{ required: true, message: t('accounts.unitRequired') }]}>
          <Select
            data-testid="account-unit"
            showSearch={{ optionFilterProp: 'label' }}
            options={agencies.map((a) => ({ value: a.id, label: display(a.name) }))}
          />
        </Form.Item>
      )}
    </>
  );
}

interface CreateValues {
  username: string;
  password: string;
  role: Role;
  agencyId?: string;
}

/** A new account: username, role, unit for a reporter, an initial password that keeps the rules (ticked as typed). */
export function CreateAccountDialog({
  actorRole,
  agencies,
  onClose,
  onCreated,
}: {
  actorRole: Role;
  agencies: readonly AgencyOption[];
  onClose: () => void;
  onCreated: (username: string) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<CreateValues>();
  const [create, { loading }] = useMutation(AdminCreateUserDocument);
  const [failure, setFailure] = useState<string | null>(null);
  const username = Form.useWatch('username', form) ?? '';
  const password = Form.useWatch('password', form) ?? '';

  const onFinish = async (v: CreateValues) => {
    setFailure(null);
    try {
      const name = v.username.trim().toLowerCase();
      await create({
        variables: { input: { username: name, password: v.password, role: v.role, agencyId: v.role === 'REPORTER' ? v.agencyId : null } },
      });
      onCreated(name);
    } catch (error) {
      const { field } = refusal(error);
      if (field === 'username' || field === 'password' || field === 'agencyId')
        form.setFields([{ name: field, errors: [errorText(error)] }]);
      else setFailure(t('accounts.error', { message: errorText(error) }));
    }
  };

  return (
    <Modal
      open
      title={t('accounts.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('accounts.save')}
      cancelText={t('password.cancel')}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        initialValues={{ role: 'REPORTER' }}
        data-testid="create-account-form"
      >
        <Form.Item
          label={t('accounts.username')}
          name="username"
          rules={[{ required: true, pattern: /^[\p{L}\p{N}_.@-]{2,64}$/u, message: t('accounts.usernameRequired') }]}
        >
          <Input autoComplete="off" data-testid="account-username" />
        </Form.Item>
        <RoleAndUnit roles={assignableRoles(actorRole)} agencies={agencies} />
        <Form.Item
          label={t('accounts.initialPassword')}
          name="password"
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
          <Input.Password autoComplete="new-password" data-testid="account-password" />
        </Form.Item>
        <PasswordRules password={password} username={username} />
        {failure && <Alert type="error" showIcon title={failure} role="alert" />}
      </Form>
    </Modal>
  );
}

interface EditValues {
  role: Role;
  agencyId?: string;
}

/** A new role or unit; the API ends the account's sessions, so it signs in again under the new one. */
export function EditAccountDialog({
  account,
  actorRole,
  agencies,
  onClose,
  onSaved,
}: {
  account: { id: string; username: string; role: Role; agency: { id: string } | null };
  actorRole: Role;
  agencies: readonly AgencyOption[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<EditValues>();
  const [update, { loading }] = useMutation(AdminUpdateUserDocument);
  const [failure, setFailure] = useState<string | null>(null);
  const onFinish = async (v: EditValues) => {
    setFailure(null);
    try {
      await update({ variables: { id: account.id, input: { role: v.role, agencyId: v.role === 'REPORTER' ? v.agencyId : null } } });
      onSaved();
    } catch (error) {
      setFailure(t('accounts.error', { message: errorText(error) }));
    }
  };
  return (
    <Modal
      open
      title={`${t('accounts.edit')} · ${account.username}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('accounts.save')}
      cancelText={t('password.cancel')}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Form<EditValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        initialValues={{ role: account.role, agencyId: account.agency?.id }}
        data-testid="edit-account-form"
      >
        <RoleAndUnit roles={assignableRoles(actorRole)} agencies={agencies} />
        {failure && <Alert type="error" showIcon title={failure} role="alert" />}
      </Form>
    </Modal>
  );
}

/** The temporary password of a reset, shown this once, with a copy button. */
export function TemporaryPasswordDialog({ username, password, onClose }: { username: string; password: string; onClose: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard (an old browser, no HTTPS): the password is selectable on screen
    }
  };
  return (
    <Modal
      open
      title={t('accounts.resetDone', { name: username })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('accounts.close')}</Button>}
      data-testid="temporary-password-dialog"
    >
      <Alert type="warning" showIcon title={t('accounts.resetOnce')} />
      <Typography.Paragraph className="ls-temporary-password" copyable={false} data-testid="temporary-password">
        {password}
      </Typography.Paragraph>
      <Button onClick={() => void copy()} data-testid="copy-temporary-password">
        {copied ? t('accounts.copied') : t('accounts.copy')}
      </Button>
    </Modal>
  );
}
