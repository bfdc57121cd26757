import { Typography } from 'antd';
import { useI18n } from '../../shared/i18n';
import { diffSnapshots } from './audit-diff';

/** Before and after of one record, side by side, each changed key highlighted. */
export function AuditChanges({ before, after, requestId }: { before: string | null; after: string | null; requestId: string | null }) {
  const { t } = useI18n();
  const rows = diffSnapshots(before, after);
  return (
    <div className="ls-audit-changes" data-testid="audit-changes">
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t('audit.noChange')}</Typography.Text>
      ) : (
        <table className="ls-audit-diff">
          <thead>
            <tr>
              <th>{t('audit.key')}</th>
              <th>{t('audit.before')}</th>
              <th>{t('audit.after')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.key}
                className={r.changed ? `ls-audit-${r.change}` : undefined}
                data-testid="audit-diff-row"
                data-changed={r.changed ? 'true' : 'false'}
              >
                <th scope="row">{r.key}</th>
                <td>{r.before}</td>
                <td>{r.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {requestId && (
        <Typography.Text type="secondary" className="ls-audit-request">
          {t('audit.requestId')}: {requestId}
        </Typography.Text>
      )}
    </div>
  );
}
