import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Card, Empty, Flex, List, message as antMessage, Popconfirm, Typography, Upload } from 'antd';
import { DeleteReportAttachmentDocument } from '../graphql/generated';
import { useI18n } from './i18n';
import { authHeader, downloadWithToken, errorMessageOf } from './authorized-fetch';
import { formatDateTime } from './format';
import { formatFileSize } from './file-size';

/** An evidence file as the report page and the form both ask for it. */
export interface Attachment {
  id: string;
  filename: string;
  sizeBytes: number;
  uploadedBy?: string | null;
  uploadedAt: string;
  url: string;
}

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx';
/**
 * The report's evidence files: listed for every reader; added and removed while the report is
 * editable — on the report page and in the reporter's form alike.
 */
export function ReportAttachments({
  reportId,
  attachments,
  mayEdit,
  onChanged,
}: {
  reportId: string;
  attachments: Attachment[];
  mayEdit: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [message, messageHolder] = antMessage.useMessage();
  const [uploading, setUploading] = useState(false);
  const [remove] = useMutation(DeleteReportAttachmentDocument);

  const upload = async (file: File) => {
    setUploading(true);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const res = await fetch(`/reports/${reportId}/attachments`, { method: 'POST', body: form, headers: authHeader() });
      if (!res.ok) throw new Error(await errorMessageOf(res));
      void message.success(t('attach.uploaded', { name: file.name }));
      onChanged();
    } catch (error) {
      void message.error(t('attach.failed', { message: (error as Error).message }));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Card size="small" title={t('attach.title')} data-testid="attachments">
      {messageHolder}
      {mayEdit && (
        <Flex vertical gap={4} style={{ marginBottom: 12 }}>
          <Upload accept={ACCEPT} showUploadList={false} beforeUpload={(file) => (void upload(file), false)} disabled={uploading}>
            <Button loading={uploading}>{t('attach.upload')}</Button>
          </Upload>
          <Typography.Text type="secondary">{t('attach.hint')}</Typography.Text>
        </Flex>
      )}
      {attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attach.empty')} />
      ) : (
        <List
          size="small"
          dataSource={attachments}
          renderItem={(a) => (
            <List.Item
              data-testid="attachment"
              actions={[
                <Button
                  key="download"
                  type="link"
                  size="small"
                  onClick={() => downloadWithToken(a.url, a.filename).catch((e: Error) => void message.error(e.message))}
                >
                  {t('attach.download')}
                </Button>,
                ...(mayEdit
                  ? [
                      <Popconfirm
                        key="remove"
                        title={t('attach.removeConfirm', { name: a.filename })}
                        onConfirm={() => remove({ variables: { id: a.id } }).then(onChanged)}
                      >
                        <Button type="link" size="small" danger>
                          {t('attach.remove')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta
                title={a.filename}
                description={t('attach.meta', {
                  size: formatFileSize(a.sizeBytes),
                  who: a.uploadedBy ?? '',
                  time: formatDateTime(a.uploadedAt),
                })}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
