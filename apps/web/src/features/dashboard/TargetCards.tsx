import { Button, Tag, Tooltip } from 'antd';
import type { DashboardOverviewQuery } from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { cardView, formatCount, type CardInput } from './dashboard-format';
import type { SourcesRequest } from './SourcesDrawer';

type Card = DashboardOverviewQuery['policyOverview']['targets'][number];

/**
 * A card as cardView (and the export) read it: held against its goal, which is the target value
 * city-wide and the county's quota in county scope. null for a county card without a quota: the
 * API then sends achieved and pending only (no percent, no rating: nothing was asked of the county).
 */
export function cardInput(card: Card): (CardInput & { target: Card['target'] }) | null {
  if (card.goal === null || card.percent === null || card.expectedValue === null || card.rating === null) return null;
  return {
    ...card,
    percent: card.percent,
    expectedValue: card.expectedValue,
    rating: card.rating,
    target: { ...card.target, targetValue: card.goal },
  };
}

/** The cards that have a goal, as cardInput makes them (for the workbook's targets sheet). */
export const exportableCards = (cards: readonly Card[]) =>
  cards.map(cardInput).filter((c): c is NonNullable<ReturnType<typeof cardInput>> => c !== null);

/** One card per target: where it stands against where it should be by now, coloured by rating. */
export function TargetCards({
  cards,
  onSources,
  onSchedule,
}: {
  cards: readonly Card[];
  onSources: (r: SourcesRequest) => void;
  onSchedule?: (target: Card['target']) => void;
}) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const first = cards[0];
  const scopeLabel =
    first?.scope === 'COUNTY' ? t('dashboard.scope.COUNTY', { county: display(first.county?.shortName ?? '') }) : t('dashboard.scope.CITY');
  return (
    <div className="ls-dash-cards" data-scope={first?.scope ?? 'CITY'}>
      {first?.scope === 'COUNTY' && (
        <div
          className="ls-dash-cards-scope"
          data-testid="cards-scope"
          style={{ gridColumn: '1 / -1', color: 'rgba(0,0,0,0.62)', fontSize: 13 }}
        >
          {scopeLabel}
        </div>
      )}
      {cards.map((card) => {
        const input = cardInput(card);
        const unit = display(card.target.unit);
        if (!input) {
          return (
            <section
              key={card.target.id}
              className="ls-dash-card"
              style={{ borderTopColor: '#d9d9d9' }}
              data-testid="target-card"
              data-target-id={card.target.id}
              data-rating=""
              aria-label={display(card.target.name)}
            >
              <div className="ls-dash-card-head">
                <span className="ls-dash-card-name">
                  {display(card.target.name)}
                  <span className="ls-dash-card-year" data-testid="card-year">
                    {t('dashboard.cardYear', { year: card.target.year })}
                  </span>
                </span>
                <Tag className="ls-dash-rating" data-testid="card-rating">
                  {t('dashboard.noQuota')}
                </Tag>
              </div>
              <div className="ls-dash-card-figure">
                <Tooltip title={t('dashboard.sources')}>
                  <Button
                    type="link"
                    className="ls-dash-number"
                    onClick={() => onSources({ targetId: card.target.id, targetName: card.target.name, unit: card.target.unit })}
                    data-testid="card-achieved"
                    data-value={card.achieved}
                  >
                    {formatCount(card.achieved, lang)}
                  </Button>
                </Tooltip>
                <span className="ls-dash-card-of"> {unit}</span>
              </div>
              <div className="ls-dash-card-meta">
                {card.pending > 0 && (
                  <span className="ls-dash-pending">{t('dashboard.pending', { value: `${formatCount(card.pending, lang)} ${unit}` })}</span>
                )}
              </div>
            </section>
          );
        }
        const view = cardView(input);
        const county = card.scope === 'COUNTY';
        // A ceiling without an accepted figure has no level yet: "尚无数据", not a perfect 0 (as the review pack says).
        const noData = view.atMost && !card.hasFigure;
        const color = noData ? '#d9d9d9' : view.color;
        // For a ceiling the figure awaiting review is a level, not an amount to add: said as such.
        const pendingText =
          card.pending > 0
            ? t(view.atMost ? 'dashboard.pendingLevel' : 'dashboard.pending', { value: `${formatCount(card.pending, lang)} ${unit}` })
            : null;
        // The bar in words, e.g. "见习岗位 完成3,201个，目标3,000个，完成率106.7%，进度正常".
        const sep = lang === 'en' ? ', ' : '，';
        const goalText = t(view.atMost ? 'dashboard.ceiling' : county ? 'dashboard.quota' : 'dashboard.of', {
          value: `${formatCount(input.target.targetValue, lang)} ${unit}`,
        });
        const barLabel = noData
          ? [`${display(card.target.name)} ${t('dashboard.noData')}`, goalText].join(sep)
          : [
              `${display(card.target.name)} ${t('dashboard.seriesAchieved')} ${formatCount(card.achieved, lang)} ${unit}`,
              goalText,
              `${t('dashboard.completion')} ${view.percentText}`,
              t(`dashboard.rating.${input.rating}`),
            ].join(sep);
        const open = () => onSources({ targetId: card.target.id, targetName: card.target.name, unit: card.target.unit });
        return (
          <section
            key={card.target.id}
            className="ls-dash-card"
            style={{ borderTopColor: color }}
            data-testid="target-card"
            data-target-id={card.target.id}
            data-rating={noData ? '' : input.rating}
            data-no-figure={noData || undefined}
            aria-label={display(card.target.name)}
          >
            <div className="ls-dash-card-head">
              <span className="ls-dash-card-name">
                {display(card.target.name)}
                <span className="ls-dash-card-year" data-testid="card-year">
                  {t('dashboard.cardYear', { year: card.target.year })}
                </span>
              </span>
              {noData ? (
                <Tag className="ls-dash-rating" data-testid="card-rating">
                  {t('dashboard.noData')}
                </Tag>
              ) : (
                <Tag color={view.color} variant="solid" className="ls-dash-rating" data-testid="card-rating">
                  {t(`dashboard.rating.${input.rating}`)}
                </Tag>
              )}
            </div>
            <div className="ls-dash-card-figure">
              <Tooltip title={t('dashboard.sources')}>
                <Button type="link" className="ls-dash-number" onClick={open} data-testid="card-achieved" data-value={card.achieved}>
                  {noData ? t('dashboard.noData') : formatCount(card.achieved, lang)}
                </Button>
              </Tooltip>
              <span className="ls-dash-card-of">
                {' '}
                {noData ? '· ' : `${unit} / `}
                {t(view.atMost ? 'dashboard.ceiling' : county ? 'dashboard.quota' : 'dashboard.of', {
                  value: `${formatCount(input.target.targetValue, lang)} ${unit}`,
                })}
              </span>
            </div>
            <div className="ls-dash-bar" role="img" aria-label={barLabel}>
              <div className="ls-dash-bar-fill" style={{ width: `${noData ? 0 : view.fill}%`, background: view.color }} />
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
                  ? t('dashboard.expectedAtMost', { value: `${formatCount(input.target.targetValue, lang)} ${unit}` })
                  : t('dashboard.expected', { percent: view.expectedText, value: `${formatCount(input.expectedValue, lang)} ${unit}` })}
              </span>
              {pendingText && <span className="ls-dash-pending">{pendingText}</span>}
              {!view.atMost && card.target.trajectory && (
                <Tag data-testid="card-schedule" style={{ alignSelf: 'flex-start' }}>
                  {t('schedule.custom')}
                </Tag>
              )}
              {!view.atMost && !county && onSchedule && (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0, height: 'auto', alignSelf: 'flex-start' }}
                  onClick={() => onSchedule(card.target)}
                  data-testid="card-schedule-edit"
                >
                  {t('schedule.open')}
                </Button>
              )}
            </div>
          </section>
        );
      })}
    </div>
  );
}
