import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Button, Typography } from 'antd';
import { FormReportAttachmentsDocument } from '../../graphql/generated';
import { useI18n } from '../../shared/i18n';
import { ReportAttachments } from '../../shared/ReportAttachments';

/** The report's files, asked for once the reporter opens them. */
function AttachmentsPanel({ reportId, editable }: { reportId: string; editable: boolean }) {
  const { data, refetch } = useQuery(FormReportAttachmentsDocument, { variables: { id: reportId }, fetchPolicy: 'cache-and-network' });
  if (!data) return null;
  return (
    <ReportAttachments
      reportId={reportId}
      attachments={data.progressReport.attachments}
      mayEdit={editable}
      onChanged={() => void refetch()}
    />
  );
}

/**
 * 附件 in the reporter's form: the same upload as on the report page, opened under the measure
 * (asked for only when opened). A measure with nothing saved yet has no report to attach to: it
 * says so until the first autosave.
 */
export function FormAttachments({ reportId, editable }: { reportId: string | null; editable: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (!reportId) {
    return editable ? (
      <Typography.Text type="secondary" className="ls-form-attachments-hint" data-testid="form-attachments-later">
        {t('report.attachmentsAfterSave')}
      </Typography.Text>
    ) : null;
  }
  return (
    <div className="ls-form-attachments" data-report-id={reportId}>
      <Button type="link" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="form-attachments-toggle">
        {open ? t('report.attachmentsHide') : t('report.attachments')}
      </Button>
      {open && <AttachmentsPanel reportId={reportId} editable={editable} />}
    </div>
  );
}
