import './notices.css';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Input, Modal, Progress, Typography, Upload } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { AdminImportNoticeDocument, AdminNoticeListDocument } from '../../graphql/generated';
import { authHeader } from '../../shared/authorized-fetch';
import { useI18n } from '../../shared/i18n';
import { extractOutcome, importFailure, lineCount, selectLine, type ImportFailure } from './import-format';

const ACCEPT = '.docx,.pdf,.txt';

/**
 * 导入: paste the notice, or upload its file (the server reads .docx/.pdf/.txt into text, which lands
 * in the textarea for the office to look at and fix), then 识别并生成草稿 makes the DRAFT policy.
 */
export default function NoticeImportPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const textarea = useRef<TextAreaRef>(null);
  const [text, setText] = useState('');
  const [uploading, setUploading] = useState(false);
  const [fileNote, setFileNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  const [empty, setEmpty] = useState(false);
  const [importNotice, importing] = useMutation(AdminImportNoticeDocument, { refetchQueries: [AdminNoticeListDocument] });

  const jumpTo = (line: number) => {
    const element = textarea.current?.resizableTextArea?.textArea;
    if (element) selectLine(element, line);
  };

  const putText = (name: string, extracted: string, pages: number | null) => {
    setText(extracted);
    setFailure(null);
    setFileNote({ ok: true, text: pages ? t('noticeImport.extractedPages', { name, pages }) : t('noticeImport.extracted', { name }) });
  };

  const extract = async (file: File) => {
    setUploading(true);
    setFileNote(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const res = await fetch('/notices/extract-text', { method: 'POST', body: form, headers: authHeader() });
      const outcome = extractOutcome(res.ok, await res.json().catch(() => null), `${res.status} ${res.statusText}`);
      if (outcome.kind === 'refused') {
        setFileNote({ ok: false, text: t('noticeImport.extractFailed', { message: outcome.message }) });
      } else if (text.trim() && text !== outcome.text) {
        // Never throw away what the office typed or fixed without asking.
        Modal.confirm({
          title: t('noticeImport.replaceConfirm'),
          okText: t('noticeDraft.ok'),
          cancelText: t('noticeDraft.cancel'),
          onOk: () => putText(file.name, outcome.text, outcome.pages),
        });
      } else {
        putText(file.name, outcome.text, outcome.pages);
      }
    } catch (error) {
      setFileNote({ ok: false, text: t('noticeImport.extractFailed', { message: (error as Error).message }) });
    } finally {
      setUploading(false);
    }
  };

  const submit = async () => {
    setFailure(null);
    if (!text.trim()) {
      setEmpty(true);
      return;
    }
    try {
      const { data } = await importNotice({ variables: { text } });
      if (data) void navigate(`/admin/notices/${data.importNotice.id}`);
    } catch (error) {
      const found = importFailure(error);
      setFailure(found);
      if (found.kind === 'line') jumpTo(found.line);
    }
  };

  return (
    <div className="ls-page-stack ls-notice-import" data-testid="notice-import-page">
      <div className="ls-notices-head">
        <Typography.Title level={4}>{t('noticeImport.title')}</Typography.Title>
        <Link to="/admin/notices">{t('noticeImport.back')}</Link>
      </div>
      <Typography.Paragraph type="secondary">{t('noticeImport.hint')}</Typography.Paragraph>
      <Upload.Dragger
        accept={ACCEPT}
        showUploadList={false}
        multiple={false}
        disabled={uploading}
        beforeUpload={(file) => (void extract(file), false)}
        data-testid="notice-upload"
      >
        <p>{uploading ? t('noticeImport.uploading') : t('noticeImport.upload')}</p>
        <Typography.Text type="secondary">{t('noticeImport.uploadHint')}</Typography.Text>
        {uploading && <Progress percent={100} status="active" showInfo={false} size="small" />}
      </Upload.Dragger>
      {fileNote && (
        <Alert
          type={fileNote.ok ? 'success' : 'error'}
          showIcon
          title={fileNote.text}
          role={fileNote.ok ? 'status' : 'alert'}
          data-testid="notice-file-note"
        />
      )}
      <label htmlFor="notice-text">
        <Typography.Text strong>{t('noticeImport.text')}</Typography.Text>
      </label>
      <Input.TextArea
        id="notice-text"
        ref={textarea}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setEmpty(false);
        }}
        placeholder={t('noticeImport.placeholder')}
        autoSize={{ minRows: 14, maxRows: 28 }}
        status={empty || failure?.kind === 'line' ? 'error' : undefined}
        data-testid="notice-text"
      />
      <div className="ls-notice-import-actions">
        <Button
          type="primary"
          size="large"
          loading={importing.loading}
          disabled={uploading}
          onClick={() => void submit()}
          data-testid="notice-submit"
        >
          {importing.loading ? t('noticeImport.parsing') : t('noticeImport.submit')}
        </Button>
        <Typography.Text type="secondary">{t('noticeImport.lineCount', { lines: lineCount(text) })}</Typography.Text>
      </div>
      {empty && <Alert type="warning" showIcon title={t('noticeImport.textRequired')} role="alert" />}
      {failure && <ImportFailureAlert failure={failure} onJump={jumpTo} />}
    </div>
  );
}

/** Why the import was refused, in words, with the way on: the line to fix, or the notice already there. */
function ImportFailureAlert({ failure, onJump }: { failure: ImportFailure; onJump: (line: number) => void }) {
  const { t } = useI18n();
  if (failure.kind === 'line') {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        data-testid="notice-import-error"
        title={t('noticeImport.lineError', { line: failure.line, message: failure.message })}
        action={
          <Button size="small" onClick={() => onJump(failure.line)}>
            {t('noticeImport.jumpToLine', { line: failure.line })}
          </Button>
        }
      />
    );
  }
  if (failure.kind === 'conflict') {
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        data-testid="notice-import-error"
        title={t('noticeImport.conflict', { message: failure.message })}
        action={failure.policyId ? <Link to={`/admin/notices/${failure.policyId}`}>{t('noticeImport.openExisting')}</Link> : undefined}
      />
    );
  }
  const message = failure.kind === 'network' ? t('docs.network') : failure.message;
  return <Alert type="error" showIcon role="alert" data-testid="notice-import-error" title={t('noticeImport.failed', { message })} />;
}
