import { useEffect, useMemo, useRef } from 'react';
import { useI18n } from '../../shared/i18n';
import { highlightSegments, topMark, type TextMark } from './highlight';

/** What the office points at: a mark's id (unit, target, measure) or a warning's line; `scroll` once clicked, not on hover. */
export interface TextFocus {
  id: string;
  scroll: boolean;
}

/**
 * The notice as written, with its marks: unit words underlined, target words wavy-underlined,
 * measure numbers boxed with a small label (colour is never the only sign). Clicking a mark tells
 * the page which part of the structure it belongs to; the focused mark is outlined and scrolled to.
 */
export function NoticeText({
  text,
  marks,
  focus,
  onMarkClick,
}: {
  text: string;
  marks: readonly TextMark[];
  focus: TextFocus | null;
  onMarkClick: (mark: TextMark) => void;
}) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const segments = useMemo(() => highlightSegments(text, marks), [text, marks]);

  useEffect(() => {
    if (!focus?.scroll || !box.current) return;
    const first = [...box.current.querySelectorAll<HTMLElement>('[data-marks]')].find((el) =>
      el.dataset.marks!.split(' ').includes(focus.id),
    );
    first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [focus]);

  return (
    <div>
      <div className="ls-draft-legend" aria-hidden="true">
        <span>{t('noticeDraft.legend')}</span>
        <span className="ls-mark-unit">{t('noticeDraft.legendUnit')}</span>
        <span className="ls-mark-target">{t('noticeDraft.legendTarget')}</span>
        <span className="ls-mark-measure">{t('noticeDraft.legendMeasure')}</span>
      </div>
      <div className="ls-draft-text" ref={box} data-testid="draft-text" aria-label={t('noticeDraft.text')} role="region" tabIndex={0}>
        {segments.map((s) => {
          const top = topMark(s);
          if (!top) return <span key={s.start}>{s.text}</span>;
          const ids = s.marks.map((m) => m.id);
          const active = focus !== null && ids.includes(focus.id);
          const kinds = new Set(s.marks.map((m) => m.kind));
          // A warning's line wraps the other marks: its background shows under their underlines.
          const className = [...kinds]
            .map((k) => (k === 'line' ? 'ls-line-active' : top.kind === k ? `ls-mark-${k}` : ''))
            .concat(active && top.kind !== 'line' ? 'ls-mark-active' : '')
            .filter(Boolean)
            .join(' ');
          const labelled = s.marks.find((m) => m.label && m.end === s.end);
          return (
            <span
              key={s.start}
              className={className}
              data-marks={ids.join(' ')}
              data-kind={top.kind}
              onClick={top.kind === 'line' ? undefined : () => onMarkClick(top)}
            >
              {s.text}
              {labelled && <span className="ls-mark-label">{labelled.label}</span>}
            </span>
          );
        })}
      </div>
    </div>
  );
}
