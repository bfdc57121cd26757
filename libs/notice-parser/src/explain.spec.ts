import { readFileSync } from 'fs';
import { join } from 'path';
import { corpusNames, CORPUS_DIR } from '../tools/corpus-run';
import { parseNotice } from './index';
import { JIANGMEN_COUNTIES, readNotice } from './__fixtures__/jiangmen';

/** The web highlights these spans beside the text, so every one must point at exactly its words. */
const notices = [
  ['jiangmen-2024-1', readNotice()],
  ...corpusNames().map((name) => [name, readFileSync(join(CORPUS_DIR, `${name}.txt`), 'utf8')]),
];

describe.each(notices)('%s: words and spans', (_name, text) => {
  const notice = parseNotice(text, { counties: JIANGMEN_COUNTIES });
  const measures = notice.sections.flatMap((s) => s.measures);
  const lines = notice.sourceText.split('\n');

  it('puts each measure at the line of its number, its title on that line', () => {
    for (const m of measures) {
      expect(lines[(m.line ?? 0) - 1]).toContain(m.title.slice(0, 4));
    }
  });

  it('gives the responsibility span of exactly the clause text', () => {
    for (const m of measures) {
      if (m.responsibilitySpan) {
        const { start, end } = m.responsibilitySpan;
        expect(m.responsibilityText?.startsWith(notice.sourceText.slice(start, end).replace(/\n/g, ''))).toBe(true);
      } else expect(m.responsibilityText).toBeNull();
    }
  });

  it('names every unit by words that stand in its clause, with the role words as written', () => {
    for (const m of measures) {
      for (const r of m.responsibilities) {
        expect(r.words).not.toBe('');
        expect(notice.sourceText).toContain(r.words);
        if (r.roleWords) expect(notice.sourceText).toContain(r.roleWords);
      }
    }
  });

  it('spans each target over its goal words inside its source phrase', () => {
    for (const m of measures) {
      for (const t of m.targets) {
        expect(t.span).toBeDefined();
        const words = notice.sourceText.slice(t.span?.start, t.span?.end);
        // A span over a wrapped line holds its line break; the phrase joins the lines.
        expect(t.sourcePhrase).toContain(words.replace(/\n\s*/g, ''));
        // a web copy may write full-width digits (19: 不少于３万个)
        expect(words.replace(/[\s,，]/g, '')).toMatch(/[\d０-９]/);
      }
    }
  });
});

describe('the Jiangmen notice explained', () => {
  const notice = parseNotice(readNotice(), { counties: JIANGMEN_COUNTIES });
  const first = notice.sections[0].measures[0];

  it('says which words named each unit and gave its role', () => {
    expect(first.responsibilities.map((r) => [r.agencyName, r.words, r.roleWords])).toEqual([
      ['市人力資源社會保障局', '市人力資源社會保障局', '牽頭'],
      ['市財政局', '市財政局', '按職責分工負責'],
      ['市稅務局', '市稅務局', '按職責分工負責'],
      ...JIANGMEN_COUNTIES.map((c) => [c.name, '各縣(市、區)政府', '按職責分工負責']),
    ]);
    expect(first.line).toBe(11);
    expect(notice.warnings).toEqual([]);
  });

  it('spans the goal words of each target', () => {
    const targets = notice.sections.flatMap((s) => s.measures.flatMap((m) => m.targets));
    expect(targets.map((t) => notice.sourceText.slice(t.span?.start, t.span?.end))).toEqual([
      '縮短為3天',
      '不少于3000個',
      '不少于2000個',
      '400個以上',
    ]);
  });
});
