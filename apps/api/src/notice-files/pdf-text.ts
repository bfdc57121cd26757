import { Worker } from 'node:worker_threads';
import { joinLines, PdfTextItem } from './pdf-lines';

/** How much of a PDF is read: a notice is a few pages; a scanned book or a trick is stopped. */
export const MAX_PDF_PAGES = 300;
export const PDF_TIME_LIMIT_MS = 30_000;

export type PdfTextResult =
  { text: string; pages: number } | { refused: 'NO_TEXT_LAYER' | 'TOO_MANY_PAGES' | 'PASSWORD' | 'UNREADABLE' | 'TIMEOUT'; pages?: number };

/**
 * pdf.js runs in a worker thread: it is ESM-only (a worker imports it natively, whatever the API's own
 * module system, in the build and under Jest alike), a hostile PDF cannot block the event loop, and
 * the worker is stopped at the time limit with its memory bounded. It answers the text items of each
 * page; lines are joined here (pdf-lines.ts).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const pdfjs = await import(workerData.pdfjsUrl);
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(workerData.bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (error) {
    parentPort.postMessage({ refused: error && error.name === 'PasswordException' ? 'PASSWORD' : 'UNREADABLE' });
    return;
  }
  if (doc.numPages > workerData.maxPages) {
    parentPort.postMessage({ refused: 'TOO_MANY_PAGES', pages: doc.numPages });
    return;
  }
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.filter((i) => typeof i.str === 'string').map((i) => ({ str: i.str, x: i.transform[4], y: i.transform[5], height: i.height || Math.abs(i.transform[3]) || 0, width: i.width || 0 })));
    page.cleanup();
  }
  await doc.destroy();
  parentPort.postMessage({ pages });
})().catch(() => parentPort.postMessage({ refused: 'UNREADABLE' }));
`;

type WorkerAnswer = { pages: PdfTextItem[][] } | { refused: 'TOO_MANY_PAGES' | 'PASSWORD' | 'UNREADABLE'; pages?: number };

function readItems(bytes: Buffer, timeLimitMs: number): Promise<WorkerAnswer | { refused: 'TIMEOUT' }> {
  const pdfjsUrl = `file://${require.resolve('pdfjs-dist/legacy/build/pdf.mjs')}`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { bytes, pdfjsUrl, maxPages: MAX_PDF_PAGES },
      resourceLimits: { maxOldGenerationSizeMb: 512 },
      stdout: true,
      stderr: true, // pdf.js warns about fonts it does not need for text: not the server log's business
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ refused: 'TIMEOUT' });
    }, timeLimitMs);
    worker.once('message', (answer: WorkerAnswer) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(answer);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      // Out of memory (ERR_WORKER_OUT_OF_MEMORY) or a crash inside pdf.js: the file is not readable here.
      if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') resolve({ refused: 'UNREADABLE' });
      else reject(error);
    });
  });
}

/** The text of a PDF's text layer, one line per printed line, pages one after another. */
export async function pdfText(bytes: Buffer, timeLimitMs = PDF_TIME_LIMIT_MS): Promise<PdfTextResult> {
  const answer = await readItems(bytes, timeLimitMs);
  if ('refused' in answer) return answer;
  const text = answer.pages
    .map((items) => joinLines(items).join('\n'))
    .filter((page) => page.length > 0)
    .join('\n');
  if (!text.replace(/\s+/gu, '')) return { refused: 'NO_TEXT_LAYER', pages: answer.pages.length };
  return { text, pages: answer.pages.length };
}
