import { scoreTable } from '../src/corpus-score';
import { scoreCorpus } from './corpus-run';

// `node tools/ts-run.mjs libs/notice-parser/tools/corpus-report.ts` prints the table for the README.
console.log(scoreTable(scoreCorpus()));
