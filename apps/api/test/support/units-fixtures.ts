import { DataSource } from 'typeorm';
import { TestServer, uniqueName } from './test-server';

export const CREATE = `mutation ($i: CreateAgencyInput!) { createAgency(input: $i) { id name shortName kind regionCode active mergedInto { id } } }`;
export const RENAME = `mutation ($id: ID!, $name: String!, $shortName: String) { renameAgency(id: $id, name: $name, shortName: $shortName) { id name shortName } }`;
export const SET_ACTIVE = `mutation ($id: ID!, $active: Boolean!) { setAgencyActive(id: $id, active: $active) { id active } }`;
export const MERGE = `mutation ($fromId: ID!, $intoId: ID!) { mergeAgencies(fromId: $fromId, intoId: $intoId) { id name } }`;
export const PREVIEW = `query ($fromId: ID!, $intoId: ID!) { agencyMergePreview(fromId: $fromId, intoId: $intoId) {
  from { id } into { id } responsibilities sharedResponsibilities reports figures attachments supervisionItems accounts quotas webhook
  conflicts { kind docNumber periodLabel measureSeq measureTitle targetName reportingAgencyName } } }`;
export const AGENCIES = `query ($all: Boolean, $kind: AgencyKind) { agencies(includeInactive: $all, kind: $kind) { id name active mergedInto { id name } } }`;

/** A unit name of this run: the Chinese part keeps it a plausible name, the tag keeps it unique. */
export const unitName = (base = '测试局') => `市${base}${uniqueName('').replace(/[^0-9a-z]/gi, '')}`;

export async function createUnit(
  server: TestServer,
  token: string,
  input: { name?: string; kind?: string; regionCode?: string; shortName?: string } = {},
): Promise<string> {
  const data = await server.ok<{ createAgency: { id: string } }>(
    CREATE,
    { i: { name: input.name ?? unitName(), kind: input.kind ?? 'DEPARTMENT', regionCode: input.regionCode, shortName: input.shortName } },
    token,
  );
  return data.createAgency.id;
}

/** Every row of every table and the audit's count: a refused request must leave all of them as they were. */
export async function footprint(ds: DataSource): Promise<string> {
  const tables: { name: string }[] = await ds.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('schema_migration', 'user_session', 'sign_in_throttle') ORDER BY 1`,
  );
  const parts = tables.map((t) => `(SELECT count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM "${t.name}")`);
  const [row] = await ds.query(`SELECT concat_ws(',', ${parts.join(', ')}) AS f`);
  return row.f as string;
}

/** Makes a unit responsible for a measure, as a loaded notice would. */
export const makeResponsible = (ds: DataSource, measureId: string, agencyId: string, role: 'LEAD' | 'CO' = 'CO', position = 90) =>
  ds.query(`INSERT INTO responsibility (measure_id, agency_id, role, position) VALUES ($1, $2, $3, $4)`, [
    measureId,
    agencyId,
    role,
    position,
  ]);

/**
 * Counties a test added would show in every later test file's county lists (7 in the Jiangmen
 * notice): they and everything that points at them go when the file ends.
 */
export async function forgetCounties(ds: DataSource, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await ds.transaction(async (m) => {
    await m.query(`DELETE FROM report_figure WHERE county_id = ANY($1)`, [ids]);
    await m.query(`DELETE FROM report_total WHERE county_id = ANY($1)`, [ids]);
    await m.query(`DELETE FROM county_quota WHERE county_id = ANY($1)`, [ids]);
    await m.query(`DELETE FROM progress_report WHERE agency_id = ANY($1)`, [ids]);
    await m.query(`DELETE FROM responsibility WHERE agency_id = ANY($1)`, [ids]);
    await m.query(`DELETE FROM app_user WHERE agency_id = ANY($1)`, [ids]);
    await m.query(`UPDATE agency SET merged_into_id = NULL WHERE merged_into_id = ANY($1)`, [ids]);
    await m.query(`DELETE FROM agency WHERE id = ANY($1)`, [ids]);
  });
}

/** The units there are now: what a test file had before it added its own (see retireNewUnits). */
export const unitIds = async (ds: DataSource): Promise<Set<string>> =>
  new Set(((await ds.query(`SELECT id::text FROM agency`)) as { id: string }[]).map((r) => r.id));

/**
 * Units a test file added would show in later files' `agencies` (policy.spec counts the Jiangmen
 * notice's 17 departments, contract.spec its 24): when the file ends they are made inactive, which
 * keeps them out of the default lists and out of chasing.
 */
export async function retireNewUnits(ds: DataSource, before: Set<string>): Promise<void> {
  const added = [...(await unitIds(ds))].filter((id) => !before.has(id));
  await ds.query(`UPDATE agency SET active = false WHERE id = ANY($1)`, [added]);
}
