import { useState } from 'react';
import { AutoComplete, Button, DatePicker, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { AuditKind } from '@luoshi/domain';
import { useDisplayText, useI18n } from '../../shared/i18n';
import type { AuditFilterOptionsQuery } from '../../graphql/generated';
import { actionLabel, actionsOfKind, KIND_OPTIONS, kindLabel, type AuditFilterForm } from './audit-format';

interface Props {
  options: AuditFilterOptionsQuery | undefined;
  onApply: (form: AuditFilterForm) => void;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** The filter bar: user, unit, kind and action, dates (China dates, both inclusive), record id. */
export function AuditFilters({ options, onApply }: Props) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const [form, setForm] = useState<AuditFilterForm>({});
  const [resets, setResets] = useState(0);
  const set = (patch: Partial<AuditFilterForm>) => setForm((f) => ({ ...f, ...patch }));
  const users = (options?.users ?? []).map((u) => u.username).sort();
  const typed = (form.user ?? '').toLowerCase();

  return (
    <form
      className="ls-audit-filters"
      data-testid="audit-filters"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(form);
      }}
    >
      <div className="ls-audit-filter">
        <label htmlFor="audit-user">{t('audit.filterUser')}</label>
        <AutoComplete
          id="audit-user"
          value={form.user ?? ''}
          options={users
            .filter((u) => !typed || u.includes(typed))
            .slice(0, 50)
            .map((u) => ({ value: u }))}
          onChange={(v: string) => set({ user: v })}
          placeholder={t('audit.filterUserPlaceholder')}
          allowClear
          data-testid="audit-filter-user"
        />
      </div>
      <div className="ls-audit-filter">
        <label htmlFor="audit-unit">{t('audit.filterUnit')}</label>
        <Select
          id="audit-unit"
          value={form.agencyId ?? undefined}
          onChange={(v: string | undefined) => set({ agencyId: v ?? null })}
          placeholder={t('audit.filterUnitPlaceholder')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={(options?.agencies ?? []).map((a) => ({ value: a.id, label: display(a.name) }))}
          data-testid="audit-filter-unit"
        />
      </div>
      <div className="ls-audit-filter">
        <label htmlFor="audit-kind">{t('audit.filterKind')}</label>
        <Select
          id="audit-kind"
          value={form.kind ?? undefined}
          onChange={(v: AuditKind | undefined) => set({ kind: v ?? null, action: null })}
          placeholder={t('audit.filterKindPlaceholder')}
          allowClear
          options={KIND_OPTIONS.map((k) => ({ value: k, label: kindLabel(k, lang) }))}
          data-testid="audit-filter-kind"
        />
      </div>
      <div className="ls-audit-filter">
        <label htmlFor="audit-action">{t('audit.filterAction')}</label>
        <Select
          id="audit-action"
          value={form.action ?? undefined}
          onChange={(v: string | undefined) => set({ action: v ?? null })}
          placeholder={t('audit.filterActionPlaceholder')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={actionsOfKind(form.kind ?? null).map((a) => ({ value: a, label: actionLabel(a, '', lang) }))}
          data-testid="audit-filter-action"
        />
      </div>
      <div className="ls-audit-filter">
        <label htmlFor="audit-dates">{t('audit.filterDates')}</label>
        {/* Uncontrolled (the reset remounts it): its value is a dayjs pair, the form keeps the dates as text. */}
        <DatePicker.RangePicker
          key={resets}
          id={{ start: 'audit-dates' }}
          onChange={(range) => set({ from: day(range?.[0]), to: day(range?.[1]) })}
          allowEmpty={[true, true]}
          data-testid="audit-filter-dates"
        />
      </div>
      <div className="ls-audit-filter">
        <label htmlFor="audit-entity">{t('audit.filterEntityId')}</label>
        <Input
          id="audit-entity"
          value={form.entityId ?? ''}
          onChange={(e) => set({ entityId: e.target.value })}
          placeholder={t('audit.filterEntityIdPlaceholder')}
          allowClear
          data-testid="audit-filter-entity"
        />
      </div>
      <Button type="primary" htmlType="submit" data-testid="audit-search">
        {t('audit.search')}
      </Button>
      <Button
        onClick={() => {
          setForm({});
          setResets((n) => n + 1);
          onApply({});
        }}
        data-testid="audit-reset"
      >
        {t('audit.reset')}
      </Button>
    </form>
  );
}
