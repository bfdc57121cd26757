import { parseNotice, type ParsedMeasure, type ParsedNotice } from './index';
import { matchKey } from './normalize';
import { JIANGMEN_COUNTIES, allCounties, bare, dept, units } from './__fixtures__/jiangmen';

const HEAD = [
  '江就辦〔2025〕3 號',
  '市就業工作領導小組成員單位:',
  '現將《江門市關于測試就業措施的通知》印發給你們,請認真抓好貫徹落實。',
  '江門市就業工作領導小組辦公室',
  '(代章)',
  '2025年3月1日',
  '江門市關于測試就業措施',
  '的通知',
  '現就有關事項通知如下:',
];

function notice(...body: string[]): string {
  return [...HEAD, ...body].join('\n');
}

const parse = (text: string, extra: { memberUnits?: string[] } = {}): ParsedNotice =>
  parseNotice(text, { counties: JIANGMEN_COUNTIES, ...extra });

const measuresOf = (n: ParsedNotice): ParsedMeasure[] => n.sections.flatMap((s) => s.measures);

describe('notices other than the first one', () => {
  it('reads the header of a new notice', () => {
    const n = parse(notice('一、總體要求', '(一)穩定就業。做好穩就業工作。', '[市財政局負責]'));
    expect(n.docNumber).toBe('江就辦〔2025〕3號');
    expect(n.title).toBe('江門市關于測試就業措施的通知');
    expect(n.issuedOn).toBe('2025-03-01');
    expect(n.issuer).toBe('江門市就業工作領導小組辦公室');
  });

  it('gives a measure without 牽頭 no lead unit', () => {
    const n = parse(notice('一、總體要求', '(一)穩定就業。做好穩就業工作。', '[市財政局、市稅務局及各縣(市、區)政府按職責分工負責]'));
    expect(bare(measuresOf(n)[0].responsibilities)).toEqual(units([], ['市財政局', '市稅務局']));
  });

  it('gives a measure with two lead units both the LEAD role', () => {
    const n = parse(
      notice(
        '一、總體要求',
        '(一)穩定就業。做好穩就業工作。',
        '[市人力資源社會保障局、市教育局牽頭,市財政局及各縣(市、區)政府按職責分工負責]',
      ),
    );
    expect(bare(measuresOf(n)[0].responsibilities)).toEqual(units(['市人力資源社會保障局', '市教育局'], ['市財政局']));
  });

  it('resolves a county named explicitly', () => {
    const n = parse(
      notice(
        '一、總體要求',
        '(一)建設僑鄉就業驛站。在僑鄉建設就業驛站。',
        '[台山市人民政府牽頭,市人力資源社會保障局、開平市政府按職責分工負責]',
      ),
    );
    expect(bare(measuresOf(n)[0].responsibilities)).toEqual([
      { agencyName: '台山市', kind: 'COUNTY', regionCode: '440781', role: 'LEAD' },
      dept('市人力資源社會保障局', 'CO'),
      { agencyName: '開平市', kind: 'COUNTY', regionCode: '440783', role: 'CO' },
    ]);
  });

  it('expands 成員單位 to the member units given in options', () => {
    const memberUnits = ['市人力資源社會保障局', '市工業和信息化局', '市財政局'];
    const n = parse(
      notice('一、總體要求', '(一)加強就業工作合力。統籌協調各成員單位。', '[市就業工作領導小組成員單位及各縣(市、區)政府按職責分工負責]'),
      { memberUnits },
    );
    expect(n.memberUnits).toEqual(memberUnits);
    expect(bare(measuresOf(n)[0].responsibilities)).toEqual(units([], memberUnits));
  });

  it('reads several goals in one measure, ignores its other numbers, and takes explicit years', () => {
    const n = parse(
      notice(
        '一、擴大就業',
        '(一)擴大就業見習規模。2026年募集見習崗位不少于3000個,組織招聘活動不少于50場,對畢業2年內的高校畢業生給予見習補貼,補貼期限最長12個月。全年城鎮新增就業2萬人以上。',
        '[市人力資源社會保障局牽頭,市財政局及各縣(市、區)政府按職責分工負責]',
      ),
    );
    expect(measuresOf(n)[0].targets.map(({ span: _span, ...t }) => t)).toEqual([
      {
        name: '見習崗位',
        targetValue: 3000,
        unit: '個',
        direction: 'AT_LEAST',
        year: 2026,
        sourcePhrase: '2026年募集見習崗位不少于3000個',
      },
      { name: '招聘活動', targetValue: 50, unit: '場', direction: 'AT_LEAST', year: 2026, sourcePhrase: '組織招聘活動不少于50場' },
      {
        name: '城鎮新增就業',
        targetValue: 20000,
        unit: '人',
        direction: 'AT_LEAST',
        year: 2025,
        sourcePhrase: '全年城鎮新增就業2萬人以上',
      },
    ]);
  });

  it('leaves a measure with no bracket without units, and keeps the closing text out of it', () => {
    const n = parse(
      notice(
        '一、總體要求',
        '(一)穩定就業。做好穩就業工作。',
        '[市財政局負責]',
        '(二)優化服務。提升就業服務水平。',
        '各縣(市、區)要按照本通知精神抓好落實。',
        '江門市政府門戶網站',
      ),
    );
    const [, second] = measuresOf(n);
    expect(second.responsibilityText).toBeNull();
    expect(bare(second.responsibilities)).toEqual([]);
    expect(second.body).toBe('優化服務。提升就業服務水平。');
  });

  it('joins a measure paragraph wrapped over lines and a second paragraph before its bracket', () => {
    const n = parse(notice('一、總體要求', '(一)穩定就業。做好穩就業', '工作,落實各項政策。', '鼓勵企業吸納就業。', '[市財政局負責]'));
    expect(measuresOf(n)[0].body).toBe('穩定就業。做好穩就業工作,落實各項政策。\n鼓勵企業吸納就業。');
  });

  it('takes a bracket written at the end of the measure line', () => {
    const n = parse(notice('一、總體要求', '(一)穩定就業。做好穩就業工作。[市財政局牽頭,市稅務局負責]'));
    const [m] = measuresOf(n);
    expect(m.body).toBe('穩定就業。做好穩就業工作。');
    expect(m.responsibilityText).toBe('市財政局牽頭,市稅務局負責');
    expect(bare(m.responsibilities)).toEqual([dept('市財政局', 'LEAD'), dept('市稅務局', 'CO')]);
  });

  it('reads a date written in Chinese numerals', () => {
    const text = notice('一、總體要求', '(一)穩定就業。做好穩就業工作。').replace('2025年3月1日', '二〇二五年三月一日');
    expect(parse(text).issuedOn).toBe('2025-03-01');
  });

  it('numbers measures past ten and across sections', () => {
    const body: string[] = [];
    const numerals = [
      '一',
      '二',
      '三',
      '四',
      '五',
      '六',
      '七',
      '八',
      '九',
      '十',
      '十一',
      '十二',
      '十三',
      '十四',
      '十五',
      '十六',
      '十七',
      '十八',
      '十九',
      '二十',
      '二十一',
    ];
    numerals.forEach((numeral, i) => {
      if (i % 7 === 0) body.push(`${['一', '二', '三'][i / 7]}、第${i / 7 + 1}部分`);
      body.push(`(${numeral})措施${i + 1}。內容。`, '[市財政局負責]');
    });
    const n = parse(notice(...body));
    expect(n.sections.map((s) => s.measures.map((m) => m.seq))).toEqual([
      [1, 2, 3, 4, 5, 6, 7],
      [8, 9, 10, 11, 12, 13, 14],
      [15, 16, 17, 18, 19, 20, 21],
    ]);
    expect(measuresOf(n)[20].title).toBe('措施21');
  });
});

