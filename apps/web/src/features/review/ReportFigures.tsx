import { useMemo } from 'react';
import { Typography } from 'antd';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { formatFigure } from '../../shared/format';
import { buildFigureComparison, formatShare, type ComparedTarget, type ComparedValue } from './figure-comparison';

/**
 * A report's figures for reading: per target, each county's figure this period beside last
 * period's and the county's quota, so the office sees at a glance what is unusual.
 */
export function ReportFigures({
  targets,
  values,
  previousValues,
}: {
  targets: readonly ComparedTarget[];
  values: readonly ComparedValue[];
  previousValues: readonly ComparedValue[] | null | undefined;
}) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const groups = useMemo(() => buildFigureComparison(targets, values, previousValues), [targets, values, previousValues]);
  if (groups.length === 0) return null;
  return (
    <div className="ls-report-figures">
      {groups.map(({ target, rows }) => (
        <div key={target.id} className="ls-compare" data-testid="figure-comparison">
          <Typography.Text strong>
            {display(target.name)}（{display(target.unit)}）
          </Typography.Text>
          {rows.length === 0 ? (
            <Typography.Paragraph type="secondary" className="ls-compare-empty">
              {t('review.noFigures')}
            </Typography.Paragraph>
          ) : (
            <table className="ls-compare-table">
              <thead>
                <tr>
                  <th scope="col">{t('figures.county')}</th>
                  <th scope="col">{t('figures.value')}</th>
                  <th scope="col">{t('figures.previous')}</th>
                  <th scope="col">{t('figures.quota')}</th>
                  {target.direction === 'AT_LEAST' && <th scope="col">{t('figures.share')}</th>}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.county.id} data-county={row.county.regionCode ?? row.county.id}>
                    <th scope="row">{display(row.county.name)}</th>
                    <td className="ls-compare-value">{formatFigure(row.value, lang)}</td>
                    <td>{formatFigure(row.previous, lang)}</td>
                    <td>{formatFigure(row.quota, lang)}</td>
                    {target.direction === 'AT_LEAST' && <td>{formatShare(row.share)}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </div>
  );
}
