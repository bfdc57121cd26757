import { useId } from 'react';
import { Input, Typography } from 'antd';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { formatTargetValue } from '../../shared/policy-format';
import type { FigureGrid, FigureRow, GridTarget } from './figure-grid';
import { formatFigure } from '../../shared/format';

function TargetHeading({ target }: { target: GridTarget }) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  return (
    <div className="ls-figure-target">
      <Typography.Text strong>{display(target.name)}</Typography.Text>
      <Typography.Text type="secondary">
        {t('report.target', {
          direction: t(`target.${target.direction}`),
          value: formatTargetValue(target.targetValue, lang),
          unit: display(target.unit),
        })}
        {/* As on the policy page: the year goes with a count to reach, not with a standing cap. */}
        {target.direction === 'AT_LEAST' && `${lang === 'en' ? ' ' : ''}${t('target.year', { year: target.year })}`}
      </Typography.Text>
    </div>
  );
}

function FigureCell({
  row,
  target,
  raw,
  error,
  editable,
  onChange,
  onBlur,
}: {
  row: FigureRow;
  target: GridTarget;
  raw: string;
  error: string | null;
  editable: boolean;
  onChange: (key: string, raw: string) => void;
  onBlur: () => void;
}) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const id = useId();
  const county = display(row.county.name);
  const hints = [
    row.previous !== null ? t('report.previousFigure', { value: formatFigure(row.previous, lang) }) : null,
    row.quota !== null ? t('report.quota', { value: formatFigure(row.quota, lang) }) : null,
  ].filter(Boolean);
  return (
    <div className="ls-figure-row" data-testid="figure-row" data-county={row.county.regionCode ?? row.county.id}>
      <label htmlFor={id} className="ls-figure-county">
        {county}
      </label>
      <div className="ls-figure-input">
        {editable ? (
          <Input
            id={id}
            value={raw}
            // Digits keyboard on phones, decimals allowed (公示时间 may be 2.5 天).
            inputMode="decimal"
            autoComplete="off"
            aria-label={`${display(target.name)} ${county}`}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            status={error ? 'error' : undefined}
            suffix={<span className="ls-figure-unit">{display(target.unit)}</span>}
            onChange={(e) => onChange(row.key, e.target.value)}
            onBlur={onBlur}
            data-testid="figure-input"
          />
        ) : (
          <Typography.Text strong>{raw.trim() ? `${formatFigure(Number(raw), lang)} ${display(target.unit)}` : '—'}</Typography.Text>
        )}
        {error && (
          <div id={`${id}-error`} className="ls-field-error" role="alert">
            {error}
          </div>
        )}
      </div>
      {hints.length > 0 && <div className="ls-figure-hints">{hints.join(' · ')}</div>}
    </div>
  );
}

/**
 * The figures of a measure: one block per target, one row per county the unit reports for, with
 * last period's figure and the county's quota beside the input as hints.
 */
export function FigureGridFields({
  grid,
  figures,
  errors,
  editable,
  onChange,
  onBlur,
}: {
  grid: FigureGrid;
  figures: Readonly<Record<string, string>>;
  /** Messages by figure key. */
  errors: Readonly<Record<string, string>>;
  editable: boolean;
  onChange: (key: string, raw: string) => void;
  onBlur: () => void;
}) {
  const { t } = useI18n();
  const display = useDisplayText();
  if (grid.groups.length === 0 && grid.otherYearTargets.length === 0) return null;
  return (
    <fieldset className="ls-figures">
      <legend className="ls-field-label">{t('report.figures')}</legend>
      {grid.groups.length > 0 && editable && <div className="ls-field-hint">{t('report.figuresHint')}</div>}
      {grid.groups.map((group) => (
        <div key={group.target.id} className="ls-figure-group" data-testid="figure-group">
          <TargetHeading target={group.target} />
          {group.rows.map((row) => (
            <FigureCell
              key={row.key}
              row={row}
              target={group.target}
              raw={figures[row.key] ?? ''}
              error={errors[row.key] ?? null}
              editable={editable}
              onChange={onChange}
              onBlur={onBlur}
            />
          ))}
        </div>
      ))}
      {grid.otherYearTargets.map((target) => (
        <Typography.Paragraph key={target.id} type="secondary" className="ls-field-hint">
          {t('report.otherYearTarget', { name: display(target.name), year: target.year })}
        </Typography.Paragraph>
      ))}
    </fieldset>
  );
}
