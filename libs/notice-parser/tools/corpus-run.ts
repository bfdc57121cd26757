import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { JIANGMEN_COUNTIES } from '@luoshi/domain';
import { scoreNotice, type ExpectedNotice, type NoticeScore } from '../src/corpus-score';
import { NoticeParseError, parseNotice, type ParsedNotice } from '../src/index';

/** Node side of the corpus score (the library stays free of Node): reads corpus/ and scores each notice. */
export const CORPUS_DIR = join(__dirname, '../corpus');

export function corpusNames(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => /^\d\d-.+\.txt$/.test(f))
    .map((f) => f.slice(0, -4))
    .sort();
}

/**
 * Notices corpus/README.md marks "held out" (written after the parser was tuned, by someone who never
 * saw it): scored apart so the README can say how the parser does on notices it was not tuned on.
 */
export function heldOutNames(): Set<string> {
  const readme = readFileSync(join(CORPUS_DIR, 'README.md'), 'utf8');
  const names = new Set<string>();
  for (const m of readme.matchAll(/^- `(\d\d-[^`]+)\.txt`[^\n]*\bheld out\b/gm)) names.add(m[1]);
  return names;
}

/**
 * The held-out notices by round: each `## Held-out notices…` heading of corpus/README.md opens a round
 * (13-16, then 17-20, …), so the report can give each round's first-seen score apart.
 */
export function heldOutRounds(): { heading: string; names: string[] }[] {
  const readme = readFileSync(join(CORPUS_DIR, 'README.md'), 'utf8');
  const rounds: { heading: string; names: string[] }[] = [];
  for (const part of readme.split(/^## /m).slice(1)) {
    const heading = part.slice(0, part.indexOf('\n')).trim();
    const names = [...part.matchAll(/^- `(\d\d-[^`]+)\.txt`[^\n]*\bheld out\b/gm)].map((m) => m[1]);
    if (names.length) rounds.push({ heading, names: names.sort() });
  }
  return rounds;
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
