import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, Form, Input, Modal, Radio, Select, Spin, Typography } from 'antd';
import { AgencyMergePreviewDocument } from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../shared/i18n';
import type { MessageKey } from '../../shared/i18n';
import { mergeLines, mergeTargets, unitFormProblem, type UnitRow } from './units-format';

export interface UnitForm {
  name: string;
  shortName: string;
  kind: 'COUNTY' | 'DEPARTMENT';
  regionCode: string;
}

/** 新增单位 (no `unit`) or 改名 (the unit): the server's refusal is shown in the dialog. */
export function UnitFormDialog({
  unit,
  open,
  busy,
  error,
  onCancel,
  onSave,
}: {
  unit: UnitRow | null;
  open: boolean;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onSave: (form: UnitForm) => void;
}) {
  const { t } = useI18n();
  const display = useDisplayText();
  const [form, setForm] = useState<UnitForm>({
    name: unit?.agency.name ?? '',
    shortName: unit && unit.agency.shortName !== unit.agency.name ? unit.agency.shortName : '',
    kind: unit?.agency.kind ?? 'DEPARTMENT',
    regionCode: unit?.agency.regionCode ?? '',
  });
  const [tried, setTried] = useState(false);
  const problem = unitFormProblem(form);
  const renaming = !!unit;
  return (
    <Modal
      open={open}
      title={renaming ? t('units.renameTitle', { name: display(unit.agency.name) }) : t('units.addTitle')}
      okText={t('units.save')}
      cancelText={t('units.cancel')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => {
        setTried(true);
        if (!problem) onSave(form);
      }}
      okButtonProps={{ 'data-testid': 'unit-save' } as never}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item
          label={t('units.name')}
          required
          validateStatus={tried && problem === 'units.nameRequired' ? 'error' : undefined}
          help={tried && problem === 'units.nameRequired' ? t(problem) : undefined}
        >
          <Input value={form.name} maxLength={60} onChange={(e) => setForm({ ...form, name: e.target.value })} data-testid="unit-name" />
        </Form.Item>
        <Form.Item label={t('units.shortName')} extra={t('units.shortNameHint')}>
          <Input
            value={form.shortName}
            maxLength={20}
            onChange={(e) => setForm({ ...form, shortName: e.target.value })}
            data-testid="unit-short-name"
          />
        </Form.Item>
        {!renaming && (
          <>
            <Form.Item label={t('units.kind')}>
              <Radio.Group value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })} data-testid="unit-kind">
                <Radio value="DEPARTMENT">{t('units.kindDEPARTMENT')}</Radio>
                <Radio value="COUNTY">{t('units.kindCOUNTY')}</Radio>
              </Radio.Group>
            </Form.Item>
            {form.kind === 'COUNTY' && (
              <Form.Item
                label={t('units.regionCode')}
                required
                extra={t('units.regionCodeHint')}
                validateStatus={tried && problem === 'units.codeRequired' ? 'error' : undefined}
                help={tried && problem === 'units.codeRequired' ? t(problem) : undefined}
              >
                <Input
                  value={form.regionCode}
                  maxLength={6}
                  inputMode="numeric"
                  onChange={(e) => setForm({ ...form, regionCode: e.target.value })}
                  data-testid="unit-region-code"
                />
              </Form.Item>
            )}
          </>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" data-testid="unit-error" />}
    </Modal>
  );
}

/** 合并: choose the unit to merge into, then confirm against the server's preview of what moves. */
export function MergeDialog({
  from,
  rows,
  busy,
  error,
  onCancel,
  onMerge,
}: {
  from: UnitRow;
  rows: UnitRow[];
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onMerge: (intoId: string) => void;
}) {
  const { t } = useI18n();
  const display = useDisplayText();
  const [intoId, setIntoId] = useState<string | null>(null);
  const targets = mergeTargets(rows, from);
  const into = targets.find((r) => r.agency.id === intoId);
  const preview = useQuery(AgencyMergePreviewDocument, {
    variables: { fromId: from.agency.id, intoId: intoId ?? '' },
    skip: !intoId,
    fetchPolicy: 'network-only',
  });
  const p = preview.data?.agencyMergePreview;
  const conflicts = p?.conflicts ?? [];
  const lines = p ? mergeLines(p) : [];
  return (
    <Modal
      open
      title={t('units.mergeTitle', { name: display(from.agency.name) })}
      okText={t('units.mergeConfirm')}
      cancelText={t('units.cancel')}
      okButtonProps={{ danger: true, disabled: !p || conflicts.length > 0, 'data-testid': 'merge-confirm' } as never}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => intoId && onMerge(intoId)}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('units.mergeInto')} extra={t('units.mergeIntoHint')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            value={intoId ?? undefined}
            onChange={(v: string) => setIntoId(v)}
            options={targets.map((r) => ({ value: r.agency.id, label: display(r.agency.name) }))}
            data-testid="merge-into"
          />
        </Form.Item>
      </Form>
      {preview.loading && <Spin />}
      {preview.error && <Alert type="error" showIcon title={preview.error.message} role="alert" />}
      {p && into && (
        <div data-testid="merge-preview">
          {conflicts.length > 0 ? (
            <Alert
              type="error"
              showIcon
              title={t('units.mergeConflicts')}
              description={
                <ul className="ls-units-list" data-testid="merge-conflicts">
                  {conflicts.map((c, i) => (
                    <li key={i}>
                      {c.kind === 'REPORT'
                        ? t('units.conflictREPORT', {
                            doc: c.docNumber,
                            period: c.periodLabel,
                            seq: c.measureSeq,
                            title: display(c.measureTitle),
                          })
                        : t('units.conflictFIGURE', {
                            doc: c.docNumber,
                            period: c.periodLabel,
                            seq: c.measureSeq,
                            unit: display(c.reportingAgencyName ?? ''),
                            target: display(c.targetName ?? ''),
                          })}
                    </li>
                  ))}
                </ul>
              }
            />
          ) : (
            <>
              <Typography.Paragraph>
                {lines.length ? t('units.mergeWill', { name: display(into.agency.name) }) : t('units.mergeNothing')}
              </Typography.Paragraph>
              <ul className="ls-units-list">
                {lines.map((l) => (
                  <li key={l.key}>{t(l.key as MessageKey, l.count === undefined ? undefined : { count: l.count })}</li>
                ))}
              </ul>
              <Typography.Paragraph type="warning">{t('units.mergeAfter', { name: display(from.agency.name) })}</Typography.Paragraph>
            </>
          )}
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" data-testid="merge-error" />}
    </Modal>
  );
}
