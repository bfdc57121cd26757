import { useI18n } from '../../shared/i18n';
import { lightChips, type Lights } from './portfolio-format';

/** Each light that occurs as a coloured dot, its word and its count: never the colour alone. */
export function LightChips({ lights }: { lights: Lights }) {
  const { t } = useI18n();
  const chips = lightChips(lights);
  if (chips.length === 0) return <span className="ls-port-muted">{t('portfolio.noTargets')}</span>;
  return (
    <span className="ls-port-lights" data-testid="portfolio-lights">
      {chips.map((c) => (
        <span key={c.key} className="ls-port-light" data-light={c.key}>
          <span className="ls-port-dot" style={{ background: c.color }} aria-hidden />
          {t(`portfolio.light.${c.key}`)} {c.count}
        </span>
      ))}
    </span>
  );
}
