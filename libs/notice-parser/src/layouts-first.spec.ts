import { parseNotice, type ParsedMeasure, type ParsedNotice } from './index';
import { JIANGMEN_COUNTIES } from './__fixtures__/jiangmen';

/**
 * Small notices for the layouts the second held-out round (17-20) showed, written apart from them:
 * the responsibility at the START of a measure, before its body.
 */
const parse = (...lines: string[]): ParsedNotice => parseNotice(lines.join('\n'), { counties: JIANGMEN_COUNTIES });
const measuresOf = (n: ParsedNotice): ParsedMeasure[] => n.sections.flatMap((s) => s.measures);
const unitsOf = (m: ParsedMeasure): string[] => m.responsibilities.map((r) => `${r.agencyName}:${r.role}`);
const goals = (m: ParsedMeasure) => m.targets.map((t) => [t.targetValue, t.unit, t.direction, t.year]);
const COUNTIES = (role: string): string[] => JIANGMEN_COUNTIES.map((c) => `${c.name}:${role}`);

describe('a responsibility opening the measure', () => {
  it('reads 【牵头单位】…【配合单位】… on the line under a heading, the body below it', () => {
    const n = parse(
      '江门市人力资源和社会保障局关于做好培训工作的通知', '江人社发〔2025〕7号',
      '一、重点工作',
      '（一）扩大培训规模',
      '【牵头单位】市人社局　【配合单位】市教育局、市财政局',
      '　　对取得证书的人员按培训成本的60%给予补贴。',
      '　　全年开展职业技能培训不少于2万人次。',
      '',
      '（二）办好技能竞赛',
      '【牵头单位】市人社局【配合单位】市总工会',
      '　　全年举办技能竞赛不少于15场。',
      '',
      '二、工作要求',
      '　　各单位要按时报送进展。',
      '2025年3月1日',
    );
    const [a, b] = measuresOf(n);
    expect(measuresOf(n)).toHaveLength(2);
    expect(a.title).toBe('扩大培训规模');
    expect(unitsOf(a)).toEqual(['市人社局:LEAD', '市教育局:CO', '市财政局:CO']);
    expect(a.responsibilities[0]).toMatchObject({ words: '市人社局', roleWords: '牵头单位' });
    expect(a.responsibilities[1]).toMatchObject({ roleWords: '配合单位' });
    expect(goals(a)).toEqual([[20000, '人次', 'AT_LEAST', 2025]]);
    expect(unitsOf(b)).toEqual(['市人社局:LEAD', '市总工会:CO']);
    expect(goals(b)).toEqual([[15, '場', 'AT_LEAST', 2025]]);
    const span = a.responsibilitySpan;
    expect(span && n.sourceText.slice(span.start, span.end)).toBe('【牵头单位】市人社局　【配合单位】市教育局、市财政局');
  });

  it('reads the bracketed labels on two lines, and 【责任单位】 alone as CO', () => {
    const n = parse(
      '关于促进就业的通知', '江人社发〔2025〕8号',
      '一、任务',
      '（一）促进转移就业',
      '【牵头单位】市农业农村局、市人社局',
      '【配合单位】各县（市、区）人民政府',
      '　　新认定就业车间不少于30家。',
      '',
      '（二）建设服务站',
      '【责任单位】各县（市、区）人力资源社会保障局、市人社局',
      '　　全年新建服务站不少于50个。',
      '',
      '江门市人力资源和社会保障局',
      '2025年3月2日',
    );
    const [a, b] = measuresOf(n);
    expect(unitsOf(a)).toEqual(['市农业农村局:LEAD', '市人社局:LEAD', ...COUNTIES('CO')]);
    expect(goals(a)).toEqual([[30, '家', 'AT_LEAST', 2025]]);
    // The counties' own bureaus are one unit, kept as written (not the seven county governments).
    expect(unitsOf(b)).toEqual(['各县(市、区)人力资源社会保障局:CO', '市人社局:CO']);
    expect(b.responsibilities[0]).toMatchObject({ kind: 'DEPARTMENT', words: '各县（市、区）人力资源社会保障局' });
    expect(goals(b)).toEqual([[50, '個', 'AT_LEAST', 2025]]);
    // The last measure's body ends at the blank line: the signature is no part of it.
    expect(b.body).not.toContain('江门市人力资源和社会保障局');
  });
});
