import { nameKeyOf } from '../../src/units/agency-name';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { uniqueName } from './test-server';

export interface SmallPolicy {
  policyId: string;
  /** The units responsible for its one measure: a county (with a made-up division code) first, then departments. */
  agencyIds: string[];
  countyCode: string;
}

const made: SmallPolicy[] = [];

/**
 * A policy of its own with one measure and units nobody else uses, so that createUnitAccounts in a
 * test makes accounts for these units only (the notice's 24 units are shared by every test file).
 * Other files count the units (24 agencies, 7 counties in targetProgress): remove them with
 * removeSmallPolicies before anything else runs on the database.
 */
export async function smallPolicy(ds: DataSource, departments = 2): Promise<SmallPolicy> {
  const tag = uniqueName('unit');
  const policyId = randomUUID();
  const sectionId = randomUUID();
  const measureId = randomUUID();
  const countyCode = `9${String(randomInt(0, 100_000)).padStart(5, '0')}`; // no real division code starts with 9
  const units = [
    { id: randomUUID(), name: `测试县${tag}`, kind: 'COUNTY', code: countyCode as string | null },
    ...Array.from({ length: departments }, (_, i) => ({ id: randomUUID(), name: `测试局${i}${tag}`, kind: 'DEPARTMENT', code: null })),
  ];
  await ds.transaction(async (m) => {
    for (const u of units) {
      await m.query(
        `INSERT INTO agency (id, name, name_simplified, short_name, kind, region_code, search_text, name_key) VALUES ($1, $2, $2, $2, $3, $4, lower($2), $5)`,
        [u.id, u.name, u.kind, u.code, nameKeyOf(u.name)],
      );
    }
    await m.query(
      `INSERT INTO policy (id, doc_number, title, issuer, issued_on, source_text) VALUES ($1, $2, '测试政策', '测试', '2024-07-26', '')`,
      [policyId, `测〔2024〕${tag}号`],
    );
    await m.query(`INSERT INTO section (id, policy_id, seq, title) VALUES ($1, $2, 1, '一')`, [sectionId, policyId]);
    await m.query(
      `INSERT INTO measure (id, policy_id, section_id, seq, title, body, responsibility_text) VALUES ($1, $2, $3, 1, '措施', '', '')`,
      [measureId, policyId, sectionId],
    );
    for (const [position, u] of units.entries()) {
      await m.query(`INSERT INTO responsibility (measure_id, agency_id, role, position) VALUES ($1, $2, $3, $4)`, [
        measureId,
        u.id,
        position === 0 ? 'LEAD' : 'CO',
        position,
      ]);
    }
  });
  const policy = { policyId, agencyIds: units.map((u) => u.id), countyCode };
  made.push(policy);
  return policy;
}

/** Removes the policies, units and their accounts made by smallPolicy (the audit keeps its records). */
export async function removeSmallPolicies(ds: DataSource): Promise<void> {
  const policies = made.splice(0);
  if (policies.length === 0) return;
  const agencyIds = policies.flatMap((p) => p.agencyIds);
  await ds.transaction(async (m) => {
    await m.query(`DELETE FROM policy WHERE id = ANY($1::uuid[])`, [policies.map((p) => p.policyId)]);
    await m.query(`DELETE FROM app_user WHERE agency_id = ANY($1::uuid[])`, [agencyIds]);
    await m.query(`DELETE FROM agency WHERE id = ANY($1::uuid[])`, [agencyIds]);
  });
}