describe('odd spacing and full-width punctuation', () => {
  const clean = notice(
    '一、激發活力擴大就業容量',
    '(一)加大市場主體穩崗擴崗支持力度。每年募集見習崗位不少于3000個,全市開發儲備400個以上公益性崗位。',
    '[市人力資源社會保障局牽頭,市財政局、市稅務局及各縣(市、區)政府按職責分工負責]',
    '(二)鼓勵金融機構開展就業創業金融服務。將創業擔保貸款公示時間縮短為3天。',
    '[人民銀行江門市分行、市金融局及各縣(市、區)政府按職責分工負責]',
  );
  const messy = [
    '\ufeff江就辦〔２０２５〕３ 號 ',
    '市就業工作領導小組成員單位：',
    '現將《江門市關于測試就業措施的通知》印發給你們，請認真抓好貫徹落實。',
    '　江門市就業工作領導小組辦公室',
    '（代章）',
    '２０２５年３月１日',
    '',
    '江門市關于測試就業措施',
    '的通知',
    '',
    '　　現就有關事項通知如下：',
    '一、 激發活力擴大就業容量',
    '　　（一）加大市場主體穩崗擴崗支持力度。每年募集見習崗位不少于　３０００個，全市開發儲備４００ 個以上公益性崗位。',
    '【市人力資源社會保障局牽頭，市財政局、 市稅務局及各縣（市、區）政府按職責分工負責】',
    '',
    '（二）鼓勵金融機構開展就業創業金融服務。將創業擔保貸款公示時間縮短為３天。',
    '［人民銀行江門市分行、市金融局及各縣(市、區)政府按職責分工負責］',
    '',
  ].join('\r\n');

  /** Fields kept as written may differ in spacing and width; everything else must be identical. */
  function comparable(n: ParsedNotice): unknown {
    return {
      ...n,
      sourceText: undefined,
      title: matchKey(n.title),
      sections: n.sections.map((s) => ({
        ...s,
        title: matchKey(s.title),
        measures: s.measures.map(({ line: _line, responsibilitySpan: _span, ...m }) => ({
          ...m,
          responsibilities: m.responsibilities.map((r) => ({ ...r, words: matchKey(r.words ?? '') })),
          title: matchKey(m.title),
          body: matchKey(m.body),
          responsibilityText: m.responsibilityText === null ? null : matchKey(m.responsibilityText),
          targets: m.targets.map(({ span: _span, ...t }) => ({ ...t, sourcePhrase: matchKey(t.sourcePhrase) })),
        })),
      })),
    };
  }

  it('gives the same result as clean text', () => {
    const a = parse(clean);
    const b = parse(messy);
    expect(comparable(b)).toEqual(comparable(a));
    expect(measuresOf(b).map((m) => m.targets.length)).toEqual([2, 1]);
    expect(bare(measuresOf(b)[1].responsibilities)).toEqual([
      dept('人民銀行江門市分行', 'CO'),
      dept('市金融局', 'CO'),
      ...allCounties('CO'),
    ]);
  });

  it('still keeps titles and bodies as written, only trimmed and without CR', () => {
    const [first] = measuresOf(parse(messy));
    expect(first.title).toBe('加大市場主體穩崗擴崗支持力度');
    expect(first.body).toBe('加大市場主體穩崗擴崗支持力度。每年募集見習崗位不少于　３０００個，全市開發儲備４００ 個以上公益性崗位。');
    expect(first.targets.map((t) => t.sourcePhrase)).toEqual(['每年募集見習崗位不少于　３０００個', '全市開發儲備４００ 個以上公益性崗位']);
    expect(parse(messy).sourceText).not.toContain('\r');
  });
});
