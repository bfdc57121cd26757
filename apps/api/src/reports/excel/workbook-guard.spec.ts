import { buildZip, documentParts, ROW, workbookParts, ZipPart } from '../../../test/support/zip-builder';
import { ReportError } from '../report.errors';
import { MAX_TEMPLATE_ROWS, TemplateData, templateRows, writeReportTemplate } from './report-workbook';
import { checkImportedWorkbook, MAX_IMPORT_MARKUP, reportWorkbookBounds, rowCounter, WorkbookBounds } from './workbook-guard';

const refusal = async (file: Buffer, bounds?: WorkbookBounds) => {
  try {
    await checkImportedWorkbook(file, bounds);
    return 'accepted';
  } catch (error) {
    if (error instanceof ReportError) return `${error.code} ${error.message}`;
    throw error;
  }
};
/** A template of two policies with `figures` figure rows. */
const templateOf = (figures: number): TemplateData => ({
  scope: { quarter: '2024Q3' },
  agencyName: '市人力資源社會保障局',
  periodLabel: '2024Q3',
  agencyId: 'a',
  policies: ['江就辦〔2024〕1號', '江就辦〔2024〕2號'].map((docNumber, i) => ({
    policyId: `p${i}`,
    docNumber,
    policyTitle: '政策',
    periodId: `q${i}`,
    dueOn: '2024-10-10',
  })),
  measures: [...Array(100).keys()].map((seq) => ({
    docNumber: `江就辦〔2024〕${(seq % 2) + 1}號`,
    seq,
    title: '措施'.repeat(20),
    progress: '进展'.repeat(500),
    problems: '',
    nextSteps: '',
    unitStatus: null,
    editable: true,
  })),
  figures: [...Array(figures).keys()].map((i) => ({
    docNumber: '江就辦〔2024〕1號',
    measureSeq: i % 100,
    targetId: `t${i}`,
    countyId: 'c',
    targetName: `指标${i}`,
    unit: '人',
    countyName: '开平市',
    regionCode: '440783',
    value: i,
    previous: null,
  })),
});
const sheet = (n: number, rows: number): ZipPart => ({
  name: `xl/worksheets/sheet${n}.xml`,
  data: `<worksheet><sheetData>${ROW.repeat(rows)}</sheetData></worksheet>`,
});

describe('checking an uploaded template before ExcelJS reads it', () => {
  it('lets a full-sized template through', async () => {
    expect(await refusal(await writeReportTemplate(templateOf(MAX_TEMPLATE_ROWS - 1)))).toBe('accepted');
  });

  it('bounds an upload that names its quarter by that quarter’s template, however many policies it spans', async () => {
    const large = templateOf(3 * MAX_TEMPLATE_ROWS); // a unit under many notices
    const file = await writeReportTemplate(large);
    expect(await refusal(file)).toMatch(/工作表行数过多/);
    expect(await refusal(file, reportWorkbookBounds(templateRows(large)))).toBe('accepted');
    // A small unit's quarter: tighter than the fixed bounds.
    expect(reportWorkbookBounds(templateRows(templateOf(30))).maxRows).toBeLessThan(MAX_TEMPLATE_ROWS);
    expect(await refusal(buildZip([...workbookParts(), sheet(1, 300)]), reportWorkbookBounds(templateRows(templateOf(30))))).toMatch(
      /工作表行数过多/,
    );
  });

  it('counts rows across the chunks they arrive in', () => {
    const count = rowCounter(10);
    expect(count(Buffer.from('<sheetData><row r="1"/><ro'))).toBe(1);
    expect(count(Buffer.from('w r="2"><c/></row><x:row>'))).toBe(3);
    expect(count(Buffer.from('<rows/><row'))).toBe(3);
    expect(count(Buffer.from('>'))).toBe(4);
    expect(() => count(Buffer.from(ROW.repeat(7)))).toThrow('行数过多');
  });

  it('refuses what cannot be a template, saying why', async () => {
    expect(await refusal(buildZip([...workbookParts(), sheet(1, MAX_TEMPLATE_ROWS + 1)]))).toMatch(
      /^BAD_USER_INPUT 无法导入该文件：工作表行数过多/,
    );
    expect(await refusal(buildZip([...workbookParts(), ...[1, 2, 3, 4, 5, 6, 7].map((n) => sheet(n, 1))]))).toMatch(
      /工作表过多\(7 个,填报表只有 4 个\)/,
    );
    expect(await refusal(buildZip(documentParts()))).toMatch(/这不是 Excel 工作簿/);
    expect(await refusal(Buffer.from('%PDF-1.7 not a workbook'))).toMatch(/这不是 \.xlsx 文件/);
    const strings = {
      name: 'xl/sharedStrings.xml',
      store: true,
      data: `<sst>${'<si><t>a</t></si>'.repeat(MAX_IMPORT_MARKUP / 4 + 1)}</sst>`,
    };
    expect(await refusal(buildZip([...workbookParts(), strings]))).toMatch(/表格内容过多/);
  });
});
