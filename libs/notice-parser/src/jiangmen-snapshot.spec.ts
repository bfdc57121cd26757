import { parseNotice, type ParsedNotice } from './index';
import { JIANGMEN_COUNTIES, readNotice } from './__fixtures__/jiangmen';
import snapshot from './__fixtures__/jiangmen-2024-1.parsed.json';

/**
 * The whole parse of 江就辦〔2024〕1號 as the parser gave it before issue 10 (the JSON was written
 * from that parser, before any change). Fields added since (warnings, words, roleWords, spans,
 * line, everyYear) are dropped before comparing: everything the parse said then must stay exactly the same.
 */
function asBefore(notice: ParsedNotice): unknown {
  const { sourceText: _text, warnings: _warnings, ...rest } = notice;
  return {
    ...rest,
    sections: rest.sections.map((s) => ({
      ...s,
      measures: s.measures.map(({ line: _line, responsibilitySpan: _span, ...m }) => ({
        ...m,
        responsibilities: m.responsibilities.map(({ words: _w, roleWords: _r, ...r }) => r),
        targets: m.targets.map(({ span: _s, everyYear: _e, ...t }) => t),
      })),
    })),
  };
}

describe('江就辦〔2024〕1號 against the parse recorded before issue 10', () => {
  it('is field for field the same', () => {
    const text = readNotice();
    const notice = parseNotice(text, { counties: JIANGMEN_COUNTIES });
    expect(asBefore(notice)).toEqual(snapshot);
    expect(notice.sourceText).toBe(text);
  });
});
