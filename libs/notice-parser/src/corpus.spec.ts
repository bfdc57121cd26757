import { scoreCorpus } from '../tools/corpus-run';
import { scoreTable, totalsOf } from './corpus-score';

/**
 * The fixture corpus (libs/notice-parser/corpus: notices written the many ways offices write them,
 * each with its expected parse). The floor is the level the parser reached; a change that lowers
 * it fails here, and `node tools/ts-run.mjs libs/notice-parser/tools/corpus-report.ts` names the misses.
 */
const F1_FLOOR = 0.99;

describe('the notice corpus', () => {
  const scores = scoreCorpus();

  it('holds the notices', () => {
    expect(scores.length).toBeGreaterThanOrEqual(2);
  });

  it(`scores measures, units and targets at F1 >= ${F1_FLOOR}`, () => {
    const totals = totalsOf(scores);
    if (totals.f1 < F1_FLOOR) console.log(scoreTable(scores));
    expect(totals.f1).toBeGreaterThanOrEqual(F1_FLOOR);
  });

  it('refuses none of them', () => {
    expect(scores.filter((s) => s.misses.some((m) => m.startsWith('refused')))).toEqual([]);
  });
});
