import { saveBlob } from '../../shared/save-blob';
// A chart as a PNG, without a rendering library: the Recharts SVG is cloned with its computed
// styles written inline (an SVG drawn as an image sees no stylesheet), given a white background,
// a caption (what, which policy, period and county) and its legend (Recharts draws the legend as
// HTML, outside the SVG), then drawn on a canvas at twice its size. Loaded only when someone exports.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Output pixels per CSS pixel: sharp on a projector and in a printed briefing. */
export const PNG_SCALE = 2;

export interface ChartCaption {
  /** The chart's title as the section shows it, e.g. 各地完成情况 · 新增就业 */
  title: string;
  /** Policy, period and county filter, e.g. 江府办〔2024〕5号 · 2024年第四季度 · 全市 */
  subtitle: string;
}

export interface LegendEntry {
  color: string;
  label: string;
}

/** Characters Windows, macOS or a phone refuse in a file name, and runs of white space. */
// Control characters are caught separately: a literal range in a regex trips no-control-regex.
const UNSAFE = /[\\/:*?"<>|]+/g;
const isControl = (c: string) => c.charCodeAt(0) < 0x20;

/** `<标题>-<期别>.png`, safe on every system the file may be saved or forwarded to. */
export function pngFileName(title: string, period: string): string {
  const clean = (s: string) =>
    Array.from(s, (c) => (isControl(c) ? ' ' : c))
      .join('')
      .replace(UNSAFE, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const name = [clean(title), clean(period)].filter(Boolean).join('-') || 'chart';
  // Most file systems allow 255 bytes; Chinese takes three per character in UTF-8.
  return `${Array.from(name).slice(0, 80).join('')}.png`;
}

/** Presentation properties copied from the live chart; the rest are SVG defaults or attributes. */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

/** Copies the computed presentation styles of `from` and its descendants onto `to` (a deep clone of it). */
export function inlineStyles(from: Element, to: Element, view: Pick<Window, 'getComputedStyle'> = window): void {
  const style = view.getComputedStyle(from);
  const inline: string[] = [];
  for (const prop of STYLE_PROPS) {
    const value = style.getPropertyValue(prop);
    if (value) inline.push(`${prop}:${value}`);
  }
  if (inline.length) to.setAttribute('style', `${inline.join(';')};${to.getAttribute('style') ?? ''}`);
  const a = from.children;
  const b = to.children;
  for (let i = 0; i < a.length && i < b.length; i++) inlineStyles(a[i], b[i], view);
}

const el = (doc: Document, name: string, attrs: Record<string, string | number>, text?: string) => {
  const node = doc.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
};

/**
 * A standalone SVG document for the chart: white background, the caption above, the chart, its
 * legend below. `chart` is the live chart (already styled inline when called from exportChartPng).
 * The page's font family is set on the root so that Chinese renders with the same CJK font.
 */
export function composeSvg(
  chart: SVGSVGElement,
  size: { width: number; height: number },
  caption: ChartCaption,
  legend: readonly LegendEntry[],
  fontFamily: string,
  /** Height Recharts reserves at the bottom of its SVG for its HTML legend: ours is drawn there */
  legendSpace = 0,
): { markup: string; width: number; height: number } {
  const doc = chart.ownerDocument;
  const pad = 16;
  const head = 58;
  const inside = legend.length > 0 && legendSpace >= 16;
  const legendHeight = legend.length && !inside ? 30 : 0;
  const width = Math.max(1, Math.round(size.width)) + pad * 2;
  const height = Math.max(1, Math.round(size.height)) + head + legendHeight + pad;
  // No xmlns attribute: the serializer writes it from the element's namespace (twice would not parse).
  const root = el(doc, 'svg', { width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': fontFamily });
  root.appendChild(el(doc, 'rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  root.appendChild(el(doc, 'text', { x: pad, y: pad + 16, 'font-size': 18, 'font-weight': 600, fill: '#1f1f1f' }, caption.title));
  root.appendChild(el(doc, 'text', { x: pad, y: pad + 38, 'font-size': 13, fill: '#595959' }, caption.subtitle));

  const body = chart.cloneNode(true) as SVGSVGElement;
  body.setAttribute('x', String(pad));
  body.setAttribute('y', String(head));
  body.setAttribute('width', String(Math.round(size.width)));
  body.setAttribute('height', String(Math.round(size.height)));
  body.removeAttribute('class');
  body.removeAttribute('xmlns'); // in case a chart sets it: the root declares the namespace
  // Hover artefacts (the tooltip cursor band) are not part of the picture.
  body.querySelectorAll('.recharts-tooltip-cursor, .recharts-active-dot').forEach((n) => n.remove());
  root.appendChild(body);

  // Legend entries in a row under the chart, centred as Recharts shows them.
  let x = pad;
  const y = inside ? head + Math.round(size.height - legendSpace / 2) - 6 : head + Math.round(size.height) + 12;
  const items = legend.map((entry) => {
    const g = el(doc, 'g', {});
    g.appendChild(el(doc, 'rect', { x, y, width: 12, height: 12, rx: 2, fill: entry.color }));
    g.appendChild(el(doc, 'text', { x: x + 18, y: y + 11, 'font-size': 13, fill: '#434343' }, entry.label));
    // Width is not measurable without layout: CJK characters are about one em, Latin about half.
    x += 18 + Array.from(entry.label).reduce((w, c) => w + (c.charCodeAt(0) > 0x2e7f ? 13 : 7.5), 0) + 20;
    return g;
  });
  const shift = Math.max(0, (width - x) / 2 - pad / 2);
  for (const g of items) {
    g.setAttribute('transform', `translate(${Math.round(shift)} 0)`);
    root.appendChild(g);
  }
  return { markup: new XMLSerializer().serializeToString(root), width, height };
}

/** The legend Recharts draws as HTML next to the SVG: each item's colour and text. */
export function readLegend(wrapper: Element): LegendEntry[] {
  return Array.from(wrapper.querySelectorAll('.recharts-legend-item')).map((item) => {
    // The icon is a filled path (bars), a stroked line or path (lines), or a group of them.
    const paint = (n: Element) =>
      [n.getAttribute('fill'), n.getAttribute('stroke')].find((c) => c && c !== 'none' && !c.startsWith('url('));
    const shape = Array.from(item.querySelectorAll('path, rect, line, circle')).find((n) => paint(n));
    const color = (shape && paint(shape)) ?? '#8c8c8c';
    return { color, label: (item.querySelector('.recharts-legend-item-text')?.textContent ?? item.textContent ?? '').trim() };
  });
}

/** The chart SVG of a section: the surface of the Recharts wrapper, not a legend icon (also an svg). */
export function findChartSvg(container: Element): SVGSVGElement | null {
  return (
    container.querySelector<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface') ??
    container.querySelector<SVGSVGElement>('svg.recharts-surface')
  );
}

/** Draws the SVG markup at PNG_SCALE on a canvas and returns the PNG. */
async function rasterize(markup: string, width: number, height: number): Promise<Blob> {
  const image = new Image();
  image.width = width;
  image.height = height;
  // A data: URL (not a blob: URL): Chromium and Safari leave the canvas exportable then.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * PNG_SCALE;
  canvas.height = height * PNG_SCALE;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2d context unavailable');
  ctx.scale(PNG_SCALE, PNG_SCALE);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(image, 0, 0, width, height);
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob returned nothing'))), 'image/png'),
  );
}

/** The first chart inside `container` as a PNG download named `fileName`. */
export async function exportChartPng(container: Element, caption: ChartCaption, fileName: string): Promise<void> {
  const svg = findChartSvg(container);
  if (!svg) throw new Error('no chart to export');
  const rect = svg.getBoundingClientRect();
  const size = {
    width: rect.width || Number(svg.getAttribute('width')) || 600,
    height: rect.height || Number(svg.getAttribute('height')) || 300,
  };
  // Inline the styles on a detached clone so the live chart is left as it is.
  const styled = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, styled);
  const wrapper = svg.closest('.recharts-wrapper') ?? container;
  const fontFamily = window.getComputedStyle(svg).fontFamily || 'sans-serif';
  const legendSpace = wrapper.querySelector('.recharts-legend-wrapper')?.getBoundingClientRect().height ?? 0;
  const { markup, width, height } = composeSvg(styled, size, caption, readLegend(wrapper), fontFamily, legendSpace);
  saveBlob(await rasterize(markup, width, height), fileName);
}
