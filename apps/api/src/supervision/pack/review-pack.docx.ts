import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Rating } from '@luoshi/domain';
import { CHANGE_LABEL, ITEM_STATUS_LABEL, RATING_LABEL, ReviewPack } from './review-pack.data';

/*
 * A 督查通报 laid out after GB/T 9704 (党政机关公文格式) as far as a generated file sensibly can:
 * A4 portrait, 37/35/28/26 mm margins, red masthead over a red rule, 仿宋 三号 body, 黑体 headings,
 * "— 1 —" page numbers. Word and WPS pick a Chinese font by the run's eastAsia attribute (not by
 * ascii/hAnsi), so every run names all four slots, and the document defaults do too, so that nothing
 * falls back to a Latin font that has no Chinese glyphs. The names are the ones installed with
 * Windows and WPS alike (仿宋/FangSong, 黑体/SimHei, 宋体/SimSun): 仿宋_GB2312 and 方正小标宋简体
 * are often missing, and Word then substitutes unpredictably.
 */
export const FONTS = { body: '仿宋', heading: '黑体', fallback: '宋体', latin: 'Times New Roman' } as const;

const font = (eastAsia: string) => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin, eastAsia });
const RED = 'C00000';
/** Half-points: 三号 16pt body, 五号 10.5pt in tables, 二号 22pt title. */
const SIZE = { body: 32, table: 21, title: 44, masthead: 52, mastheadBig: 80 } as const;
const TEXT_WIDTH = 8845; // twips: 210 mm less 28 + 26 mm margins

const RATING_FILL: Record<Rating, { fill: string; color: string }> = {
  GREEN: { fill: 'C6EFCE', color: '006100' },
  YELLOW: { fill: 'FFEB9C', color: '9C5700' },
  RED: { fill: 'FFC7CE', color: '9C0006' },
};
const fmt = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
const pct = (n: number | null) => (n === null ? '—' : `${n.toFixed(1)}%`);
const cnDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const run = (text: string, o: { face?: string; size?: number; bold?: boolean; color?: string } = {}) =>
  new TextRun({ text, font: font(o.face ?? FONTS.body), size: o.size ?? SIZE.body, bold: o.bold, color: o.color });

/** A body paragraph: two characters' first-line indent, 28-point lines as in a printed 公文. */
const para = (text: string | TextRun[], indent = true) =>
  new Paragraph({
    children: typeof text === 'string' ? [run(text)] : text,
    indent: indent ? { firstLine: 640 } : undefined,
    spacing: { line: 560, lineRule: 'exact' },
  });
const heading = (n: number, text: string) =>
  new Paragraph({
    children: [run(`${NUMERALS[n - 1]}、${text}`, { face: FONTS.heading })],
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: 'exact' },
    keepNext: true,
  });

const cell = (text: string, o: { header?: boolean; rating?: Rating; align?: 'left' | 'center' | 'right'; width: number }) => {
  const shade = o.rating ? RATING_FILL[o.rating] : o.header ? { fill: 'F2F2F2', color: '000000' } : null;
  return new TableCell({
    width: { size: o.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    shading: shade ? { type: ShadingType.CLEAR, color: 'auto', fill: shade.fill } : undefined,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    children: String(text)
      .split('\n')
      .map(
        (line) =>
          new Paragraph({
            alignment:
              o.header || o.rating || o.align === 'center'
                ? AlignmentType.CENTER
                : o.align === 'right'
                  ? AlignmentType.RIGHT
                  : AlignmentType.LEFT,
            children: [
              run(line, {
                face: o.header ? FONTS.heading : FONTS.body,
                size: SIZE.table,
                color: shade && o.rating ? shade.color : undefined,
                bold: !!o.rating,
              }),
            ],
          }),
      ),
  });
};

type Col = { title: string; width: number; align?: 'left' | 'center' | 'right' };
type Value = string | { text: string; rating: Rating };

/** A table whose header row repeats on every page and whose rows do not break across pages. */
function table(cols: Col[], rows: Value[][]): Table {
  const scale = TEXT_WIDTH / cols.reduce((s, c) => s + c.width, 0);
  const widths = cols.map((c) => Math.floor(c.width * scale));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: cols.map((c, i) => cell(c.title, { header: true, width: widths[i] })) }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((v, i) =>
              typeof v === 'string'
                ? cell(v, { align: cols[i].align, width: widths[i] })
                : cell(v.text, { rating: v.rating, width: widths[i] }),
            ),
          }),
      ),
    ],
  });
}
const rated = (r: Rating) => ({ text: RATING_LABEL[r], rating: r });
const gap = () => new Paragraph({ children: [run('', { size: SIZE.table })] });

