import { scoreTable } from '../src/corpus-score';
import { heldOutNames, heldOutRounds, scoreCorpus } from './corpus-run';

// `node tools/ts-run.mjs libs/notice-parser/tools/corpus-report.ts` prints the tables for the README:
// the whole corpus, then the notices the parser was tuned on, then the held-out ones (corpus/README.md).
const scores = scoreCorpus();
const heldOut = heldOutNames();
const tuned = scores.filter((s) => !heldOut.has(s.notice));
const held = scores.filter((s) => heldOut.has(s.notice));
console.log(`## All ${scores.length} notices\n\n${scoreTable(scores)}\n`);
console.log(`## Tuned on (${tuned.length})\n\n${scoreTable(tuned)}\n`);
console.log(`## Held out (${held.length}: ${[...heldOut].sort().join(', ')})\n\n${scoreTable(held)}`);
for (const round of heldOutRounds()) {
  const inRound = scores.filter((s) => round.names.includes(s.notice));
  console.log(`\n## ${round.heading} (${inRound.length})\n\n${scoreTable(inRound)}`);
}
