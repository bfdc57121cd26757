import { createHash } from 'crypto';
import { parseNotice, type ParsedMeasure, type ParsedNotice, type ParsedTarget } from './index';
import { JIANGMEN_COUNTIES, allCounties, bare, dept, readNotice, units } from './__fixtures__/jiangmen';

const HRSS = '市人力資源社會保障局';
const FIN = '市財政局';
const TAX = '市稅務局';
const DRC = '市發展改革局';
const PBOC = '人民銀行江門市分行';
const FINANCE = '市金融局';
const EDU = '市教育局';
const WOMEN = '市婦聯';
const YOUTH = '團市委';
const ORG = '市委組織部';
const CIVIL = '市民政局';
const HEALTH = '市衛健局';
const SASAC = '市國資委';
const DISABLED = '市殘聯';
const POLICE = '市公安局';
const TRANSPORT = '市交通運輸局';
const DATA = '市政務服務數據管理局';

const MEMBER_UNITS = [HRSS, FIN, TAX, DRC, PBOC, FINANCE, EDU, WOMEN, YOUTH, ORG, CIVIL, HEALTH, SASAC, DISABLED, POLICE, TRANSPORT, DATA];

type TargetFields = Omit<ParsedTarget, 'sourcePhrase' | 'span'>;

interface Expected {
  seq: number;
  section: number;
  title: string;
  lead: string[];
  co: string[];
  targets: TargetFields[];
}

const E: Expected[] = [
  { seq: 1, section: 1, title: '加大市場主體穩崗擴崗支持力度', lead: [HRSS], co: [FIN, TAX], targets: [] },
  { seq: 2, section: 1, title: '強化重大項目和重點企業用工支持', lead: [], co: [DRC, HRSS], targets: [] },
  {
    seq: 3,
    section: 1,
    title: '鼓勵金融機構開展就業創業金融服務',
    lead: [],
    co: [PBOC, FINANCE, FIN, HRSS],
    targets: [{ name: '創業擔保貸款公示時間', targetValue: 3, unit: '天', direction: 'AT_MOST', year: 2024 }],
  },
  { seq: 4, section: 1, title: '加強創業培訓和創業孵化', lead: [HRSS], co: [FIN], targets: [] },
  { seq: 5, section: 1, title: '發揮技能培訓促進就業效應', lead: [HRSS], co: [EDU, FIN], targets: [] },
  { seq: 6, section: 1, title: '強化多元就業形態培育', lead: [HRSS], co: [FIN, TAX, WOMEN], targets: [] },
  {
    seq: 7,
    section: 2,
    title: '鼓勵吸納青年就業',
    lead: [HRSS],
    co: [FIN, YOUTH],
    targets: [{ name: '見習崗位', targetValue: 3000, unit: '個', direction: 'AT_LEAST', year: 2024, everyYear: true }],
  },
  { seq: 8, section: 2, title: '鼓勵引導基層就業', lead: [], co: [ORG, CIVIL, FIN, HRSS, HEALTH], targets: [] },
  { seq: 9, section: 2, title: '支持國有企業擴大招聘規模', lead: [], co: [SASAC, FIN, HRSS], targets: [] },
  {
    seq: 10,
    section: 2,
    title: '穩定機關事業單位崗位規模',
    lead: [],
    co: [ORG, HRSS],
    targets: [{ name: '事業單位崗位', targetValue: 2000, unit: '個', direction: 'AT_LEAST', year: 2024 }],
  },
  {
    seq: 11,
    section: 3,
    title: '加強困難群體就業幫扶',
    lead: [],
    co: [HRSS, CIVIL, FIN, DISABLED],
    targets: [{ name: '公益性崗位', targetValue: 400, unit: '個', direction: 'AT_LEAST', year: 2024 }],
  },
  { seq: 12, section: 3, title: '保障困難群體基本生活', lead: [], co: [DRC, CIVIL, FIN, HRSS], targets: [] },
  { seq: 13, section: 4, title: '完善基層就業服務網絡', lead: [HRSS], co: [FIN], targets: [] },
  { seq: 14, section: 4, title: '提升就業服務信息化水平', lead: [HRSS], co: [POLICE, TRANSPORT, DATA], targets: [] },
  { seq: 15, section: 4, title: '加強就業工作合力', lead: [], co: MEMBER_UNITS, targets: [] },
];

function measures(notice: ParsedNotice): ParsedMeasure[] {
  return notice.sections.flatMap((s) => s.measures);
}

function withoutPhrase(targets: ParsedTarget[]): TargetFields[] {
  return targets.map(({ sourcePhrase: _phrase, span: _span, ...rest }) => rest);
}