function masthead(pack: ReviewPack): Paragraph[] {
  const red = (text: string, size: number) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, { face: FONTS.heading, size, color: RED })] });
  return [
    red(pack.issuer, SIZE.masthead),
    red('督 查 通 报', SIZE.mastheadBig),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(`（${pack.periodName}）`)] }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      border: { bottom: { color: RED, style: BorderStyle.THICK_THIN_SMALL_GAP, size: 24, space: 4 } },
      children: [run(`${cnDate(pack.generatedOn)}${pack.status === 'FINAL' ? '' : '（未定稿）'}`)],
    }),
    gap(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [
        run(`关于《${pack.policyTitle}》（${pack.docNumber}）${pack.periodName}落实情况的通报`, { face: FONTS.heading, size: SIZE.title }),
      ],
    }),
  ];
}

function targetsPart(pack: ReviewPack): (Paragraph | Table)[] {
  return pack.targets.flatMap((t, i) => {
    const line =
      t.direction === 'AT_LEAST'
        ? `（${NUMERALS[i]}）${t.name}（措施${t.measureSeq}）：全年目标${fmt(t.target)}${t.unit}，截至${cnDate(pack.periodEndsOn)}完成${fmt(t.achieved)}${t.unit}，完成率${pct(t.percent)}，按时序应达${pct(t.expectedShare * 100)}，评级为${RATING_LABEL[t.rating]}色。`
        : t.byCounty.every((c) => c.achieved === null)
          ? `（${NUMERALS[i]}）${t.name}（措施${t.measureSeq}）：上限${fmt(t.target)}${t.unit}，尚无审核通过的数据，评级为${RATING_LABEL[t.rating]}色。`
          : `（${NUMERALS[i]}）${t.name}（措施${t.measureSeq}）：上限${fmt(t.target)}${t.unit}，各县（市、区）最高${fmt(t.achieved)}${t.unit}，评级为${RATING_LABEL[t.rating]}色。`;
    const value = (v: number | null) => (v === null ? '—' : fmt(v));
    if (t.direction === 'AT_MOST') {
      // A ceiling binds every county: each is held against its own limit, or the city's.
      const rows = t.byCounty.map((c): Value[] => {
        const limit = c.quota ?? t.target;
        return [c.county, fmt(limit), value(c.achieved), c.achieved === null ? '尚无数据' : c.achieved <= limit ? '未超上限' : '超出上限'];
      });
      return [
        para(line),
        table(
          [
            { title: '县（市、区）', width: 3 },
            { title: `上限（${t.unit}）`, width: 2, align: 'right' },
            { title: `实际（${t.unit}）`, width: 2, align: 'right' },
            { title: '情况', width: 2, align: 'center' },
          ],
          rows,
        ),
        gap(),
      ];
    }
    const rows = t.byCounty.map((c): Value[] => [c.county, c.quota === null ? '未分解' : fmt(c.quota), value(c.achieved), pct(c.percent)]);
    return [
      para(line),
      table(
        [
          { title: '县（市、区）', width: 3 },
          { title: `分解任务（${t.unit}）`, width: 2, align: 'right' },
          { title: `完成（${t.unit}）`, width: 2, align: 'right' },
          { title: '完成率', width: 2, align: 'right' },
        ],
        rows,
      ),
      gap(),
    ];
  });
}

function measuresTable(pack: ReviewPack): Table {
  const rows = pack.measures.map((m): Value[] => [
    String(m.seq),
    m.title,
    m.leadUnit,
    rated(m.computedRating),
    rated(m.rating),
    m.overridden && m.reason ? `调整理由：${m.reason}\n系统说明：${m.explanation}` : m.explanation,
    `${CHANGE_LABEL[m.change]}${m.previousRating ? `（上季度${RATING_LABEL[m.previousRating]}）` : ''}${m.redTwoQuarters ? '\n连续两个季度红色' : ''}`,
  ]);
  return table(
    [
      { title: '序号', width: 5, align: 'center' },
      { title: '措施', width: 17 },
      { title: '牵头单位', width: 12 },
      { title: '系统评级', width: 7 },
      { title: '办公室评级', width: 8 },
      { title: '评级说明', width: 33 },
      { title: '较上季度', width: 11 },
    ],
    rows,
  );
}

function rankingTable(pack: ReviewPack): Table {
  const rows = pack.ranking.map((r): Value[] => [
    String(r.rank),
    r.county,
    fmt(r.achieved),
    r.quota === null ? '未分解' : fmt(r.quota),
    pct(r.score * 100),
    r.basis === 'QUOTA' ? '对照分解任务' : '占全市完成量',
  ]);
  return table(
    [
      { title: '名次', width: 2, align: 'center' },
      { title: '县（市、区）', width: 4 },
      { title: '完成', width: 3, align: 'right' },
      { title: '分解任务', width: 3, align: 'right' },
      { title: '完成率/占比', width: 3, align: 'right' },
      { title: '口径', width: 4 },
    ],
    rows,
  );
}

/** （市人社局经批准延期至2024年10月20日）: the units judged by their own later date, or nothing. */
export const extensionsNote = (pack: Pick<ReviewPack, 'extensions'>) =>
  pack.extensions.length ? `（${pack.extensions.map((x) => `${x.unit}经批准延期至${cnDate(x.dueOn)}`).join('；')}）` : '';

