import { useMemo, useState } from 'react';
import { DatePicker, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { measureNumber, stripLeadingNumber } from '../../shared/policy-format';
import { chinaToday, responsibleUnits, toIsoDate } from './supervision-format';
import type { RatingRow } from './useSupervision';

export interface NewItem {
  measureId: string;
  agencyId: string;
  request: string;
  dueOn: string;
}

/** 添加督办事项: a measure, one of its responsible units, what to do, and by when. */
export function AddItemDialog({
  open,
  measures,
  error,
  busy,
  onCancel,
  onAdd,
}: {
  open: boolean;
  measures: readonly RatingRow[];
  error: string | null;
  busy: boolean;
  onCancel: () => void;
  onAdd: (item: NewItem) => void;
}) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const [measureId, setMeasureId] = useState<string | null>(null);
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [request, setRequest] = useState('');
  const [due, setDue] = useState<Dayjs | null>(null);
  const [tried, setTried] = useState(false);

  const units = useMemo(() => {
    const row = measures.find((m) => m.measure.id === measureId);
    return row ? responsibleUnits(row.measure.responsibilities) : [];
  }, [measures, measureId]);

  const submit = () => {
    setTried(true);
    if (!measureId || !agencyId || !request.trim() || !due) return;
    onAdd({ measureId, agencyId, request: request.trim(), dueOn: toIsoDate(due) });
  };
  const missing = (empty: boolean) =>
    tried && empty ? (
      <div className="ls-sup-error" role="alert">
        {t('sup.itemRequired')}
      </div>
    ) : null;

  return (
    <Modal
      open={open}
      title={t('sup.addItem')}
      okText={t('sup.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'item-confirm' }}
      onOk={submit}
      onCancel={onCancel}
      afterClose={() => {
        setMeasureId(null);
        setAgencyId(null);
        setRequest('');
        setDue(null);
        setTried(false);
      }}
      destroyOnHidden
    >
      <div className="ls-sup-form">
        <label className="ls-sup-field">
          <span className="ls-sup-label">{t('sup.colMeasure')}</span>
          <Select
            data-testid="item-measure"
            virtual={false}
            value={measureId ?? undefined}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(v: string) => {
              setMeasureId(v);
              setAgencyId(null);
            }}
            options={measures.map((m) => ({
              value: m.measure.id,
              label: `${measureNumber(m.measure.seq, lang)}${lang === 'en' ? ' ' : ''}${display(stripLeadingNumber(m.measure.title))}`,
            }))}
            popupMatchSelectWidth={false}
          />
          {missing(!measureId)}
        </label>
        <label className="ls-sup-field">
          <span className="ls-sup-label">
            {t('sup.itemUnit')} <span className="ls-sup-hint">（{t('sup.itemUnitHint')}）</span>
          </span>
          <Select
            data-testid="item-unit"
            virtual={false}
            value={agencyId ?? undefined}
            disabled={!measureId}
            onChange={(v: string) => setAgencyId(v)}
            options={units.map((u) => ({ value: u.id, label: display(u.name) }))}
          />
          {missing(!agencyId)}
        </label>
        <label className="ls-sup-field">
          <span className="ls-sup-label">{t('sup.itemRequest')}</span>
          <Input.TextArea
            value={request}
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t('sup.itemRequestPlaceholder')}
            onChange={(e) => setRequest(e.target.value)}
            data-testid="item-request"
          />
          {missing(!request.trim())}
        </label>
        <label className="ls-sup-field">
          <span className="ls-sup-label">{t('sup.itemDue')}</span>
          <DatePicker
            value={due}
            onChange={(d) => setDue(d)}
            // A due date is today or later (China's today): the API refuses one in the past.
            disabledDate={(d) => toIsoDate(d) < chinaToday()}
            className="ls-sup-select ls-sup-due-picker"
            data-testid="item-due"
          />
          {missing(!due)}
        </label>
      </div>
      {error && (
        <div className="ls-sup-error" role="alert" data-testid="item-error">
          {error}
        </div>
      )}
    </Modal>
  );
}
