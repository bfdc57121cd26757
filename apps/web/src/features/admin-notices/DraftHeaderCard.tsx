import { Alert, Button, Card, Form, Input, Tag, Typography } from 'antd';
import type { DraftPolicyFragment } from '../../graphql/generated';
import { useI18n } from '../../shared/i18n';
import { headerChanges, sortedWarnings, warningKind, warningText, type HeaderValues } from './draft-format';
import type { DraftCorrections } from './useDraftCorrections';

/** 文件信息: 文号, 标题, 发文单位, 成文日期 (flagged while the date is a stand-in). Read-only once published. */
export function DraftHeaderCard({
  policy,
  corrections,
  editable,
}: {
  policy: DraftPolicyFragment;
  corrections: DraftCorrections;
  editable: boolean;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<HeaderValues>();
  const save = async () => {
    const changes = headerChanges(policy, await form.validateFields());
    if (changes) await corrections.updatePolicy({ id: policy.id, ...changes });
  };
  return (
    <Card size="small" title={t('noticeDraft.header')} data-testid="draft-header">
      {/* Keyed by version: a correction or a reload shows the stored values again. */}
      <Form
        key={policy.version}
        form={form}
        layout="vertical"
        disabled={!editable}
        initialValues={{ docNumber: policy.docNumber, title: policy.title, issuer: policy.issuer, issuedOn: policy.issuedOn }}
      >
        <Form.Item name="docNumber" label={t('noticeDraft.docNumber')}>
          <Input data-testid="draft-doc-number" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('noticeDraft.docTitle')}
          rules={[{ required: true, whitespace: true, message: t('noticeDraft.required', { field: t('noticeDraft.docTitle') }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} data-testid="draft-title" />
        </Form.Item>
        <Form.Item name="issuer" label={t('noticeDraft.issuer')}>
          <Input data-testid="draft-issuer" />
        </Form.Item>
        <Form.Item
          name="issuedOn"
          label={t('noticeDraft.issuedOn')}
          rules={[{ required: true, message: t('noticeDraft.required', { field: t('noticeDraft.issuedOn') }) }]}
          extra={
            !policy.issuedOnConfirmed && (
              <Typography.Text type="warning" data-testid="draft-date-unconfirmed">
                {t('noticeDraft.issuedOnUnconfirmed')}
              </Typography.Text>
            )
          }
        >
          <Input type="date" status={policy.issuedOnConfirmed ? undefined : 'warning'} data-testid="draft-issued-on" />
        </Form.Item>
        {editable && (
          <Button
            type="primary"
            onClick={() => void save().catch(() => undefined)}
            loading={corrections.busy}
            data-testid="draft-header-save"
          >
            {t('noticeDraft.saveHeader')}
          </Button>
        )}
      </Form>
    </Card>
  );
}

/** 待核对事项 at the top of the structure; a click shows the warning's line in the text. */
export function DraftWarnings({ policy, onLine }: { policy: DraftPolicyFragment; onLine: (line: number) => void }) {
  const { t } = useI18n();
  if (!policy.warnings.length) return <Alert type="success" showIcon title={t('noticeDraft.noWarnings')} data-testid="draft-warnings" />;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="draft-warnings"
      title={t('noticeDraft.warnings', { count: policy.warnings.length })}
      description={
        <ul className="ls-draft-warnings">
          {sortedWarnings(policy.warnings).map((w, i) => {
            const words = (
              <>
                <Tag>{t(`noticeDraft.kind.${warningKind(w.kind)}`)}</Tag>
                {warningText(w, (line) => t('noticeDraft.warningLine', { line }))}
              </>
            );
            return (
              <li key={`${w.kind}-${w.line ?? ''}-${i}`} data-testid="draft-warning" data-kind={w.kind}>
                {w.line ? <Typography.Link onClick={() => onLine(w.line!)}>{words}</Typography.Link> : words}
              </li>
            );
          })}
        </ul>
      }
    />
  );
}
