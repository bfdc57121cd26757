import { JIANGMEN_COUNTIES } from '@luoshi/domain';
import type { AgencyData, ResponsibilityData } from './types';

export interface GroupedResponsibilities {
  /** Departments written as 牽頭 (LEAD), in notice order. */
  leads: AgencyData[];
  /** Other departments responsible by their duties (CO), in notice order. */
  departments: AgencyData[];
  /** County-level governments, whatever their role, in the usual 蓬江…恩平 order. */
  counties: AgencyData[];
  /** All seven of Jiangmen's county-level governments are responsible (shown as one item). */
  allCounties: boolean;
  /** At least one county leads this measure (then the county item is highlighted like a lead). */
  countiesLead: boolean;
}

const COUNTY_ORDER = new Map(JIANGMEN_COUNTIES.map((c, i) => [c.regionCode, i]));
const countyRank = (a: AgencyData) => COUNTY_ORDER.get(a.regionCode ?? '') ?? COUNTY_ORDER.size;

/**
 * Splits a measure's responsible units the way officials read them: who leads, which
 * departments share the work, and the counties, which are named together as
 * 各縣（市、區）政府 when all seven are responsible. An agency listed twice keeps its LEAD role.
 */
export function groupResponsibilities(responsibilities: readonly ResponsibilityData[]): GroupedResponsibilities {
  const roleById = new Map<string, { agency: AgencyData; lead: boolean }>();
  for (const { agency, role } of responsibilities) {
    const seen = roleById.get(agency.id);
    if (!seen) roleById.set(agency.id, { agency, lead: role === 'LEAD' });
    else if (role === 'LEAD') seen.lead = true;
  }

  const leads: AgencyData[] = [];
  const departments: AgencyData[] = [];
  const counties: AgencyData[] = [];
  let countiesLead = false;
  for (const { agency, lead } of roleById.values()) {
    if (agency.kind === 'COUNTY') {
      counties.push(agency);
      countiesLead ||= lead;
    } else {
      (lead ? leads : departments).push(agency);
    }
  }
  counties.sort((a, b) => countyRank(a) - countyRank(b));

  const codes = new Set(counties.map((c) => c.regionCode));
  const allCounties =
    counties.length >= JIANGMEN_COUNTIES.length &&
    (JIANGMEN_COUNTIES.every((c) => codes.has(c.regionCode)) ||
      // Region codes missing in the data: fall back to the count.
      counties.every((c) => !c.regionCode));

  return { leads, departments, counties, allCounties, countiesLead };
}
