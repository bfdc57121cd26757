import { NoticeParseError, parseNotice, type ParsedMeasure, type ParsedNotice } from './index';
import { JIANGMEN_COUNTIES } from './__fixtures__/jiangmen';

/** Small notices for each way of writing that issue 10 lists. */
const parse = (...lines: string[]): ParsedNotice => parseNotice(lines.join('\n'), { counties: JIANGMEN_COUNTIES });
const measuresOf = (n: ParsedNotice): ParsedMeasure[] => n.sections.flatMap((s) => s.measures);
const unitsOf = (m: ParsedMeasure): string[] => m.responsibilities.map((r) => `${r.agencyName}:${r.role}`);
const goals = (m: ParsedMeasure) => m.targets.map((t) => [t.targetValue, t.unit, t.direction, t.year]);
const COUNTIES_CO = JIANGMEN_COUNTIES.map((c) => `${c.name}:CO`);

describe('notices as they are written', () => {
  it('reads a simplified notice whose clause closes the paragraph in full-width parentheses', () => {
    const n = parse(
      '江门市人民政府办公室关于促进就业的通知',
      '江府办〔2025〕3号',
      '一、扩大就业',
      '　　（一）支持高校毕业生就业。全年募集见习岗位不少于3000个。（市教育局牵头，市财政局及各县（市、区）人民政府按职责分工负责）',
      '2025年3月12日',
    );
    expect(n.docNumber).toBe('江府办〔2025〕3号');
    expect(n.title).toBe('江门市人民政府办公室关于促进就业的通知');
    expect(n.issuedOn).toBe('2025-03-12');
    const [m] = measuresOf(n);
    expect(m.body).toBe('支持高校毕业生就业。全年募集见习岗位不少于3000个。');
    expect(unitsOf(m)).toEqual(['市教育局:LEAD', '市财政局:CO', ...COUNTIES_CO]);
    expect(m.responsibilityText).toBe('市教育局牵头，市财政局及各县（市、区）人民政府按职责分工负责');
    expect(m.responsibilities[2]).toMatchObject({ words: '各县（市、区）人民政府', roleWords: '按职责分工负责' });
    expect(m.responsibilities[0]).toMatchObject({ words: '市教育局', roleWords: '牵头' });
    expect(n.warnings).toEqual([]);
  });

  it('numbers measures 1. / 1、 / （1） under sections, restarting per section, and keeps 一是…二是 inside', () => {
    for (const [a, b] of [
      ['1.', '1.'],
      ['1、', '2、'],
      ['（1）', '（1）'],
    ]) {
      const n = parse(
        '江府办〔2025〕3号',
        '关于促进就业的通知',
        '一、扩大就业',
        `${a}稳定岗位。一是落实补贴；二是开展招聘。`,
        '责任单位：市人社局',
        '二、优化服务',
        `${b}提升服务。做好就业服务。`,
        '牵头单位：市人社局；责任单位：市财政局、市教育局',
      );
      const [m1, m2] = measuresOf(n);
      expect(measuresOf(n).map((m) => [m.seq, m.title])).toEqual([
        [1, '稳定岗位'],
        [2, '提升服务'],
      ]);
      expect(m1.body).toContain('一是落实补贴；二是开展招聘。');
      expect(unitsOf(m1)).toEqual(['市人社局:CO']);
      expect(unitsOf(m2)).toEqual(['市人社局:LEAD', '市财政局:CO', '市教育局:CO']);
      expect(m2.responsibilities[0].roleWords).toBe('牵头单位');
    }
  });

  it('reads articles (第一条) without sections, and a label clause closing the paragraph', () => {
    const n = parse(
      '江门市支持创业若干措施',
      '',
      '第一条 支持创业孵化。全市新增孵化基地不少于5家。牵头单位：市人社局；责任单位：市财政局',
      '第二条 优化担保贷款。个人贷款额度最高不超过30万元，贴息比例不低于50%，资金规模达到500万元。责任单位：人民银行江门市分行',
    );
    const [m1, m2] = measuresOf(n);
    expect(n.sections).toHaveLength(1);
    expect(m1.body).toBe('支持创业孵化。全市新增孵化基地不少于5家。');
    expect(unitsOf(m1)).toEqual(['市人社局:LEAD', '市财政局:CO']);
    expect(goals(m1)).toEqual([[5, '家', 'AT_LEAST', new Date().getFullYear()]]);
    expect(m2.targets).toEqual([]);
    expect(n.docNumber).toBeNull();
    expect(n.issuedOn).toBeNull();
    expect(n.warnings.map((w) => w.kind)).toEqual(['NO_DOC_NUMBER', 'NO_DATE']);
  });

  it('skips a 总体要求 part without tasks, reads a doc number below the title and warns of a measure without units', () => {
    const n = parse(
      '江门市稳就业工作方案',
      '江人社发〔2025〕12号',
      '一、总体要求',
      '　　坚持就业优先，到2025年城镇新增就业2万人以上。',
      '二、工作目标',
      '（一）指导思想。坚持稳中求进。',
      '（二）主要目标。全年新增就业1万人以上。',
      '三、重点任务',
      '（一）稳定岗位。落实稳岗政策。',
      '（二）优化服务。办结时间压缩至5个工作日。',
    );
    expect(n.docNumber).toBe('江人社发〔2025〕12号');
    expect(n.title).toBe('江门市稳就业工作方案');
    const all = measuresOf(n);
    expect(all.map((m) => [m.seq, m.title, m.line])).toEqual([
      [1, '稳定岗位', 9],
      [2, '优化服务', 10],
    ]);
    expect(goals(all[1])).toEqual([[5, '工作日', 'AT_MOST', 2025]]);
    expect(n.warnings.filter((w) => w.kind === 'NO_UNITS').map((w) => w.line)).toEqual([9, 10]);
  });

  it('applies the notice’s own convention: the first unit of a clause without 牵头 leads', () => {
    const n = parse(
      '江就领〔2026〕1号',
      '关于印发就业工作要点的通知',
      '（注：排在第一位的为牵头单位）',
      '一、稳定岗位',
      '（一）落实政策。对离校未就业高校毕业生，确保帮扶就业率达到90%以上。（市人社局、市财政局、各县（市、区）政府）',
      '（二）培育企业。力争新增就业友好型企业100家。（市工业和信息化局牵头，市人社局配合）',
    );
    const [m1, m2] = measuresOf(n);
    expect(unitsOf(m1)).toEqual(['市人社局:LEAD', '市财政局:CO', ...COUNTIES_CO]);
    expect(m1.responsibilities[0].roleWords).toBe('排在第一位的为牵头单位');
    expect(m1.responsibilities[1].roleWords).toBe('');
    expect(goals(m1)).toEqual([[90, '%', 'AT_LEAST', 2026]]);
    expect(unitsOf(m2)).toEqual(['市工业和信息化局:LEAD', '市人社局:CO']);
    expect(m2.responsibilities[1].roleWords).toBe('配合');
    expect(goals(m2)).toEqual([[100, '家', 'AT_LEAST', 2026]]);
  });

  it('joins lines a PDF copy wrapped mid-sentence, clause included', () => {
    const n = parse(
      '江府办〔2025〕3号',
      '关于促进就业的通知',
      '一、扩大就业',
      '（一）支持就业。全年募集见习岗位',
      '不少于3000个。（市人社局牵头，市财政局及各县（市、',
      '区）人民政府按职责分工负责）',
      '各地要抓好落实。',
    );
    const [m] = measuresOf(n);
    expect(m.body).toBe('支持就业。全年募集见习岗位不少于3000个。');
    expect(m.responsibilities).toHaveLength(9);
    expect(m.responsibilities[2].words).toBe('各县（市、\n区）人民政府');
    const span = m.targets[0].span;
    expect(span && n.sourceText.slice(span.start, span.end)).toBe('不少于3000个');
  });

  it('refuses text that is no notice, with a line', () => {
    for (const text of ['', '请各单位认真贯彻落实。\n谢谢。']) {
      expect(() => parseNotice(text, { counties: JIANGMEN_COUNTIES })).toThrow(NoticeParseError);
    }
  });
});
