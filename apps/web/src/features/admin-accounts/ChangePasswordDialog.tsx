import { Modal, message } from 'antd';
import { useI18n } from '../../shared/i18n';
import { ChangePasswordForm } from './ChangePasswordForm';
import './admin-accounts.css';

/** 修改密码 from the header, for everyone signed in (its own chunk: loaded when opened). */
export default function ChangePasswordDialog({ username, open, onClose }: { username: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [toast, holder] = message.useMessage();
  return (
    <>
      {holder}
      <Modal open={open} title={t('password.change')} onCancel={onClose} footer={null} destroyOnHidden data-testid="change-password-dialog">
        <ChangePasswordForm
          username={username}
          onCancel={onClose}
          onDone={() => {
            void toast.success(t('password.changed'));
            onClose();
          }}
        />
      </Modal>
    </>
  );
}
