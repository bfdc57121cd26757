import { Link } from 'react-router';
import { Card, Typography } from 'antd';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { formatPeriodLabel } from '../../shared/format';
import { LightChips } from './LightChips';
import { standingView, type Standing } from './portfolio-format';

/** One policy: its lights, completion against the time elapsed, late units, open items; one click to its dashboard. */
export function PolicyStandingCard({ standing }: { standing: Standing }) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const v = standingView(standing, display);
  return (
    <Card
      className="ls-port-card"
      data-testid="portfolio-policy"
      data-policy-id={standing.policy.id}
      title={
        <Link to={v.dashboardPath} className="ls-port-card-title" data-testid="portfolio-open">
          {display(standing.policy.title)}
        </Link>
      }
      extra={<Link to={v.dashboardPath}>{t('portfolio.openDashboard')}</Link>}
    >
      <Typography.Text type="secondary">
        {display(standing.policy.docNumber)} ·{' '}
        {standing.period ? t('portfolio.period', { label: formatPeriodLabel(standing.period.label, lang) }) : t('portfolio.noPeriod')}
      </Typography.Text>
      <div className="ls-port-row">
        <LightChips lights={standing.lights} />
      </div>
      {v.elapsedPercent !== null && (
        <div className="ls-port-row">
          <div
            className="ls-port-bar"
            role="img"
            aria-label={
              v.completionPercent === null
                ? t('portfolio.noCompletion', { elapsed: v.elapsedPercent })
                : t('portfolio.completion', { completion: v.completionPercent, elapsed: v.elapsedPercent })
            }
          >
            <div className="ls-port-bar-fill" style={{ width: `${v.completionPercent ?? 0}%` }} />
            <div className="ls-port-bar-time" style={{ left: `${v.elapsedPercent}%` }} />
          </div>
          <div className="ls-port-bar-text" data-testid="portfolio-completion">
            {v.completionPercent === null
              ? t('portfolio.noCompletion', { elapsed: v.elapsedPercent })
              : t('portfolio.completion', { completion: v.completionPercent, elapsed: v.elapsedPercent })}
            {v.behindPoints > 0 && <span className="ls-port-behind"> · {t('portfolio.behind', { points: v.behindPoints })}</span>}
          </div>
        </div>
      )}
      <div className="ls-port-row" data-testid="portfolio-late">
        {standing.lateUnits.length === 0 ? (
          <span className="ls-port-muted">{t('portfolio.noLate')}</span>
        ) : (
          <span>
            <strong className="ls-port-warn">{t('portfolio.lateUnits', { count: standing.lateUnits.length })}</strong>：
            {v.lateShown.join('、')}
            {v.lateMore > 0 && ` ${t('portfolio.lateMore')}`}
          </span>
        )}
      </div>
      <div className="ls-port-row" data-testid="portfolio-items">
        {t('portfolio.openItems', { count: standing.openItems })}
        {standing.overdueItems > 0 && <span className="ls-port-warn">{t('portfolio.overdueItems', { count: standing.overdueItems })}</span>}
      </div>
    </Card>
  );
}
