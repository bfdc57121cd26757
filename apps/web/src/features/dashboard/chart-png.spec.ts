import { composeSvg, findChartSvg, inlineStyles, pngFileName, readLegend } from './chart-png';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A chart as Recharts lays it out: wrapper div, the surface, an HTML legend with svg icons. */
function rechartsDom(): HTMLElement {
  const section = document.createElement('section');
  section.innerHTML = `
    <div class="recharts-wrapper">
      <svg class="recharts-surface" xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200">
        <g class="recharts-yAxis"><text x="10" y="20" fill="#666">蓬江</text></g>
        <path class="recharts-rectangle recharts-bar-rectangle" fill="#1d4f91" d="M0,0h10v10z"></path>
        <rect class="recharts-tooltip-cursor" x="0" y="0" width="10" height="10"></rect>
      </svg>
      <div class="recharts-legend-wrapper"><ul>
        <li class="recharts-legend-item"><svg class="recharts-surface"><path class="recharts-legend-icon" stroke="none" fill="#1d4f91" d=""></path></svg><span class="recharts-legend-item-text">已完成</span></li>
        <li class="recharts-legend-item"><svg class="recharts-surface"><g class="recharts-legend-icon"><path fill="none" stroke="#d46b08" d=""></path></g></svg><span class="recharts-legend-item-text">时间进度</span></li>
      </ul></div>
    </div>`;
  document.body.appendChild(section);
  return section;
}

describe('pngFileName', () => {
  it('is <title>-<period>.png', () => {
    expect(pngFileName('各地完成情况 · 新增就业', '2024年第四季度')).toBe('各地完成情况 · 新增就业-2024年第四季度.png');
  });

  it('replaces characters file systems refuse and trims long titles', () => {
    expect(pngFileName('完成率/上限: "A"?', ' 2024 Q4 ')).toBe('完成率 上限 A-2024 Q4.png');
    expect(Array.from(pngFileName('长'.repeat(200), '期')).length).toBe(80 + '.png'.length);
    expect(pngFileName('', '')).toBe('chart.png');
  });
});

describe('reading the chart', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('finds the chart surface, not a legend icon', () => {
    const svg = findChartSvg(rechartsDom());
    expect(svg?.getAttribute('width')).toBe('400');
  });

  it('reads the HTML legend: colour of the filled or stroked icon, and its text', () => {
    expect(readLegend(rechartsDom())).toEqual([
      { color: '#1d4f91', label: '已完成' },
      { color: '#d46b08', label: '时间进度' },
    ]);
  });

  it('inlines computed styles element by element onto a clone', () => {
    const section = rechartsDom();
    const style = document.createElement('style');
    style.textContent = '.recharts-yAxis text { font-size: 14px; fill: rgb(1, 2, 3); }';
    document.head.appendChild(style);
    const svg = findChartSvg(section)!;
    const clone = svg.cloneNode(true) as SVGSVGElement;
    inlineStyles(svg, clone);
    const text = clone.querySelector('text')!.getAttribute('style') ?? '';
    expect(text).toContain('font-size:14px');
    expect(text).toContain('fill:rgb(1, 2, 3)');
    expect(svg.querySelector('text')!.getAttribute('style')).toBeNull();
    style.remove();
  });
});

describe('composeSvg', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('adds a white background, the caption, the chart and its legend, in the page font', () => {
    const section = rechartsDom();
    const svg = findChartSvg(section)!;
    const { markup, width, height } = composeSvg(
      svg,
      { width: 400, height: 200 },
      { title: '各地完成情况 · 新增就业', subtitle: '江府办〔2024〕5号 · 2024年第四季度 · 全市' },
      readLegend(section),
      '"PingFang SC", "Noto Sans CJK SC", sans-serif',
    );
    expect(width).toBe(432);
    expect(height).toBe(200 + 58 + 30 + 16);
    const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe(SVG_NS);
    expect(root.getAttribute('font-family')).toBe('"PingFang SC", "Noto Sans CJK SC", sans-serif');
    expect(root.querySelector('rect')?.getAttribute('fill')).toBe('#ffffff');
    const texts = Array.from(root.querySelectorAll('text')).map((n) => n.textContent);
    expect(texts).toEqual(
      expect.arrayContaining(['各地完成情况 · 新增就业', '江府办〔2024〕5号 · 2024年第四季度 · 全市', '蓬江', '已完成', '时间进度']),
    );
    // The hover band is not part of the picture; the live chart keeps it.
    expect(root.querySelector('.recharts-tooltip-cursor')).toBeNull();
    expect(svg.querySelector('.recharts-tooltip-cursor')).not.toBeNull();
    expect(root.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(1);
  });

  it('escapes text that would break the markup', () => {
    const svg = findChartSvg(rechartsDom())!;
    const { markup } = composeSvg(svg, { width: 100, height: 50 }, { title: 'A & B <c>', subtitle: '' }, [], 'sans-serif');
    expect(markup).toContain('A &amp; B &lt;c&gt;');
    expect(new DOMParser().parseFromString(markup, 'image/svg+xml').querySelector('parsererror')).toBeNull();
  });

  it('draws the legend in the space Recharts keeps for it at the bottom of the chart', () => {
    const section = rechartsDom();
    const { markup, height } = composeSvg(
      findChartSvg(section)!,
      { width: 400, height: 200 },
      { title: 't', subtitle: 's' },
      readLegend(section),
      'sans-serif',
      30,
    );
    expect(height).toBe(200 + 58 + 16);
    const legendRect = new DOMParser().parseFromString(markup, 'image/svg+xml').querySelectorAll('g > rect')[0];
    expect(Number(legendRect.getAttribute('y'))).toBe(58 + 200 - 15 - 6);
  });
});
