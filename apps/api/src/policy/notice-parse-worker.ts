import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CountyInput, ParsedNotice } from '@luoshi/notice-parser';

/**
 * How long one parse may run. The Jiangmen notice parses in some 30 ms and the worst input found in
 * 200,000 characters in a few seconds; `NOTICE_PARSE_TIME_LIMIT_MS` changes it.
 */
export const parseTimeLimitMs = (): number => Number(process.env.NOTICE_PARSE_TIME_LIMIT_MS) || 10_000;

export type WorkerParse =
  | { notice: ParsedNotice }
  /** The text is no notice the parser reads (NoticeParseError): its line and message. */
  | { refused: { message: string; line: number } }
  /** The parse ran past the time limit, ran out of memory or threw something else. */
  | { failed: 'TIMEOUT' | 'CRASH'; detail: string };

/**
 * The parser runs in a worker thread so that no text can block the event loop: it is stopped at the
 * time limit, with its memory bounded. The built app loads the compiled parser (`.js` beside this
 * file's twin under dist); from the sources (Jest, ts-run) the worker registers swc first.
 * Both trees keep the repository's layout, so the parser is at the same relative path.
 */
const PARSER_PATH = join(__dirname, '../../../../libs/notice-parser/src/index');
const FROM_SOURCES = __filename.endsWith('.ts');

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
if (workerData.register) require(workerData.register);
const { parseNotice, NoticeParseError } = require(workerData.parserPath);
try {
  parentPort.postMessage({ notice: parseNotice(workerData.text, { counties: workerData.counties }) });
} catch (error) {
  if (error instanceof NoticeParseError) parentPort.postMessage({ refused: { message: error.message, line: error.line } });
  else parentPort.postMessage({ failed: 'CRASH', detail: String((error && error.stack) || error) });
}
`;

const logger = new Logger('NoticeParse');

export function parseInWorker(text: string, counties: CountyInput[], timeLimitMs = parseTimeLimitMs()): Promise<WorkerParse> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        text,
        counties,
        parserPath: PARSER_PATH,
        register: FROM_SOURCES ? require.resolve('@swc-node/register') : null,
      },
      env: FROM_SOURCES ? { ...process.env, SWC_NODE_PROJECT: join(__dirname, '../../tsconfig.app.json') } : process.env,
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    let settled = false;
    const settle = (answer: WorkerParse): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if ('failed' in answer) logger.warn(`parse ${answer.failed} (${text.length} characters): ${answer.detail}`);
      resolve(answer);
    };
    const timer = setTimeout(() => settle({ failed: 'TIMEOUT', detail: `over ${timeLimitMs} ms` }), timeLimitMs);
    worker.once('message', (answer: WorkerParse) => settle(answer));
    // Out of memory (ERR_WORKER_OUT_OF_MEMORY) or the parser failing to load: no answer for this text.
    worker.once('error', (error) => settle({ failed: 'CRASH', detail: String(error.stack ?? error) }));
    worker.once('exit', (code) => settle({ failed: 'CRASH', detail: `worker exited with code ${code}` }));
  });
}
