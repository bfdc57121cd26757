import { parseNotice, type ParsedMeasure, type ParsedNotice } from './index';
import { JIANGMEN_COUNTIES } from './__fixtures__/jiangmen';

/**
 * Small notices for the layouts the second held-out round (17-20) showed, written apart from them:
 * the responsibility at the START of a measure (bracketed labels under a heading, `X负责：` opening
 * the body), 一、 items as the measures, web-page copies, numbered points setting conditions.
 */
const parse = (...lines: string[]): ParsedNotice => parseNotice(lines.join('\n'), { counties: JIANGMEN_COUNTIES });
const measuresOf = (n: ParsedNotice): ParsedMeasure[] => n.sections.flatMap((s) => s.measures);
const unitsOf = (m: ParsedMeasure): string[] => m.responsibilities.map((r) => `${r.agencyName}:${r.role}`);
const goals = (m: ParsedMeasure) => m.targets.map((t) => [t.targetValue, t.unit, t.direction, t.year]);
const COUNTIES = (role: string): string[] => JIANGMEN_COUNTIES.map((c) => `${c.name}:${role}`);

describe('a responsibility opening the measure', () => {
  it('reads 【牵头单位】…【配合单位】… on the line under a heading, the body below it', () => {
    const n = parse(
      '江门市人力资源和社会保障局关于做好培训工作的通知',
      '江人社发〔2025〕7号',
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
      '关于促进就业的通知',
      '江人社发〔2025〕8号',
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

  it('reads 一、…十、 items as the measures when none holds a numbered measure, the clause ending in ：', () => {
    const n = parse(
      '江门市支持创业若干措施',
      '江府〔2025〕5号',
      '　　为支持创业，力争全年新增创业主体1万户以上，制定以下措施。',
      '　　一、降低创业门槛。市市场监管局、市人社局负责：推行“一网通办”，开办企业时间压缩至1个工作日以内。',
      '　　二、加大贷款支持。市人社局牵头，市财政局、人民银行江门市分行负责：全年发放创业担保贷款扶持创业3000人以上。',
      '　　三、建设孵化载体。市科技局、市人社局牵头，市财政局配合：全年新认定孵化基地不少于5个；到2027年，累计孵化企业达到600家。',
      '　　四、开展创业服务。各县（市、区）人民政府负责：全年举办创业活动不少于40场。',
      '　　五、营造创业氛围。加强宣传，全年宣传报道不少于100次。',
      '　　六、工作要求。各地要负责：加强组织领导。',
      '江门市人民政府',
      '2025年5月6日',
    );
    const ms = measuresOf(n);
    expect(ms.map((m) => m.title)).toEqual(['降低创业门槛', '加大贷款支持', '建设孵化载体', '开展创业服务', '营造创业氛围']);
    expect(unitsOf(ms[0])).toEqual(['市市场监管局:CO', '市人社局:CO']);
    expect(ms[0].responsibilities[0]).toMatchObject({ roleWords: '负责' });
    expect(goals(ms[0])).toEqual([[1, '工作日', 'AT_MOST', 2025]]);
    expect(unitsOf(ms[1])).toEqual(['市人社局:LEAD', '市财政局:CO', '人民银行江门市分行:CO']);
    expect(unitsOf(ms[2])).toEqual(['市科技局:LEAD', '市人社局:LEAD', '市财政局:CO']);
    // A year named after a `；` does not reach back over it.
    expect(goals(ms[2])).toEqual([
      [5, '個', 'AT_LEAST', 2025],
      [600, '家', 'AT_LEAST', 2027],
    ]);
    expect(unitsOf(ms[3])).toEqual(COUNTIES('CO'));
    expect(unitsOf(ms[4])).toEqual([]);
    expect(n.warnings).toContainEqual(expect.objectContaining({ kind: 'NO_UNITS', line: 8 }));
    const span = ms[1].responsibilitySpan;
    expect(span && n.sourceText.slice(span.start, span.end)).toBe('市人社局牵头，市财政局、人民银行江门市分行负责');
    // The body keeps the title sentence and the text after the colon.
    expect(ms[1].body).toBe('加大贷款支持。全年发放创业担保贷款扶持创业3000人以上。');
  });

  it('takes no clause from a sentence that only ends in 负责：', () => {
    const n = parse(
      '关于做好就业工作的通知',
      '一、任务',
      '（一）做好服务。各地要负责：全年举办招聘会不少于10场。（市人社局负责）',
      '2025年1月2日',
    );
    expect(unitsOf(measuresOf(n)[0])).toEqual(['市人社局:CO']);
  });
});

describe('a notice copied from a web page, and points inside a measure', () => {
  it('skips the breadcrumb, the 来源/发布时间 line and the page buttons', () => {
    const nbsp = '\u00a0';
    const n = parse(
      '首页 > 政务公开 > 通知公告',
      '江门市人力资源和社会保障局关于开展招聘月活动的通知',
      `来源：江门市人力资源和社会保障局${nbsp}${nbsp}发布时间：2025-02-10${nbsp}09:30${nbsp}${nbsp}【字体：大${nbsp}中${nbsp}小】`,
      nbsp,
      '江人社函〔2025〕12号',
      '一、活动安排',
      `${nbsp.repeat(4)}（一）举办招聘会。全年举办招聘会不少于２０场。（市人社局负责）`,
      '二、工作要求',
      `${nbsp.repeat(4)}各县（市、区）人民政府要加强组织。`,
      '江门市人力资源和社会保障局',
      '２０２５年２月８日',
      nbsp,
      `【打印本页】${nbsp}${nbsp}【关闭窗口】`,
    );
    expect(n.title).toBe('江门市人力资源和社会保障局关于开展招聘月活动的通知');
    expect(n.docNumber).toBe('江人社函〔2025〕12号');
    expect(n.issuedOn).toBe('2025-02-08');
    expect(measuresOf(n).map((m) => m.title)).toEqual(['举办招聘会']);
    expect(goals(measuresOf(n)[0])).toEqual([[20, '場', 'AT_LEAST', 2025]]);
  });

  it('reads a numbered point opening with 对 as a condition, not a goal', () => {
    const n = parse(
      '关于加强就业监测的通知',
      '一、任务',
      '（一）加强监测',
      '　　1.监测点保持在200个以上。',
      '　　2.对一次性裁员30人以上或裁员比例10%以上的企业，实行报告制度。',
      '　　责任单位：市人社局',
      '2025年1月2日',
    );
    expect(goals(measuresOf(n)[0])).toEqual([[200, '個', 'AT_LEAST', 2025]]);
  });
});
