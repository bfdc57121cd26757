import './notices.css';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Popconfirm, Result, Skeleton, Tag, Typography, type ButtonProps } from 'antd';
import {
  AdminDeleteDraftPolicyDocument,
  AdminNoticeDraftDocument,
  AdminNoticeListDocument,
  AdminPublishPolicyDocument,
  type DraftPolicyFragment,
} from '../../graphql/generated';
import { apiErrorCode, isConnectionError } from '../../shared/errors';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { lineSpan, type TextMark } from './highlight';
import { noticeMarks } from './notice-marks';
import { noticeYears } from './draft-format';
import { NoticeText, type TextFocus } from './NoticeText';
import { DraftHeaderCard, DraftWarnings } from './DraftHeaderCard';
import { DraftMeasureCard } from './DraftMeasureCard';
import { useDraftCorrections, type CorrectionStatus } from './useDraftCorrections';

/** 审核草稿: the notice's text with its marks beside what was recognised, corrected in place, then 发布. */
export default function DraftReviewPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const draft = useQuery(AdminNoticeDraftDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  if (draft.error && !draft.data) {
    if (apiErrorCode(draft.error) === 'NOT_FOUND') {
      return <Result status="404" title={t('noticeDraft.notFound')} extra={<Link to="/admin/notices">{t('noticeImport.back')}</Link>} />;
    }
    return (
      <Alert
        type="error"
        showIcon
        title={t('docs.loadFailed', { message: isConnectionError(draft.error) ? t('docs.network') : draft.error.message })}
      />
    );
  }
  if (!draft.data) return <Skeleton active />;
  return <DraftReview policy={draft.data.policy} reload={() => draft.refetch()} />;
}

