import { useState } from 'react';
import { Button, Checkbox, Form, Input, InputNumber, Modal, Popconfirm, Select, Table, Typography, type ButtonProps } from 'antd';
import type { DraftPolicyFragment } from '../../graphql/generated';
import { useI18n, type MessageKey } from '../../shared/i18n';
import { everyYearDefault, newTargetInput, targetChanges, type Direction, type NewTargetValues, type TargetRow } from './draft-format';
import type { DraftCorrections } from './useDraftCorrections';

type Measure = DraftPolicyFragment['measures'][number];
type Target = Measure['targets'][number];

interface Props {
  policy: DraftPolicyFragment;
  measure: Measure;
  corrections: DraftCorrections;
  editable: boolean;
  years: number[];
  onPoint: (id: string, scroll: boolean) => void;
  activeId: string | null;
}

/** A measure's targets, edited in place: each field saves on its own (blur or choice). */
export function DraftTargets({ measure, corrections, editable, years, onPoint, activeId }: Props) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const directions = (['AT_LEAST', 'AT_MOST'] as const).map((d) => ({ value: d, label: t(`target.${d}`) }));
  // Inputs hold their own text until blur; keyed by the stored value, so a save or a reload resets them.
  const save = (row: Target, edited: Partial<Omit<TargetRow, 'id'>>) => {
    const changes = targetChanges(row as TargetRow, edited);
    if (changes) void corrections.updateTarget({ targetId: row.id, ...changes });
  };

  // The inline inputs sit under a column heading a screen reader does not announce: each names its column and row.
  const label = (column: MessageKey, r: Target) => `${t(column)}（${r.name}）`;
  const columns = [
    {
      key: 'name',
      title: t('noticeDraft.targetName'),
      render: (_: unknown, r: Target) =>
        editable ? (
          <Input
            key={r.name}
            size="small"
            defaultValue={r.name}
            onBlur={(e) => save(r, { name: e.target.value })}
            aria-label={label('noticeDraft.targetName', r)}
            data-testid="target-name"
          />
        ) : (
          r.name
        ),
    },
    {
      key: 'direction',
      title: t('noticeDraft.direction'),
      width: 100,
      render: (_: unknown, r: Target) =>
        editable ? (
          <Select
            size="small"
            value={r.direction}
            options={directions}
            onChange={(direction: Direction) => save(r, { direction })}
            aria-label={label('noticeDraft.direction', r)}
            data-testid="target-direction"
          />
        ) : (
          t(`target.${r.direction}`)
        ),
    },
    {
      key: 'value',
      title: t('noticeDraft.targetValue'),
      width: 110,
      render: (_: unknown, r: Target) =>
        editable ? (
          <InputNumber
            key={r.targetValue}
            size="small"
            min={0}
            defaultValue={r.targetValue}
            onBlur={(e) => save(r, { targetValue: Number(e.target.value.replace(/,/g, '')) })}
            aria-label={label('noticeDraft.targetValue', r)}
            data-testid="target-value"
          />
        ) : (
          r.targetValue
        ),
    },
    {
      key: 'unit',
      title: t('noticeDraft.targetUnit'),
      width: 80,
      render: (_: unknown, r: Target) =>
        editable ? (
          <Input
            key={r.unit}
            size="small"
            defaultValue={r.unit}
            onBlur={(e) => save(r, { unit: e.target.value })}
            aria-label={label('noticeDraft.targetUnit', r)}
            data-testid="target-unit"
          />
        ) : (
          r.unit
        ),
    },
    {
      key: 'year',
      title: t('noticeDraft.year'),
      width: 170,
      render: (_: unknown, r: Target) =>
        editable ? (
          <span className="ls-target-year">
            <Select
              size="small"
              value={r.year}
              options={[...new Set([...years, r.year])].sort().map((y) => ({ value: y, label: String(y) }))}
              onChange={(year: number) => save(r, { year })}
              aria-label={label('noticeDraft.year', r)}
              data-testid="target-year"
            />
            <Checkbox
              checked={r.everyYear}
              onChange={(e) => save(r, { everyYear: e.target.checked })}
              aria-label={label('noticeDraft.recurs', r)}
              data-testid="target-every-year"
            >
              {t('noticeDraft.recurs')}
            </Checkbox>
          </span>
        ) : (
          <span data-testid="target-year-text">{r.everyYear ? t('noticeDraft.yearRecurs', { year: r.year }) : r.year}</span>
        ),
    },
    ...(editable
      ? [
          {
            key: 'remove',
            title: '',
            width: 56,
            render: (_: unknown, r: Target) => (
              <Popconfirm
                title={t('noticeDraft.removeTargetConfirm')}
                okText={t('noticeDraft.ok')}
                cancelText={t('noticeDraft.cancel')}
                onConfirm={() => void corrections.removeTarget({ targetId: r.id })}
              >
                <Button size="small" type="link" danger data-testid="target-remove">
                  {t('noticeDraft.removeTarget')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      {measure.targets.length ? (
        <Table<Target>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={measure.targets}
          columns={columns}
          scroll={{ x: 560 }}
          rowClassName={(r) => (activeId === r.id ? 'ls-draft-target-active' : '')}
          onRow={(r) =>
            ({
              onMouseEnter: () => onPoint(r.id, false),
              onClick: () => onPoint(r.id, true),
              'data-testid': 'draft-target',
              title: r.sourcePhrase ? t('noticeDraft.words', { words: r.sourcePhrase }) : undefined,
            }) as React.HTMLAttributes<HTMLElement>
          }
          data-testid="draft-targets"
        />
      ) : (
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          {t('noticeDraft.noTargets')}
        </Typography.Text>
      )}
      {editable && (
        <Button size="small" type="dashed" style={{ marginTop: 6 }} onClick={() => setAdding(true)} data-testid="target-add">
          + {t('noticeDraft.addTarget')}
        </Button>
      )}
      {adding && <AddTargetDialog measure={measure} years={years} corrections={corrections} onClose={() => setAdding(false)} />}
    </>
  );
}

/** 添加指标: name, 不少于/不超过, value, unit and one or more years (每年: every year of the notice's span). */
function AddTargetDialog({
  measure,
  years,
  corrections,
  onClose,
}: {
  measure: Measure;
  years: number[];
  corrections: DraftCorrections;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<NewTargetValues>();
  const spanYears = everyYearDefault(years);
  const [everyYear, setEveryYear] = useState(false);
  const submit = async () => {
    const input = newTargetInput(measure.id, 0, { ...(await form.validateFields()), everyYear });
    if (!input) return;
    const { version: _unused, ...withoutVersion } = input;
    if (await corrections.addTarget(withoutVersion)) onClose();
  };
  const required = (field: string) => [{ required: true, message: t('noticeDraft.required', { field }) }];
  return (
    <Modal
      open
      title={t('noticeDraft.addTargetTitle', { seq: measure.seq })}
      okText={t('noticeDraft.ok')}
      cancelText={t('noticeDraft.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={corrections.busy}
      okButtonProps={{ 'data-testid': 'target-add-ok' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ direction: 'AT_LEAST', years: spanYears.slice(0, 1) }}>
        <Form.Item name="name" label={t('noticeDraft.targetName')} rules={[...required(t('noticeDraft.targetName')), { whitespace: true }]}>
          <Input data-testid="target-add-name" />
        </Form.Item>
        <Form.Item name="direction" label={t('noticeDraft.direction')}>
          <Select options={(['AT_LEAST', 'AT_MOST'] as const).map((d) => ({ value: d, label: t(`target.${d}`) }))} />
        </Form.Item>
        <Form.Item name="targetValue" label={t('noticeDraft.targetValue')} rules={required(t('noticeDraft.targetValue'))}>
          <InputNumber min={0} style={{ width: '100%' }} data-testid="target-add-value" />
        </Form.Item>
        <Form.Item name="unit" label={t('noticeDraft.targetUnit')} rules={[...required(t('noticeDraft.targetUnit')), { whitespace: true }]}>
          <Input data-testid="target-add-unit" />
        </Form.Item>
        <Form.Item name="years" label={t('noticeDraft.years')} rules={required(t('noticeDraft.years'))}>
          <Select mode="multiple" options={years.map((y) => ({ value: y, label: String(y) }))} data-testid="target-add-years" />
        </Form.Item>
        <Form.Item shouldUpdate noStyle>
          {() => {
            return (
              <Checkbox
                checked={everyYear}
                onChange={(e) => {
                  setEveryYear(e.target.checked);
                  form.setFieldValue('years', e.target.checked ? spanYears : spanYears.slice(0, 1));
                }}
                data-testid="target-add-every-year"
              >
                {t('noticeDraft.everyYear')}
              </Checkbox>
            );
          }}
        </Form.Item>
      </Form>
    </Modal>
  );
}
