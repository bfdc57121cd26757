import { Button, Tag, Tooltip } from 'antd';
import type { DashboardOverviewQuery } from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../app/i18n';
import { cardView, formatCount } from './dashboard-format';
import type { SourcesRequest } from './SourcesDrawer';

type Card = DashboardOverviewQuery['policyOverview']['targets'][number];

/** One card per target: where it stands against where it should be by now, coloured by rating. */
export function TargetCards({ cards, onSources }: { cards: readonly Card[]; onSources: (r: SourcesRequest) => void }) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  return (
    <div className="ls-dash-cards">
      {cards.map((card) => {
        const view = cardView(card);
        const unit = display(card.target.unit);
        const open = () => onSources({ targetId: card.target.id, targetName: card.target.name, unit: card.target.unit });
        return (
          <section
            key={card.target.id}
            className="ls-dash-card"
            style={{ borderTopColor: view.color }}
            data-testid="target-card"
            data-target-id={card.target.id}
            data-rating={card.rating}
            aria-label={display(card.target.name)}
          >
            <div className="ls-dash-card-head">
              <span className="ls-dash-card-name">{display(card.target.name)}</span>
              <Tag color={view.color} variant="solid" className="ls-dash-rating" data-testid="card-rating">
                {t(`dashboard.rating.${card.rating}`)}
              </Tag>
            </div>
            <div className="ls-dash-card-figure">
              <Tooltip title={t('dashboard.sources')}>
                <Button type="link" className="ls-dash-number" onClick={open} data-testid="card-achieved" data-value={card.achieved}>
                  {formatCount(card.achieved, lang)}
                </Button>
              </Tooltip>
              <span className="ls-dash-card-of">
                {' '}
                {unit} / {t(view.atMost ? 'dashboard.ceiling' : 'dashboard.of', { value: `${formatCount(card.target.targetValue, lang)} ${unit}` })}
              </span>
            </div>
            <div className="ls-dash-bar" role="img" aria-label={`${t('dashboard.completion')} ${view.percentText}`}>
              <div className="ls-dash-bar-fill" style={{ width: `${view.fill}%`, background: view.color }} />
              <div className="ls-dash-bar-marker" style={{ left: `${view.marker}%` }} />
            </div>
            <div className="ls-dash-card-meta">
              {!view.atMost && (
                <span className="ls-dash-percent" style={{ color: view.color }}>
                  {t('dashboard.completion')} {view.percentText}
                </span>
              )}
              <span>
                {view.atMost
                  ? t('dashboard.expectedAtMost', { value: `${formatCount(card.target.targetValue, lang)} ${unit}` })
                  : t('dashboard.expected', { percent: view.expectedText, value: `${formatCount(card.expectedValue, lang)} ${unit}` })}
              </span>
              {card.pending > 0 && <span className="ls-dash-pending">{t('dashboard.pending', { value: `${formatCount(card.pending, lang)} ${unit}` })}</span>}
            </div>
          </section>
        );
      })}
    </div>
  );
}