function DraftReview({ policy, reload }: { policy: DraftPolicyFragment; reload: () => Promise<unknown> }) {
  const { t } = useI18n();
  const display = useDisplayText();
  const editable = policy.status === 'DRAFT';
  const corrections = useDraftCorrections(policy.version, reload);
  const [focus, setFocus] = useState<TextFocus | null>(null);
  const [line, setLine] = useState<number | null>(null);

  const marks = useMemo(() => {
    const found = noticeMarks(policy.sourceText, policy.measures, (seq) => t('noticeDraft.measureLabel', { seq }));
    const span = line && editable ? lineSpan(policy.sourceText, line) : null;
    return span && span.end > span.start ? [...found, { kind: 'line' as const, id: `line:${line}`, ...span }] : found;
  }, [policy.sourceText, policy.measures, line, editable, t]);
  const years = useMemo(
    () =>
      noticeYears(
        policy.issuedOn,
        policy.measures.flatMap((m) => m.targets.map((x) => x.year)),
      ),
    [policy],
  );

  // Pointing at anything else ends a warning's line highlight.
  const point = (id: string, scroll: boolean) => {
    setLine(null);
    setFocus({ id, scroll });
  };
  const showLine = (n: number) => {
    setLine(n);
    setFocus({ id: `line:${n}`, scroll: true });
  };
  // A mark clicked in the text brings its card into view on the right.
  const fromText = (mark: TextMark) => {
    point(mark.id, false);
    const measureId =
      mark.kind === 'unit'
        ? mark.id.split(':')[0]
        : mark.kind === 'measure'
          ? mark.id
          : policy.measures.find((m) => m.targets.some((x) => x.id === mark.id))?.id;
    document.querySelector(`[data-anchor="${measureId}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };

  return (
    <div className="ls-page-stack" data-testid="draft-review-page" data-status={policy.status} data-version={policy.version}>
      <div className="ls-notices-head">
        <Typography.Title level={4}>
          {editable ? t('noticeDraft.title') : t('noticeDraft.publishedTitle')}{' '}
          <Tag color={editable ? 'orange' : 'green'}>{t(`docs.status.${policy.status}`)}</Tag>
        </Typography.Title>
        <Link to="/admin/notices">{t('noticeImport.back')}</Link>
      </div>
      <Typography.Text strong>{display(policy.title)}</Typography.Text>
      <DraftActions policy={policy} />
      <StatusLine status={corrections.status} onClose={corrections.clearStatus} />
      <div className="ls-draft-panes">
        <section aria-label={t('noticeDraft.text')}>
          <Typography.Title level={5}>{t('noticeDraft.text')}</Typography.Title>
          <NoticeText text={policy.sourceText} marks={marks} focus={focus} onMarkClick={fromText} />
        </section>
        <section className="ls-draft-structure" aria-label={t('noticeDraft.structure')}>
          <Typography.Title level={5}>{t('noticeDraft.structure')}</Typography.Title>
          {editable && <DraftWarnings policy={policy} onLine={showLine} />}
          <DraftHeaderCard policy={policy} corrections={corrections} editable={editable} />
          {policy.sections.map((section) => (
            <div key={section.id} className="ls-draft-structure">
              <Typography.Text strong>{display(section.title)}</Typography.Text>
              {policy.measures
                .filter((m) => m.section.id === section.id)
                .map((m) => (
                  <DraftMeasureCard
                    key={m.id}
                    policy={policy}
                    measure={m}
                    corrections={corrections}
                    editable={editable}
                    years={years}
                    onPoint={point}
                    activeId={focus?.id ?? null}
                  />
                ))}
            </div>
          ))}
        </section>
      </div>
    </div>
  );
}

/** The outcome of the last correction: saved, a conflict (reloaded), or why it failed. */
function StatusLine({ status, onClose }: { status: CorrectionStatus; onClose: () => void }) {
  const { t } = useI18n();
  if (!status) return null;
  if (status.kind === 'saved')
    return <Alert type="success" showIcon title={t('noticeDraft.saved')} role="status" closable={{ onClose }} data-testid="draft-status" />;
  if (status.kind === 'conflict')
    return (
      <Alert type="warning" showIcon title={t('noticeDraft.conflict')} role="alert" closable={{ onClose }} data-testid="draft-status" />
    );
  return (
    <Alert
      type="error"
      showIcon
      title={t('noticeDraft.saveFailed', { message: status.message })}
      role="alert"
      closable={{ onClose }}
      data-testid="draft-status"
    />
  );
}

/** 发布 (with what it does, before it does it) and 删除草稿; a published policy links to the policy page. */
function DraftActions({ policy }: { policy: DraftPolicyFragment }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [justPublished, setJustPublished] = useState(false);
  const refetchList = { refetchQueries: [AdminNoticeListDocument] };
  const [publish, publishing] = useMutation(AdminPublishPolicyDocument, refetchList);
  const [remove, removing] = useMutation(AdminDeleteDraftPolicyDocument, refetchList);
  const words = (e: unknown) => (isConnectionError(e) ? t('docs.network') : (e as Error).message);

  if (policy.status === 'PUBLISHED') {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="draft-published"
        title={justPublished ? t('noticeDraft.published') : t('noticeDraft.readOnly')}
        action={
          <Link to="/" data-testid="draft-view-policy">
            {t('noticeDraft.viewPolicy')}
          </Link>
        }
      />
    );
  }
  return (
    <>
      <div className="ls-draft-actions">
        <Popconfirm
          title={t('noticeDraft.publish')}
          description={<div style={{ maxWidth: 360 }}>{t('noticeDraft.publishConfirm')}</div>}
          okText={t('noticeDraft.publish')}
          cancelText={t('noticeDraft.cancel')}
          okButtonProps={{ 'data-testid': 'draft-publish-ok' } as ButtonProps}
          onConfirm={async () => {
            setError(null);
            try {
              await publish({ variables: { id: policy.id } });
              setJustPublished(true);
            } catch (e) {
              setError(t('noticeDraft.publishFailed', { message: words(e) }));
            }
          }}
        >
          <Button type="primary" loading={publishing.loading} data-testid="draft-publish">
            {t('noticeDraft.publish')}
          </Button>
        </Popconfirm>
        <Popconfirm
          title={t('noticeDraft.deleteDraft')}
          description={<div style={{ maxWidth: 320 }}>{t('noticeDraft.deleteConfirm')}</div>}
          okText={t('noticeDraft.deleteDraft')}
          cancelText={t('noticeDraft.cancel')}
          okButtonProps={{ danger: true, 'data-testid': 'draft-delete-ok' } as ButtonProps}
          onConfirm={async () => {
            setError(null);
            try {
              await remove({ variables: { id: policy.id } });
              void navigate('/admin/notices');
            } catch (e) {
              setError(t('noticeDraft.deleteFailed', { message: words(e) }));
            }
          }}
        >
          <Button danger loading={removing.loading} data-testid="draft-delete">
            {t('noticeDraft.deleteDraft')}
          </Button>
        </Popconfirm>
      </div>
      {error && <Alert type="error" showIcon title={error} role="alert" data-testid="draft-action-error" />}
    </>
  );
}
