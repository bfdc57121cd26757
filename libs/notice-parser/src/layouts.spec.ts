import { parseNotice, type ParsedMeasure, type ParsedNotice } from './index';
import { JIANGMEN_COUNTIES } from './__fixtures__/jiangmen';

/** Small notices for the layouts the held-out corpus notices (13-16) showed, written apart from them. */
const parse = (...lines: string[]): ParsedNotice => parseNotice(lines.join('\n'), { counties: JIANGMEN_COUNTIES });
const measuresOf = (n: ParsedNotice): ParsedMeasure[] => n.sections.flatMap((s) => s.measures);
const unitsOf = (m: ParsedMeasure): string[] => m.responsibilities.map((r) => `${r.agencyName}:${r.role}`);
const goals = (m: ParsedMeasure) => m.targets.map((t) => [t.targetValue, t.unit, t.direction, t.year]);
const COUNTIES = (role: string): string[] => JIANGMEN_COUNTIES.map((c) => `${c.name}:${role}`);

describe('layouts of the held-out notices', () => {
  it('drops 完成时限/完成时间/时间进度 clauses from a responsibility bracket', () => {
    const n = parse(
      '关于做好稳岗工作的通知',
      '江府办〔2025〕9号',
      '一、工作措施',
      '（一）发放补贴。年内发放补贴惠及企业不少于200家。（责任单位：市人社局、市财政局；完成时限：2025年9月30日前）',
      '（二）开展招聘。（牵头单位：市人社局；责任单位：市总工会；完成时间：长期坚持）',
      '（三）监测形势。（市人社局牵头，市统计局配合；时间进度：每月15日前）',
      '2025年8月1日',
    );
    const [a, b, c] = measuresOf(n);
    expect(unitsOf(a)).toEqual(['市人社局:CO', '市财政局:CO']);
    expect(unitsOf(b)).toEqual(['市人社局:LEAD', '市总工会:CO']);
    expect(unitsOf(c)).toEqual(['市人社局:LEAD', '市统计局:CO']);
    expect(goals(a)).toEqual([[200, '家', 'AT_LEAST', 2025]]);
  });

  it('reads 至少 before its verb as a goal', () => {
    const n = parse(
      '关于建设零工市场的通知',
      '一、任务',
      '（一）建设市场。各县（市、区）至少建成1个零工市场。（市人社局负责）',
      '2025年1月2日',
    );
    expect(goals(measuresOf(n)[0])).toEqual([[1, '個', 'AT_LEAST', 2025]]);
  });

  it('reads 牵头单位: and 责任单位: on separate lines, keeping 各镇(街道) and named towns as written', () => {
    const n = parse(
      '台山市人民政府办公室关于促进就业的通知',
      '台府办〔2025〕19号',
      '一、拓宽渠道',
      '    1.发展就业工厂。新认定就业工厂不少于12家。',
      '    牵头单位:市人力资源社会保障局',
      '    责任单位:各镇(街道),市农业农村局',
      '',
      '    2.举办招聘。全年举办招聘会不少于50场。',
      '    牵头单位:市人力资源社会保障局,市总工会',
      '    责任单位:台城街道,大江镇',
      '',
      '二、保障措施',
      '    各镇(街道)要落实属地责任。',
      '2025年4月3日',
    );
    const [a, b] = measuresOf(n);
    expect(measuresOf(n)).toHaveLength(2);
    expect(unitsOf(a)).toEqual(['市人力资源社会保障局:LEAD', '各镇(街道):CO', '市农业农村局:CO']);
    expect(a.responsibilities[1]).toMatchObject({ words: '各镇(街道)', roleWords: '责任单位', kind: 'DEPARTMENT' });
    expect(unitsOf(b)).toEqual(['市人力资源社会保障局:LEAD', '市总工会:LEAD', '台城街道:CO', '大江镇:CO']);
    expect(goals(b)).toEqual([[50, '場', 'AT_LEAST', 2025]]);
  });

  it('takes the header from a website metadata block', () => {
    const n = parse(
      '索 引 号：11440700MB2D01234X/2025-00086',
      '发文字号：江就业办〔2025〕6号',
      '成文日期：2025-06-18',
      '标　　题：江门市就业工作领导小组办公室关于印发攻坚行动方案的通知',
      '',
      '一、攻坚任务',
      '（一）挖掘岗位。全年走访企业不少于1000家。（市人社局、市工商联负责）',
    );
    expect(n.docNumber).toBe('江就业办〔2025〕6号');
    expect(n.issuedOn).toBe('2025-06-18');
    expect(n.title).toBe('江门市就业工作领导小组办公室关于印发攻坚行动方案的通知');
    expect(n.warnings).toEqual([]);
  });

  it('applies a convention stated inside a bracket to that bracket and the rest only, and reads no unit in its words', () => {
    const n = parse(
      '关于开展青年就业攻坚行动的通知',
      '江就业办〔2025〕6号',
      '一、攻坚任务',
      '（一）稳定岗位。（市人社局、市国资委负责）',
      '（二）挖掘岗位。（市人社局、市工业和信息化局、市工商联负责，列第一位者为牵头单位，下同）',
      '（三）支持创业。（各县（市、区）政府、市人社局负责）',
      '2025年6月18日',
    );
    const [a, b, c] = measuresOf(n);
    expect(unitsOf(a)).toEqual(['市人社局:CO', '市国资委:CO']);
    expect(unitsOf(b)).toEqual(['市人社局:LEAD', '市工业和信息化局:CO', '市工商联:CO']);
    expect(b.responsibilities[0].roleWords).toBe('列第一位者为牵头单位');
    expect(unitsOf(c)).toEqual([...COUNTIES('LEAD'), '市人社局:CO']);
  });

  it('reads a 任务分工表 pasted with tabs: a measure per row, LEAD/CO by column, no deadline, — for none', () => {
    const n = parse(
      '关于印发重点任务分工表的通知',
      '江人社函〔2025〕88号',
      '2025年5月9日',
      '',
      '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
      '一、提升服务',
      '1\t推行免申即享。补贴事项不少于8项。\t市人社局\t市财政局、市政务服务数据管理局\t2025年9月底前',
      '2\t建设服务圈。全市建成站点不少于150个。\t各县（市、区）人民政府\t市人社局\t长期坚持',
      '二、加强保障',
      '3\t落实经费。市级安排经费不少于1200万元。\t市财政局\t—\t2025年6月30日前',
      '',
      '注：配合单位排名不分先后。',
    );
    expect(n.sections.map((s) => s.title)).toEqual(['提升服务', '加强保障']);
    const [a, b, c] = measuresOf(n);
    expect(measuresOf(n).map((m) => [m.seq, m.title, m.line])).toEqual([
      [1, '推行免申即享', 7],
      [2, '建设服务圈', 8],
      [3, '落实经费', 10],
    ]);
    expect(unitsOf(a)).toEqual(['市人社局:LEAD', '市财政局:CO', '市政务服务数据管理局:CO']);
    expect(a.responsibilities[0]).toMatchObject({ words: '市人社局', roleWords: '牵头单位' });
    expect(unitsOf(b)).toEqual([...COUNTIES('LEAD'), '市人社局:CO']);
    expect(unitsOf(c)).toEqual(['市财政局:LEAD']);
    expect(goals(a)).toEqual([[8, '項', 'AT_LEAST', 2025]]);
    expect(goals(c)).toEqual([]);
    const span = a.responsibilitySpan;
    expect(span && n.sourceText.slice(span.start, span.end)).toBe('市人社局');
    expect(n.sourceText.slice(a.targets[0].span?.start, a.targets[0].span?.end)).toBe('不少于8项');
  });

  it('reads a table whose columns stand apart by spaces, with a 责任单位 column and the notice convention', () => {
    const n = parse(
      '关于印发任务分工的通知',
      '江府办函〔2025〕7号',
      '注：排在第一位的为牵头单位。',
      '序号    工作任务    责任单位    完成时间',
      '1    开展招聘。全年举办招聘会不少于20场。    市人社局、市总工会    2025年底',
      '2    监测形势。    市人社局、市统计局    每月',
    );
    const [a, b] = measuresOf(n);
    expect(unitsOf(a)).toEqual(['市人社局:LEAD', '市总工会:CO']);
    expect(unitsOf(b)).toEqual(['市人社局:LEAD', '市统计局:CO']);
    expect(goals(a)).toEqual([[20, '場', 'AT_LEAST', 2025]]);
  });
});
