import { passwordRuleResults, type PasswordRule } from '@luoshi/domain';
import { useI18n, type MessageKey } from '../../shared/i18n';

/** The rules a new password must keep, ticked off as the person types (libs/domain's function, the API's too). */
export function PasswordRules({ password, username }: { password: string; username: string }) {
  const { t } = useI18n();
  // The upper bound only matters to someone pasting a novel: shown once it is broken.
  const results = passwordRuleResults(password, username).filter((r) => r.rule !== 'MAX_LENGTH' || !r.ok);
  return (
    <div className="ls-password-rules" data-testid="password-rules">
      <div className="ls-password-rules-title">{t('password.rulesTitle')}</div>
      <ul>
        {results.map(({ rule, ok }) => (
          <li
            key={rule}
            className={password && ok ? 'ok' : password ? 'broken' : undefined}
            data-testid={`password-rule-${rule}`}
            data-ok={ok}
          >
            <span aria-hidden>{password && ok ? '✓' : '·'}</span> {t(`password.rule.${rule}` as MessageKey)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export type { PasswordRule };