describe('江就辦〔2024〕1號 (the Jiangmen notice as published)', () => {
  const text = readNotice();
  const notice = parseNotice(text, { counties: JIANGMEN_COUNTIES });
  const all = measures(notice);

  it('is the unchanged copy of the published file', () => {
    expect(createHash('sha256').update(text, 'utf8').digest('hex')).toBe(
      '9eb3f7adc0e856f3b559619d6d337a9fa8c88e4cf4f82e3fcc158aba5c3551c2',
    );
    expect(notice.sourceText).toBe(text);
  });

  it('reads the header', () => {
    expect(notice.docNumber).toBe('江就辦〔2024〕1號');
    expect(notice.title).toBe('江門市關于貫徹落實穩就業政策措施全力促發展惠民生的通知');
    expect(notice.issuer).toBe('江門市就業工作領導小組辦公室');
    expect(notice.issuedOn).toBe('2024-07-26');
    expect(notice.addressee).toBe('市就業工作領導小組成員單位');
  });

  it('finds the four sections with their titles', () => {
    expect(notice.sections.map((s) => [s.seq, s.title])).toEqual([
      [1, '激發活力擴大就業容量'],
      [2, '拓寬渠道促進青年就業'],
      [3, '強化幫扶兜牢民生底線'],
      [4, '夯實基礎提升服務效能'],
    ]);
  });

  it('finds fifteen measures numbered 1..15 across sections, each in its section', () => {
    expect(all.map((m) => m.seq)).toEqual(E.map((e) => e.seq));
    const placed = notice.sections.flatMap((s) => s.measures.map((m) => [s.seq, m.seq]));
    expect(placed).toEqual(E.map((e) => [e.section, e.seq]));
    expect(all.map((m) => m.title)).toEqual(E.map((e) => e.title));
  });

  it.each(E)('measure $seq: units with roles', (e) => {
    const m = all[e.seq - 1];
    expect(bare(m.responsibilities)).toEqual(units(e.lead, e.co));
  });

  it.each(E)('measure $seq: targets', (e) => {
    expect(withoutPhrase(all[e.seq - 1].targets)).toEqual(e.targets);
  });

  it('puts the seven counties as CO on every measure', () => {
    for (const m of all) {
      expect(bare(m.responsibilities.filter((r) => r.kind === 'COUNTY'))).toEqual(allCounties('CO'));
    }
  });

  it('has 市人力資源社會保障局 leading exactly measures 1, 4, 5, 6, 7, 13 and 14', () => {
    const led = all.filter((m) => m.responsibilities.some((r) => r.role === 'LEAD')).map((m) => m.seq);
    expect(led).toEqual([1, 4, 5, 6, 7, 13, 14]);
    for (const seq of led) {
      expect(bare(all[seq - 1].responsibilities.filter((r) => r.role === 'LEAD'))).toEqual([dept(HRSS, 'LEAD')]);
    }
  });

  it('expands 市就業工作領導小組成員單位 in measure 15 to the 17 departments the brackets name', () => {
    expect(notice.memberUnits).toEqual(MEMBER_UNITS);
    expect(all[14].responsibilities).toHaveLength(24);
    expect(all[14].responsibilityText).toBe('市就業工作領導小組成員單位及各縣(市、區)政府按職責分工負責');
  });

  it('keeps bodies and bracket text as written', () => {
    expect(all[0].body).toBe(
      '加大市場主體穩崗擴崗支持力度。按規定延續實施階段性降低失業保險費率政策。鼓勵吸納就業能力強的行業企業擴大崗位供給,提高惠企政策覆蓋面和可及性,將企業可享受的就業補貼政策,同等適用于符合條件的以單位形式參保的個體工商戶。',
    );
    expect(all[0].responsibilityText).toBe('市人力資源社會保障局牽頭,市財政局、市稅務局及各縣(市、區)政府按職責分工負責');
    expect(all[2].targets[0].sourcePhrase).toBe('將創業擔保貸款公示時間縮短為3天');
    expect(all[6].targets[0].sourcePhrase).toBe('每年募集見習崗位不少于3000個');
    expect(all[10].targets[0].sourcePhrase).toBe('全市開發儲備400個以上公益性崗位');
  });

  it('leaves the closing paragraph and the web-page footer out of the last measure', () => {
    expect(all[14].body.endsWith('高質量促進人力資源服務業健康發展。')).toBe(true);
    for (const m of all) {
      expect(m.body).not.toMatch(/江門市政府門戶網站|粵公網安備|各縣\(市、區\)要按照本通知精神/);
      expect(m.body).not.toContain('\n');
    }
  });

  it('names measure 10 from the text alone as 工作崗位 when the reviewed names are switched off', () => {
    const raw = parseNotice(text, { counties: JIANGMEN_COUNTIES, targetNames: [] });
    expect(withoutPhrase(measures(raw)[9].targets)).toEqual([
      { name: '工作崗位', targetValue: 2000, unit: '個', direction: 'AT_LEAST', year: 2024 },
    ]);
    expect(measures(raw)[6].targets[0].name).toBe('見習崗位');
  });

  it('parses the same notice saved with CRLF line ends', () => {
    const crlf = parseNotice(text.replace(/\n/g, '\r\n'), { counties: JIANGMEN_COUNTIES });
    expect(crlf).toEqual(notice);
  });
});
