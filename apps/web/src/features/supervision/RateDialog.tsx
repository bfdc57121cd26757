import { useEffect, useId, useState } from 'react';
import { Input, Modal, Radio } from 'antd';
import type { Rating } from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { measureNumber, stripLeadingNumber } from '../../shared/policy-format';
import { RatingLight } from './SupervisionBits';
import type { RatingRow } from './useSupervision';

const RATINGS: readonly Rating[] = ['GREEN', 'YELLOW', 'RED'];

/** 调整评级: the office's colour and its reason (required; it goes into the review pack). */
export function RateDialog({
  row,
  error,
  busy,
  onCancel,
  onSave,
}: {
  row: RatingRow | null;
  error: string | null;
  busy: boolean;
  onCancel: () => void;
  onSave: (rating: Rating, reason: string) => void;
}) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const id = useId();
  const [rating, setRating] = useState<Rating>('GREEN');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  // Another measure: start from what is stored. The same measure reloaded after a conflict keeps
  // what this person chose and wrote (shown beside what the other person saved), so nothing typed
  // is lost and saving again is a deliberate choice.
  const measureId = row?.measure.id ?? null;
  useEffect(() => {
    if (!row) return;
    setRating(row.rating);
    setReason(row.reason ?? '');
    setMissing(false);
  }, [measureId]);

  const submit = () => {
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    onSave(rating, reason.trim());
  };

  return (
    <Modal
      open={row !== null}
      title={t('sup.rate')}
      okText={t('sup.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'rate-confirm' }}
      onOk={submit}
      onCancel={onCancel}
      destroyOnHidden
    >
      {row && (
        <>
          <p className="ls-sup-dialog-subject">
            {measureNumber(row.measure.seq, lang)}
            {lang === 'en' && ' '}
            {display(stripLeadingNumber(row.measure.title))}
          </p>
          <p className="ls-sup-explanation">
            {t('sup.computedIs', { rating: t(`sup.rating.${row.computedRating}`) })} · {display(row.explanation)}
          </p>
          <div className="ls-sup-label">{t('sup.colRating')}</div>
          <Radio.Group
            value={rating}
            onChange={(e) => setRating(e.target.value as Rating)}
            data-testid="rate-choice"
            className="ls-sup-radios"
          >
            {RATINGS.map((r) => (
              <Radio key={r} value={r} data-rating={r}>
                <RatingLight rating={r} />
              </Radio>
            ))}
          </Radio.Group>
          <label htmlFor={id} className="ls-sup-label">
            {t('sup.reasonLabel')}
          </label>
          <Input.TextArea
            id={id}
            value={reason}
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t('sup.ratePlaceholder')}
            status={missing ? 'error' : undefined}
            aria-invalid={missing || undefined}
            onChange={(e) => {
              setReason(e.target.value);
              if (e.target.value.trim()) setMissing(false);
            }}
            data-testid="rate-reason"
          />
          {missing && (
            <div className="ls-sup-error" role="alert">
              {t('sup.rateReasonRequired')}
            </div>
          )}
        </>
      )}
      {error && (
        <div className="ls-sup-error" role="alert" data-testid="rate-error">
          {error}
          {row?.overridden && (
            <div data-testid="rate-stored">
              {t('sup.storedNow', { rating: t(`sup.rating.${row.rating}`), reason: display(row.reason ?? '') })}
            </div>
          )}
        </div>
      )}
    </Modal>
  );
}
