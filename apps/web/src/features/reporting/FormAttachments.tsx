import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Button, Typography } from 'antd';
import { FormReportAttachmentsDocument } from '../../graphql/generated';
import { useI18n } from '../../shared/i18n';
import { ReportAttachments } from '../../shared/ReportAttachments';

/**
 * 附件 in the reporter's form: the same upload as on the report page, opened under the measure
 * (asked for only when opened). A measure with nothing saved yet has no report to attach to: it
 * says so until the first autosave.
 */
export function FormAttachments({ reportId, editable }: { reportId: string | null; editable: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const { data, refetch } = useQuery(FormReportAttachmentsDocument, {
    variables: { id: reportId ?? '' },
    skip: !open || !reportId,
    fetchPolicy: 'cache-and-network',
  });
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
      {open && data && (
        <ReportAttachments
          reportId={reportId}
          attachments={data.progressReport.attachments}
          mayEdit={editable}
          onChanged={() => void refetch()}
        />
      )}
    </div>
  );
}
