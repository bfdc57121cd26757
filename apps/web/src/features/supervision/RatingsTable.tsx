import type { ReactNode } from 'react';
import { Button, Grid, Table, Tag } from 'antd';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { measureNumber, stripLeadingNumber } from '../../shared/policy-format';
import { RatingLight } from './SupervisionBits';
import { changeSymbol, ratingDiffers } from './supervision-format';
import type { RatingRow } from './useSupervision';

function MeasureTitle({ row }: { row: RatingRow }) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  return (
    <span className="ls-sup-measure">
      <span className="ls-measure-number">{measureNumber(row.measure.seq, lang)}</span>
      {lang === 'en' && ' '}
      {display(stripLeadingNumber(row.measure.title))}
      {row.redTwoQuarters && (
        <Tag color="red" className="ls-tag ls-sup-red-two" data-testid="red-two-quarters">
          {t('sup.redTwoTag')}
        </Tag>
      )}
    </span>
  );
}

function Computed({ row }: { row: RatingRow }) {
  const display = useDisplayText(); // the explanation quotes the notice's (traditional) names
  return (
    <div>
      <RatingLight rating={row.computedRating} testId="computed-rating" />
      <div className="ls-sup-explanation">{display(row.explanation)}</div>
    </div>
  );
}

/** The office's rating: highlighted where it differs from the computed one, with its reason. */
function Office({ row }: { row: RatingRow }) {
  const { t } = useI18n();
  return (
    <div
      className={ratingDiffers(row) ? 'ls-sup-office ls-sup-office-changed' : 'ls-sup-office'}
      data-overridden={row.overridden || undefined}
    >
      <RatingLight rating={row.rating} testId="office-rating" />
      {row.overridden && <Tag className="ls-tag ls-sup-adjusted">{t('sup.overridden')}</Tag>}
      {row.reason && (
        <div className="ls-sup-reason" data-testid="rating-reason">
          {t('sup.reasonLabel')}：{row.reason}
        </div>
      )}
    </div>
  );
}

function Change({ row }: { row: RatingRow }) {
  const { t } = useI18n();
  const symbol = changeSymbol(row.change);
  return (
    <div className="ls-sup-change" data-change={row.change} data-testid="rating-change">
      <span className={`ls-sup-arrow ls-sup-arrow-${row.change}`} aria-hidden>
        {symbol}
      </span>{' '}
      {t(`sup.change.${row.change}`)}
      {row.previousRating && (
        <div className="ls-sup-explanation">{t('sup.previousRating', { rating: t(`sup.rating.${row.previousRating}`) })}</div>
      )}
    </div>
  );
}

/** Every measure's computed and office rating; on a phone one card per measure. */
export function RatingsTable({ rows, onRate }: { rows: readonly RatingRow[]; onRate?: (row: RatingRow) => void }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const rateButton = (row: RatingRow): ReactNode =>
    onRate && (
      <Button size="small" onClick={() => onRate(row)} data-testid="rate-measure">
        {t('sup.rate')}
      </Button>
    );

  if (!screens.md) {
    return (
      <ul className="ls-card-list" data-testid="ratings">
        {rows.map((row) => (
          <li
            key={row.measure.id}
            className="ls-card ls-sup-card"
            data-testid="rating-row"
            data-measure-seq={row.measure.seq}
            data-rating={row.rating}
          >
            <div className="ls-sup-card-title">
              <MeasureTitle row={row} />
            </div>
            <dl className="ls-sup-pairs">
              <dt>{t('sup.colComputed')}</dt>
              <dd>
                <Computed row={row} />
              </dd>
              <dt>{t('sup.colRating')}</dt>
              <dd>
                <Office row={row} />
              </dd>
              <dt>{t('sup.colChange')}</dt>
              <dd>
                <Change row={row} />
              </dd>
            </dl>
            {rateButton(row)}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table<RatingRow>
      data-testid="ratings"
      size="small"
      rowKey={(r) => r.measure.id}
      dataSource={[...rows]}
      pagination={false}
      onRow={(r) =>
        ({ 'data-testid': 'rating-row', 'data-measure-seq': r.measure.seq, 'data-rating': r.rating }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        { title: t('sup.colMeasure'), key: 'measure', render: (_, r) => <MeasureTitle row={r} /> },
        { title: t('sup.colComputed'), key: 'computed', width: 260, render: (_, r) => <Computed row={r} /> },
        { title: t('sup.colRating'), key: 'rating', width: 260, render: (_, r) => <Office row={r} /> },
        { title: t('sup.colChange'), key: 'change', width: 130, render: (_, r) => <Change row={r} /> },
        ...(onRate ? [{ title: '', key: 'act', width: 110, render: (_: unknown, r: RatingRow) => rateButton(r) }] : []),
      ]}
    />
  );
}
