import { useId, useState } from 'react';
import { Input, Modal } from 'antd';
import { useI18n } from '../../shared/i18n';

/**
 * 退回 asks why: the comment is what the unit reads on its task list and form, so it is required
 * (the API refuses a return without one too).
 */
export function ReturnDialog({
  open,
  subject,
  error,
  onCancel,
  onReturn,
}: {
  open: boolean;
  /** Which report, as the office names it: 台山市 （七）… */
  subject: string;
  /** A failure from the last attempt, to show in the dialog. */
  error: string | null;
  onCancel: () => void;
  onReturn: (comment: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const id = useId();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [sending, setSending] = useState(false);

  const submit = async () => {
    if (!comment.trim()) {
      setMissing(true);
      return;
    }
    setSending(true);
    try {
      await onReturn(comment.trim());
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('review.returnTitle')}
      okText={t('review.returnSubmit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: sending, 'data-testid': 'return-confirm' }}
      onOk={() => void submit()}
      onCancel={onCancel}
      afterClose={() => {
        setComment('');
        setMissing(false);
      }}
      destroyOnHidden
    >
      <p className="ls-return-subject">{subject}</p>
      <label htmlFor={id} className="ls-field-label">
        {t('review.returnComment')}
      </label>
      <Input.TextArea
        id={id}
        value={comment}
        autoFocus
        autoSize={{ minRows: 3, maxRows: 10 }}
        placeholder={t('review.returnPlaceholder')}
        status={missing ? 'error' : undefined}
        aria-invalid={missing || undefined}
        onChange={(e) => {
          setComment(e.target.value);
          if (e.target.value.trim()) setMissing(false);
        }}
        data-testid="return-comment-input"
      />
      {missing && (
        <div className="ls-field-error" role="alert">
          {t('review.returnRequired')}
        </div>
      )}
      {error && (
        <div className="ls-field-error" role="alert">
          {error}
        </div>
      )}
    </Modal>
  );
}
