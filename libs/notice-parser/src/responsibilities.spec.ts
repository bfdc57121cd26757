import { departmentsNamed, expandResponsibilities, splitResponsibilityText } from './responsibilities';
import { JIANGMEN_COUNTIES, allCounties, bare, dept } from './__fixtures__/jiangmen';

const brief = (text: string) => splitResponsibilityText(text).map((u) => `${u.name}:${u.role}`);
const expand = (text: string, memberUnits: string[] = []) =>
  bare(expandResponsibilities(splitResponsibilityText(text), { counties: JIANGMEN_COUNTIES, memberUnits }));

describe('splitResponsibilityText', () => {
  it('puts the units before 牽頭 in the lead and strips 按職責分工負責', () => {
    expect(brief('市人力資源社會保障局牽頭,市財政局、市稅務局及各縣(市、區)政府按職責分工負責')).toEqual([
      '市人力資源社會保障局:LEAD',
      '市財政局:CO',
      '市稅務局:CO',
      '\ue000:CO',
    ]);
  });

  it('reads several lead units and every separator', () => {
    expect(brief('市人力資源社會保障局、市教育局牽頭,市財政局,市稅務局和團市委及市婦聯配合')).toEqual([
      '市人力資源社會保障局:LEAD',
      '市教育局:LEAD',
      '市財政局:CO',
      '市稅務局:CO',
      '團市委:CO',
      '市婦聯:CO',
    ]);
  });

  it('does not cut names that contain 和 or a parenthesised 、', () => {
    expect(brief('市工業和信息化局牽頭,市住房和城鄉建設局、市委(市政府)辦公室、市財政局負責')).toEqual([
      '市工業和信息化局:LEAD',
      '市住房和城鄉建設局:CO',
      '市委(市政府)辦公室:CO',
      '市財政局:CO',
    ]);
  });

  it('tolerates full-width punctuation, spaces and other endings', () => {
    expect(brief('市人力資源社會保障局 牽頭，市財政局、 各縣（市、區）人民政府 負責')).toEqual([
      '市人力資源社會保障局:LEAD',
      '市財政局:CO',
      '\ue000:CO',
    ]);
    expect(brief('市財政局按照職責配合')).toEqual(['市財政局:CO']);
    expect(brief('市人力資源社會保障局(牽頭)、市財政局')).toEqual(['市人力資源社會保障局:LEAD', '市財政局:CO']);
  });
});

describe('expandResponsibilities', () => {
  it('expands 各縣(市、區)政府 to the seven counties in the given order', () => {
    expect(expand('市財政局及各縣(市、區)政府按職責分工負責')).toEqual([dept('市財政局', 'CO'), ...allCounties('CO')]);
  });

  it('gives an explicitly named county its region code, in whatever form it is named', () => {
    expect(expand('台山市人民政府牽頭,開平市政府、恩平市、市財政局按職責分工負責')).toEqual([
      { agencyName: '台山市', kind: 'COUNTY', regionCode: '440781', role: 'LEAD' },
      { agencyName: '開平市', kind: 'COUNTY', regionCode: '440783', role: 'CO' },
      { agencyName: '恩平市', kind: 'COUNTY', regionCode: '440785', role: 'CO' },
      dept('市財政局', 'CO'),
    ]);
  });

  it('treats a county bureau as a department of that county', () => {
    expect(expand('台山市人力資源社會保障局負責')).toEqual([
      { agencyName: '台山市人力資源社會保障局', kind: 'DEPARTMENT', regionCode: '440781', role: 'CO' },
    ]);
  });

  it('names each unit once, keeping its first place and the lead role when it has one', () => {
    expect(expand('市財政局、市人力資源社會保障局牽頭,市財政局、台山市政府及各縣(市、區)政府按職責分工負責')).toEqual([
      dept('市財政局', 'LEAD'),
      dept('市人力資源社會保障局', 'LEAD'),
      { agencyName: '台山市', kind: 'COUNTY', regionCode: '440781', role: 'CO' },
      ...allCounties('CO').filter((c) => c.agencyName !== '台山市'),
    ]);
  });

  it('expands 成員單位 to the member units, with the role of its clause', () => {
    expect(expand('市就業工作領導小組成員單位牽頭,市財政局負責', ['市財政局', '市教育局'])).toEqual([
      dept('市財政局', 'LEAD'),
      dept('市教育局', 'LEAD'),
    ]);
  });

  it('derives member units from departments only, in order of first appearance', () => {
    const raw = [
      ...splitResponsibilityText('市財政局牽頭,台山市政府、各縣(市、區)政府負責'),
      ...splitResponsibilityText('市教育局、市財政局及台山市人社局負責'),
      ...splitResponsibilityText('市就業工作領導小組成員單位負責'),
    ];
    expect(departmentsNamed(raw, JIANGMEN_COUNTIES)).toEqual(['市財政局', '市教育局']);
  });
});
