import ExcelJS from 'exceljs';
import type { Rating } from '@luoshi/domain';
import { CHANGE_LABEL, ITEM_STATUS_LABEL, RATING_LABEL, ReviewPack } from './review-pack.data';

/** The sheets, in order; the tests and the web name them by these titles. */
export const SHEETS = {
  overview: '概况',
  targets: '指标完成',
  counties: '分县完成',
  measures: '措施评级',
  ranking: '县区排名',
  reporting: '报送情况',
  items: '督办事项',
} as const;

const RATING_FILL: Record<Rating, string> = { GREEN: 'FFC6EFCE', YELLOW: 'FFFFEB9C', RED: 'FFFFC7CE' };
const PERCENT = '0.0%';

type Column = { header: string; width: number; numFmt?: string };

/**
 * One sheet: bold header row frozen in place, set widths, wrapped text. Values go in as given, so
 * figures stay numbers (percentages as fractions with a % format) and a reader can sum them.
 */
function sheet(book: ExcelJS.Workbook, name: string, columns: Column[], rows: (string | number | null)[][]): ExcelJS.Worksheet {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }));
  for (const r of rows) ws.addRow(r).alignment = { vertical: 'top', wrapText: true };
  return ws;
}

/** Shades the rating cells of the given columns (1-based) the colour they name. */
function shadeRatings(ws: ExcelJS.Worksheet, columns: number[]) {
  const ofLabel = new Map(Object.entries(RATING_LABEL).map(([k, v]) => [v, k as Rating]));
  ws.eachRow((row, n) => {
    if (n === 1) return;
    for (const c of columns) {
      const cell = row.getCell(c);
      const rating = ofLabel.get(String(cell.value));
      if (rating) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: RATING_FILL[rating] } };
    }
  });
}

export async function renderReviewPackXlsx(pack: ReviewPack): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = pack.issuer;
  book.title = pack.title;

  const s = pack.summary;
  sheet(
    book,
    SHEETS.overview,
    [
      { header: '项目', width: 18 },
      { header: '内容', width: 70 },
    ],
    [
      ['标题', pack.title],
      ['政策文件', `${pack.docNumber} ${pack.policyTitle}`],
      ['督查期', `${pack.periodName}（${pack.periodLabel}）`],
      [
        '报送截止日',
        pack.extensions.length ? `${pack.dueOn}（${pack.extensions.map((x) => `${x.unit}延期至${x.dueOn}`).join('；')}）` : pack.dueOn,
      ],
      ['状态', pack.status === 'FINAL' ? '已定稿' : '未定稿'],
      ['生成日期', pack.generatedOn],
      ['绿色措施', s.green],
      ['黄色措施', s.yellow],
      ['红色措施', s.red],
      ['办公室调整评级', s.overridden],
      ['较上季度好转', s.improved],
      ['较上季度退步', s.slipped],
      ['连续两个季度红色', s.redTwoQuarters],
    ],
  );

  const targets = sheet(
    book,
    SHEETS.targets,
    [
      { header: '措施序号', width: 9 },
      { header: '指标', width: 22 },
      { header: '单位', width: 7 },
      { header: '方向', width: 8 },
      { header: '目标值', width: 11 },
      { header: '完成值', width: 11 },
      { header: '完成率', width: 10, numFmt: PERCENT },
      { header: '时序进度', width: 10, numFmt: PERCENT },
      { header: '评级', width: 7 },
    ],
    pack.targets.map((t) => [
      t.measureSeq,
      t.name,
      t.unit,
      t.direction === 'AT_LEAST' ? '不少于' : '不超过',
      t.target,
      t.achieved,
      t.percent / 100,
      t.expectedShare,
      RATING_LABEL[t.rating],
    ]),
  );
  shadeRatings(targets, [9]);

  sheet(
    book,
    SHEETS.counties,
    [
      { header: '指标', width: 22 },
      { header: '县（市、区）', width: 12 },
      { header: '分解任务', width: 11 },
      { header: '完成值', width: 11 },
      { header: '完成率', width: 10, numFmt: PERCENT },
    ],
    pack.targets.flatMap((t) =>
      t.byCounty.map((c) => [t.name, c.county, c.quota, c.achieved, c.percent === null ? null : c.percent / 100]),
    ),
  );

  const measures = sheet(
    book,
    SHEETS.measures,
    [
      { header: '序号', width: 6 },
      { header: '措施', width: 28 },
      { header: '牵头单位', width: 16 },
      { header: '系统评级', width: 9 },
      { header: '办公室评级', width: 10 },
      { header: '已调整', width: 8 },
      { header: '调整理由', width: 30 },
      { header: '系统说明', width: 50 },
      { header: '上季度评级', width: 10 },
      { header: '较上季度', width: 10 },
      { header: '连续两季度红色', width: 12 },
    ],
    pack.measures.map((m) => [
      m.seq,
      m.title,
      m.leadUnit,
      RATING_LABEL[m.computedRating],
      RATING_LABEL[m.rating],
      m.overridden ? '是' : '否',
      m.reason ?? '',
      m.explanation,
      m.previousRating ? RATING_LABEL[m.previousRating] : '',
      CHANGE_LABEL[m.change],
      m.redTwoQuarters ? '是' : '否',
    ]),
  );
  shadeRatings(measures, [4, 5, 9]);

  sheet(
    book,
    SHEETS.ranking,
    [
      { header: '名次', width: 6 },
      { header: '县（市、区）', width: 12 },
      { header: '完成值', width: 11 },
      { header: '分解任务', width: 11 },
      { header: '完成率/占比', width: 12, numFmt: PERCENT },
      { header: '口径', width: 16 },
    ],
    pack.ranking.map((r) => [r.rank, r.county, r.achieved, r.quota, r.score, r.basis === 'QUOTA' ? '对照分解任务' : '占全市完成量']),
  );

  sheet(
    book,
    SHEETS.reporting,
    [
      { header: '单位', width: 20 },
      { header: '应报', width: 7 },
      { header: '按时', width: 7 },
      { header: '逾期报送', width: 9 },
      { header: '未报送', width: 8 },
      { header: '逾期报送的措施', width: 18 },
      { header: '未报送的措施', width: 18 },
      { header: '延期至', width: 12 },
    ],
    pack.reporting.map((r) => [
      r.unit,
      r.total,
      r.onTime,
      r.late,
      r.missing,
      r.lateMeasures.join('、'),
      r.missingMeasures.join('、'),
      r.extendedDueOn ?? '',
    ]),
  );

  sheet(
    book,
    SHEETS.items,
    [
      { header: '序号', width: 6 },
      { header: '责任单位', width: 16 },
      { header: '措施序号', width: 9 },
      { header: '措施', width: 24 },
      { header: '督办要求', width: 40 },
      { header: '办理期限', width: 12 },
      { header: '办理状态', width: 11 },
      { header: '答复情况', width: 40 },
    ],
    pack.items.map((i, n) => [n + 1, i.unit, i.measureSeq, i.measureTitle, i.request, i.dueOn, ITEM_STATUS_LABEL(i), i.response ?? '']),
  );

  return Buffer.from(await book.xlsx.writeBuffer());
}
