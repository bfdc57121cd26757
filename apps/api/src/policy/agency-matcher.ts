import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { REVIEWED_AGENCY_ALIASES, ReviewedAgencyAlias } from '@luoshi/domain';
import { searchTextOf, toSimplified } from '../common/chinese-script';
import { nameKeyOf } from '../units/agency-name';
import { agencyAliasRows, currentAgencyId, insertAgency, knownAgencies } from './agency-matcher.queries';

export interface KnownAgency {
  id: string;
  name: string;
  nameSimplified: string;
  shortName: string;
  kind: 'DEPARTMENT' | 'COUNTY';
  regionCode: string | null;
  nameKey: string;
}

export interface AgencyAliasRow {
  aliasKey: string;
  agencyId: string;
}

/** A unit as a notice names it (ParsedResponsibility's fields). */
export interface UnitName {
  agencyName: string;
  kind: 'DEPARTMENT' | 'COUNTY';
  regionCode: string | null;
}

export type MatchedBy = 'name' | 'brackets' | 'alias' | 'reviewed-alias' | 'county' | 'seed-id';

const BRACKETS = /[()[\]{}（）【】〔〕［］｛｝〈〉《》「」『』<>]/gu;
const GOVERNMENT = /(人民政府|政府)$/u;

/** The name key, further ignoring brackets and their width: 各县（市、区） = 各县(市、区) = 各县市、区. */
export const looseKeyOf = (name: string) => nameKeyOf(name.normalize('NFKC')).replace(BRACKETS, '');

/**
 * Which existing agency a notice's unit name stands for, in this order: the same name (either
 * script, spaces aside), the same name ignoring brackets, an alias of the office, a reviewed usual
 * short name whose unit exists, a county by name, short name or division code. Null: no unit matches.
 * Pure: the caller loads the agencies and aliases once per import.
 */
export class AgencyMatcher {
  private readonly byKey = new Map<string, string>();
  private readonly byLooseKey = new Map<string, string>();
  private readonly byAlias = new Map<string, string>();
  private readonly reviewedGroup = new Map<string, ReviewedAgencyAlias>();
  private readonly countyByName = new Map<string, string>();
  private readonly countyByCode = new Map<string, string>();
  private readonly ids = new Set<string>();

  constructor(
    agencies: readonly KnownAgency[],
    aliases: readonly AgencyAliasRow[],
    reviewed: readonly ReviewedAgencyAlias[] = REVIEWED_AGENCY_ALIASES,
  ) {
    for (const a of agencies) {
      this.ids.add(a.id);
      this.byKey.set(a.nameKey, a.id);
      if (!this.byLooseKey.has(looseKeyOf(a.name))) this.byLooseKey.set(looseKeyOf(a.name), a.id);
      if (a.kind === 'COUNTY') {
        if (a.regionCode) this.countyByCode.set(a.regionCode, a.id);
        for (const n of [a.name, a.nameSimplified, a.shortName]) this.countyByName.set(looseKeyOf(n), a.id);
      }
    }
    for (const x of aliases) this.byAlias.set(x.aliasKey, x.agencyId);
    for (const group of reviewed) for (const n of group.names) this.reviewedGroup.set(looseKeyOf(n), group);
  }

  /** Adds an agency created during this import, so that a later name of it finds it. */
  remember(agency: KnownAgency): void {
    this.ids.add(agency.id);
    this.byKey.set(agency.nameKey, agency.id);
    this.byLooseKey.set(looseKeyOf(agency.name), agency.id);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  match(unit: UnitName): { agencyId: string; by: MatchedBy } | null {
    const key = nameKeyOf(unit.agencyName);
    const loose = looseKeyOf(unit.agencyName);
    const exact = this.byKey.get(key);
    if (exact) return { agencyId: exact, by: 'name' };
    const bracketless = this.byLooseKey.get(loose);
    if (bracketless) return { agencyId: bracketless, by: 'brackets' };
    const alias = this.byAlias.get(key) ?? this.byAlias.get(loose);
    if (alias) return { agencyId: alias, by: 'alias' };
    const group = this.reviewedGroup.get(loose);
    // A reviewed short name stands for its unit only where that unit exists (first name of the group found).
    const reviewed = group?.names.map((n) => this.byLooseKey.get(looseKeyOf(n))).find((id) => id !== undefined);
    if (reviewed) return { agencyId: reviewed, by: 'reviewed-alias' };
    const county =
      (unit.kind === 'COUNTY' && unit.regionCode ? this.countyByCode.get(unit.regionCode) : undefined) ??
      this.countyByName.get(loose) ??
      this.countyByName.get(loose.replace(GOVERNMENT, ''));
    if (county) return { agencyId: county, by: 'county' };
    return null;
  }
}

export interface ResolvedUnit {
  agencyId: string;
  /** True where this import created the agency (no existing unit matched the name). */
  created: boolean;
}

export interface ResolveOptions {
  /** Marks a created agency for the office to confirm (an import in the product), or not (a notice file). */
  createdByImport: boolean;
  /** The id for a new agency (stable ids for notice files, random for imports). */
  newId?: (unit: UnitName) => string;
  /** An id that, where it exists, stands for the name (a seeded unit renamed since). */
  knownId?: (unit: UnitName) => string;
  /** A county's short name for a new county agency. */
  shortNameOf?: (unit: UnitName) => string | undefined;
}

/**
 * Every distinct unit name of a notice -> the agency it stands for now (a merged unit: the unit it went
 * into). Only a name that matches nothing becomes a new agency; later names of the same notice find it.
 */
export async function resolveUnits(
  manager: EntityManager,
  units: readonly UnitName[],
  options: ResolveOptions,
): Promise<Map<string, ResolvedUnit>> {
  const matcher = new AgencyMatcher(await knownAgencies(manager), await agencyAliasRows(manager));
  const resolved = new Map<string, ResolvedUnit>();
  for (const unit of units) {
    if (resolved.has(unit.agencyName)) continue;
    const match = matcher.match(unit);
    const known = options.knownId?.(unit);
    let id = match?.agencyId ?? (known && matcher.has(known) ? known : undefined);
    let created = false;
    if (!id) {
      // Only a county government carries a division code (a county's own bureau is a department).
      const countyCode = unit.kind === 'COUNTY' ? unit.regionCode : null;
      const row = {
        id: options.newId?.(unit) ?? randomUUID(),
        name: unit.agencyName,
        nameSimplified: toSimplified(unit.agencyName),
        shortName: options.shortNameOf?.(unit) ?? unit.agencyName,
        kind: countyCode ? ('COUNTY' as const) : ('DEPARTMENT' as const),
        regionCode: countyCode,
        searchText: searchTextOf(unit.agencyName),
        nameKey: nameKeyOf(unit.agencyName),
        createdByImport: options.createdByImport,
      };
      await insertAgency(manager, row);
      matcher.remember(row);
      id = row.id;
      created = true;
    }
    resolved.set(unit.agencyName, { agencyId: created ? id : await currentAgencyId(manager, id), created });
  }
  return resolved;
}