function reportingTable(pack: ReviewPack): Table {
  const seqs = (list: number[]) => list.join('、');
  const rows = pack.reporting.map((r): Value[] => [
    r.unit,
    String(r.total),
    String(r.onTime),
    String(r.late),
    String(r.missing),
    [
      r.extendedDueOn ? `延期至${cnDate(r.extendedDueOn)}` : '',
      r.lateMeasures.length ? `逾期报送：措施${seqs(r.lateMeasures)}` : '',
      r.missing === r.total
        ? `全部${r.total}项均${r.pastDue ? '未' : '尚未'}报送`
        : r.missingMeasures.length
          ? `${r.pastDue ? '未' : '尚未'}报送：措施${seqs(r.missingMeasures)}`
          : '',
    ]
      .filter(Boolean)
      .join('\n'),
  ]);
  return table(
    [
      { title: '单位', width: 5 },
      { title: '应报', width: 2, align: 'right' },
      { title: '按时', width: 2, align: 'right' },
      { title: '逾期', width: 2, align: 'right' },
      { title: '未报', width: 2, align: 'right' },
      { title: '涉及措施', width: 8 },
    ],
    rows,
  );
}

function itemsTable(pack: ReviewPack): Table {
  const rows = pack.items.map((i, n): Value[] => [
    String(n + 1),
    i.unit,
    `${i.measureSeq}. ${i.measureTitle}`,
    i.request,
    i.dueOn,
    ITEM_STATUS_LABEL(i),
    i.response ?? '',
  ]);
  return table(
    [
      { title: '序号', width: 4, align: 'center' },
      { title: '责任单位', width: 10 },
      { title: '措施', width: 14 },
      { title: '督办要求', width: 22 },
      { title: '办理期限', width: 10, align: 'center' },
      { title: '办理状态', width: 9, align: 'center' },
      { title: '答复情况', width: 22 },
    ],
    rows,
  );
}

export function buildReviewPackDocument(pack: ReviewPack): Document {
  const s = pack.summary;
  const body: (Paragraph | Table)[] = [
    ...masthead(pack),
    para('各成员单位，各县（市、区）就业工作领导小组：', false),
    para(
      `按照《${pack.policyTitle}》（${pack.docNumber}）要求，领导小组办公室对${pack.periodName}各项措施落实情况开展了督查。现将有关情况通报如下：`,
    ),
    heading(1, '总体情况'),
    para(
      `${pack.measures.length}项措施中，评为绿色${s.green}项、黄色${s.yellow}项、红色${s.red}项，其中办公室结合实际调整评级${s.overridden}项；` +
        `与上季度相比，好转${s.improved}项、退步${s.slipped}项${s.redTwoQuarters ? `，连续两个季度为红色${s.redTwoQuarters}项，请牵头单位重点推进` : ''}。`,
    ),
    heading(2, '主要指标完成情况'),
    ...targetsPart(pack),
    heading(3, '各项措施评级情况'),
    para('评级按“时间过半、任务过半”原则由系统计算，办公室可结合实际调整并说明理由。'),
    measuresTable(pack),
    gap(),
    heading(4, '各县（市、区）完成情况排名'),
    para('有分解任务的县（市、区）按各项分解任务完成率的平均值排名；未分解任务的，按其完成量占全市完成量的比例排在其后。'),
    rankingTable(pack),
    gap(),
    heading(5, '报送情况'),
    pack.reporting.length
      ? para(
          `本期报送截止日为${cnDate(pack.dueOn)}${extensionsNote(pack)}。以下单位存在逾期报送或${pack.pastDue ? '未报送' : '尚未报送'}情况：`,
        )
      : para(`本期报送截止日为${cnDate(pack.dueOn)}${extensionsNote(pack)}，各责任单位均已按时报送。`),
    ...(pack.reporting.length ? [reportingTable(pack), gap()] : []),
    heading(6, '督办事项'),
    pack.items.length
      ? para(`本次督查共交办督办事项${pack.items.length}项，请各责任单位按期办理并在系统中答复：`)
      : para('本次督查未交办督办事项。'),
    ...(pack.items.length ? [itemsTable(pack), gap()] : []),
    gap(),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(pack.issuer)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(cnDate(pack.generatedOn))] }),
  ];

  return new Document({
    creator: pack.issuer,
    title: pack.title,
    description: `${pack.docNumber} ${pack.periodLabel}`,
    styles: {
      default: {
        // The document defaults: whatever a run does not say is 宋体/SimSun, in Chinese, at 三号.
        document: { run: { font: font(FONTS.fallback), size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } } },
      },
      paragraphStyles: [{ id: 'Normal', name: 'Normal', run: { font: font(FONTS.body), size: SIZE.body } }],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: PageOrientation.PORTRAIT },
            margin: { top: 2098, bottom: 1984, left: 1587, right: 1474, footer: 992 },
            pageNumbers: { start: 1 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONTS.fallback), size: 28 })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
}

export const renderReviewPackDocx = (pack: ReviewPack): Promise<Buffer> => Packer.toBuffer(buildReviewPackDocument(pack));
