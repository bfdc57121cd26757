import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { JIANGMEN_COUNTIES } from '@luoshi/domain';
import { scoreNotice, type ExpectedNotice, type NoticeScore } from '../src/corpus-score';
import { NoticeParseError, parseNotice, type ParsedNotice } from '../src/index';

/** Node side of the corpus score (the library stays free of Node): reads corpus/ and scores each notice. */
export const CORPUS_DIR = join(__dirname, '../corpus');

export function corpusNames(): string[] {
  return readdirSync(CORPUS_DIR).filter((f) => /^\d\d-.+\.txt$/.test(f)).map((f) => f.slice(0, -4)).sort();
}

export function scoreCorpus(): NoticeScore[] {
  const counties = JIANGMEN_COUNTIES.map((c) => ({ name: c.name, regionCode: c.regionCode }));
  return corpusNames().map((name) => {
    const expected = JSON.parse(readFileSync(join(CORPUS_DIR, `${name}.expected.json`), 'utf8')) as ExpectedNotice;
    let parsed: ParsedNotice | null = null;
    let error = '';
    try {
      parsed = parseNotice(readFileSync(join(CORPUS_DIR, `${name}.txt`), 'utf8'), { counties });
    } catch (e) {
      if (!(e instanceof NoticeParseError)) throw e;
      error = e.message;
    }
    const score = scoreNotice(name, expected, parsed);
    if (error) score.misses.unshift(`refused: ${error}`);
    return score;
  });
}
