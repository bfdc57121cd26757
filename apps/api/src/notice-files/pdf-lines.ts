/**
 * Joining a PDF page's text items into the lines a reader sees: items whose baselines (y) are within
 * half a character's height are one line, read left to right; lines top to bottom. Pure, so that it
 * is tested without a PDF. The worker of pdf-text.ts only reads the items; the lines are joined here.
 */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  /** The item's height (font size); 0 where pdf.js gives none. */
  height: number;
  width: number;
}

const LATIN_END = /[A-Za-z0-9.,;:%)]$/;
const LATIN_START = /^[A-Za-z0-9(]/;

export function joinLines(items: readonly PdfTextItem[]): string[] {
  const sorted = items
    .filter((i) => i.str.length > 0)
    .slice()
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfTextItem[][] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    const tolerance = Math.max(2, (item.height || line?.[0]?.height || 10) / 2);
    if (line && Math.abs(line[0].y - item.y) <= tolerance) line.push(item);
    else lines.push([item]);
  }
  return lines
    .map((line) => {
      const inOrder = line.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const item of inOrder) {
        // A visible gap between two Latin words is a space; Chinese runs on without one.
        const gap = item.x - end;
        if (text && gap > (item.height || 10) * 0.25 && LATIN_END.test(text) && LATIN_START.test(item.str)) text += ' ';
        text += item.str;
        end = item.x + item.width;
      }
      return text.replace(/\s+$/u, '');
    })
    .filter((l) => l.trim().length > 0);
}
