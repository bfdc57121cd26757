import { extractTargets } from './targets';

const brief = (body: string, year = 2024) => extractTargets(body, year).map((t) => [t.name, t.targetValue, t.unit, t.direction, t.year]);

describe('extractTargets', () => {
  it('reads the three phrase shapes', () => {
    expect(brief('每年募集見習崗位不少于3000個。')).toEqual([['見習崗位', 3000, '個', 'AT_LEAST', 2024]]);
    expect(brief('全市開發儲備400個以上公益性崗位,按規定兜底安置。')).toEqual([['公益性崗位', 400, '個', 'AT_LEAST', 2024]]);
    expect(brief('將創業擔保貸款公示時間縮短為3天,簡化擔保手續。')).toEqual([['創業擔保貸款公示時間', 3, '天', 'AT_MOST', 2024]]);
  });

  it('takes the noun after the unit when the text before the keyword names no counted thing', () => {
    expect(brief('提供不少于2000個工作崗位面向高校畢業生招聘。')).toEqual([['工作崗位', 2000, '個', 'AT_LEAST', 2024]]);
  });

  it('accepts every keyword of each direction', () => {
    const body = [
      '登記失業率控制在5%以內',
      '辦理時限壓縮至10個工作日',
      '審核時間不超過15天',
      '待崗人數不多於200人',
      '培訓合格率不低於90%',
      '認定基地至少3家',
      '參保人數達到12萬人',
      '評選示範項目不少於20項',
    ].join(';');
    expect(brief(`${body}。`)).toEqual([
      ['登記失業率', 5, '%', 'AT_MOST', 2024],
      ['辦理時限', 10, '工作日', 'AT_MOST', 2024],
      ['審核時間', 15, '天', 'AT_MOST', 2024],
      ['待崗人數', 200, '人', 'AT_MOST', 2024],
      ['培訓合格率', 90, '%', 'AT_LEAST', 2024],
      ['認定基地', 3, '家', 'AT_LEAST', 2024],
      ['參保人數', 120000, '人', 'AT_LEAST', 2024],
      ['評選示範項目', 20, '項', 'AT_LEAST', 2024],
    ]);
  });

  it('multiplies 萬 and never reads a sum of money as a goal (issue 10)', () => {
    expect(brief('全年城鎮新增就業2萬人以上。')).toEqual([['城鎮新增就業', 20000, '人', 'AT_LEAST', 2024]]);
    expect(brief('發放創業擔保貸款不少于1.1萬人。')).toEqual([['創業擔保貸款', 11000, '人', 'AT_LEAST', 2024]]);
    expect(brief('單筆貸款額度不超過50萬元。')).toEqual([]);
  });

  it('takes the year from the clause, else from the same sentence, else the issue year', () => {
    expect(brief('2026年新增創業孵化基地不少于5家。')).toEqual([['創業孵化基地', 5, '家', 'AT_LEAST', 2026]]);
    expect(brief('到2025年底,累計培訓技能人才不少于1.5萬人。', 2024)).toEqual([['培訓技能人才', 15000, '人', 'AT_LEAST', 2025]]);
    expect(brief('2025年完成既定任務。組織招聘活動不少于50場。', 2024)).toEqual([['招聘活動', 50, '場', 'AT_LEAST', 2024]]);
  });

  it('finds several goals in one body and skips the numbers that are not goals', () => {
    const body =
      '每年募集見習崗位不少于3000個,組織招聘活動不少于50場,對吸納畢業2年內高校畢業生和登記失業的16~24歲青年參加見習的單位給予補貼。' +
      '可給予最長3年的免租期。構建“1+2+7+N”零工市場就業服務體系。2024年可給予一次性增人增資。';
    expect(brief(body)).toEqual([
      ['見習崗位', 3000, '個', 'AT_LEAST', 2024],
      ['招聘活動', 50, '場', 'AT_LEAST', 2024],
    ]);
  });

  it('does not read eligibility thresholds or durations as goals', () => {
    expect(brief('對招用10人以上的企業給予一次性獎補。')).toEqual([]);
    expect(brief('連續失業1年以上人員可申請補貼。')).toEqual([]);
    expect(brief('符合條件的不少于3個月的可延長。')).toEqual([]);
    expect(brief('持續開展三年行動,力爭2025年達到2024年水平。')).toEqual([]);
  });

  it('keeps the clause as written in sourcePhrase and reads numbers in full-width forms', () => {
    const [t] = extractTargets('每年募集見習崗位　不少于 ３０００ 個，對見習單位給予補貼。', 2024);
    expect(t).toEqual({
      name: '見習崗位',
      targetValue: 3000,
      unit: '個',
      direction: 'AT_LEAST',
      year: 2024,
      sourcePhrase: '每年募集見習崗位　不少于 ３０００ 個',
      everyYear: true,
    });
  });

  it('tells a goal set for every year (每年, 每年度, 年均) from a goal of one year', () => {
    const every = (body: string) => extractTargets(body, 2024).map((t) => [t.name, t.everyYear ?? false]);
    expect(every('每年募集見習崗位不少于3000個。')).toEqual([['見習崗位', true]]);
    expect(every('每年度組織招聘活動不少于50場。')).toEqual([['招聘活動', true]]);
    expect(every('年均新增就業崗位不少于1萬個。')).toEqual([['就業崗位', true]]);
    expect(every('全市開發儲備400個以上公益性崗位。')).toEqual([['公益性崗位', false]]);
    expect(every('到2027年,全市新增就業6萬人以上。')).toEqual([['就業', false]]);
  });

  it('does not split a number written with a thousands separator', () => {
    expect(brief('每年募集見習崗位不少于3,000個。')).toEqual([['見習崗位', 3000, '個', 'AT_LEAST', 2024]]);
  });
});
