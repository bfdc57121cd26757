import { Alert, Button, Flex } from 'antd';
import { useI18n } from '../../shared/i18n';
import { TEXT_FIELDS } from './draft';
import type { MeasureDraft, ReportDraftStore } from './draft-store';
import { isEditableStatus } from '../../shared/task-state';

/**
 * What a save conflict shows. First: the report changed elsewhere; autosave is paused and the
 * person's words stay in the form until they load the latest version. Then: their own version,
 * kept aside, to re-apply on top of the latest (or to copy, when the report was submitted meanwhile).
 */
export function ConflictNotices({ draft, store }: { draft: MeasureDraft; store: ReportDraftStore }) {
  const { t } = useI18n();
  const id = draft.measureId;
  const editable = isEditableStatus(draft.report?.status);
  return (
    <>
      {draft.save.kind === 'conflict' && (
        <Alert
          type="warning"
          showIcon
          className="ls-card-alert"
          data-testid="conflict-alert"
          title={t('report.conflict.title')}
          description={
            <>
              <div>{t('report.conflict.text')}</div>
              <Button
                className="ls-alert-button"
                type="primary"
                loading={draft.busy === 'loading'}
                onClick={() => void store.loadLatest(id)}
              >
                {t('report.conflict.load')}
              </Button>
            </>
          }
        />
      )}
      {draft.mine && (
        <Alert
          type="info"
          showIcon
          className="ls-card-alert"
          data-testid="mine-alert"
          title={t('report.mine.title')}
          description={
            <>
              <div>{editable ? t('report.mine.text') : t('report.mine.readOnly')}</div>
              <dl className="ls-mine-texts">
                {TEXT_FIELDS.filter((f) => draft.mine?.[f].trim()).map((f) => (
                  <div key={f}>
                    <dt>{t(`report.${f}`)}</dt>
                    <dd>{draft.mine?.[f]}</dd>
                  </div>
                ))}
              </dl>
              <Flex wrap gap={8}>
                {editable && (
                  <Button type="primary" onClick={() => store.reapplyMine(id)}>
                    {t('report.mine.reapply')}
                  </Button>
                )}
                <Button onClick={() => store.discardMine(id)}>{t('report.mine.discard')}</Button>
              </Flex>
            </>
          }
        />
      )}
    </>
  );
}
