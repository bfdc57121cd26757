import { JIANGMEN_COUNTIES } from '@luoshi/domain';
import { groupResponsibilities } from './responsibilities';
import type { AgencyData, ResponsibilityData } from './types';

const dept = (id: string, name: string): AgencyData => ({ id, name, kind: 'DEPARTMENT', regionCode: null });
const counties: AgencyData[] = JIANGMEN_COUNTIES.map((c, i) => ({
  id: `county-${i}`,
  name: `${c.name}人民政府`,
  kind: 'COUNTY',
  regionCode: c.regionCode,
}));
const lead = (agency: AgencyData): ResponsibilityData => ({ role: 'LEAD', agency });
const co = (agency: AgencyData): ResponsibilityData => ({ role: 'CO', agency });

const hrss = dept('hrss', '市人力資源社會保障局');
const finance = dept('fin', '市財政局');
const education = dept('edu', '市教育局');

describe('groupResponsibilities', () => {
  it('separates lead departments, co departments and counties, keeping notice order', () => {
    const grouped = groupResponsibilities([lead(hrss), co(finance), ...counties.map(co).reverse(), co(education)]);
    expect(grouped.leads).toEqual([hrss]);
    expect(grouped.departments).toEqual([finance, education]);
    expect(grouped.counties.map((c) => c.regionCode)).toEqual(JIANGMEN_COUNTIES.map((c) => c.regionCode));
    expect(grouped.allCounties).toBe(true);
    expect(grouped.countiesLead).toBe(false);
  });

  it('lists only some counties when not all seven are responsible', () => {
    const grouped = groupResponsibilities([lead(hrss), co(counties[3]), co(counties[0])]);
    expect(grouped.allCounties).toBe(false);
    expect(grouped.counties).toEqual([counties[0], counties[3]]);
  });

  it('marks counties that lead', () => {
    const grouped = groupResponsibilities(counties.map(lead));
    expect(grouped.leads).toEqual([]);
    expect(grouped.allCounties).toBe(true);
    expect(grouped.countiesLead).toBe(true);
  });

  it('keeps an agency once, as lead if it is listed both ways', () => {
    const grouped = groupResponsibilities([co(hrss), lead(hrss), co(finance), co(finance)]);
    expect(grouped.leads).toEqual([hrss]);
    expect(grouped.departments).toEqual([finance]);
  });

  it('falls back to counting when region codes are missing', () => {
    const noCodes = counties.map((c) => ({ ...c, regionCode: null }));
    expect(groupResponsibilities(noCodes.map(co)).allCounties).toBe(true);
    expect(groupResponsibilities(noCodes.slice(0, 6).map(co)).allCounties).toBe(false);
  });

  it('handles a measure with no units', () => {
    expect(groupResponsibilities([])).toEqual({
      leads: [],
      departments: [],
      counties: [],
      allCounties: false,
      countiesLead: false,
    });
  });
});
