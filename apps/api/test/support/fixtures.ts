import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { JIANGMEN_COUNTIES } from '@luoshi/domain';
import { parseNotice } from '@luoshi/notice-parser';
import { noticesDir } from '../../src/common/project-paths';
import { ensureReportingPeriods, loadNotice, seedIds } from '../../src/policy/notice-seed';
import { TestServer, uniqueName } from './test-server';

/**
 * Measure 10's target is named 事業單位崗位 by the reviewed names file for 江就辦〔2024〕1號 only;
 * a variant notice keeps the name its text gives.
 */
export const VARIANT_M10 = '工作崗位';

export const COUNTY_CODES = ['440703', '440704', '440705', '440781', '440783', '440784', '440785'] as const;
const countyName = (code: string) => JIANGMEN_COUNTIES.find((c) => c.regionCode === code)!.name;
export const countyId = (code: string) => seedIds.agency({ agencyName: countyName(code), kind: 'COUNTY', regionCode: code });
export const departmentId = (name: string) => seedIds.agency({ agencyName: name, kind: 'DEPARTMENT', regionCode: null });

export interface PolicyIds {
  docNumber: string;
  policyId: string;
  measure: (seq: number) => string;
  period: (label: string) => string;
  target: (measureSeq: number, name: string, year?: number) => string;
}

export function policyIds(docNumber: string): PolicyIds {
  return {
    docNumber,
    policyId: seedIds.policy(docNumber),
    measure: (seq) => seedIds.measure(docNumber, seq),
    period: (label) => seedIds.period(docNumber, label),
    target: (seq, name, year = 2024) => seedIds.target(docNumber, seq, name, year),
  };
}

/**
 * A copy of the Jiangmen notice under another doc number: a policy of its own, so a test file's
 * reports never meet another file's (one report per measure, unit and period).
 */
export async function loadVariantNotice(ds: DataSource, number: number): Promise<PolicyIds> {
  const text = readFileSync(join(noticesDir(), 'jiangmen-2024-1.txt'), 'utf8').replace('江就辦〔2024〕1 號', `江就辦〔2024〕${number} 號`);
  const notice = parseNotice(text, { counties: JIANGMEN_COUNTIES.map((c) => ({ name: c.name, regionCode: c.regionCode })) });
  await ds.transaction(async (m) => {
    await loadNotice(m, notice);
    await ensureReportingPeriods(m);
  });
  return policyIds(notice.docNumber ?? '');
}

/** A new user of that role (and agency, for a reporter), signed in. */
export async function signedInUser(server: TestServer, admin: string, role: string, agencyId?: string): Promise<string> {
  const username = uniqueName(role.toLowerCase());
  await server.ok(
    `mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`,
    { i: { username, password: 'password-123', role, agencyId } },
    admin,
  );
  return server.login(username, 'password-123');
}

export const SAVE = `mutation SaveProgressReport($input: SaveProgressReportInput!) { saveProgressReport(input: $input) { id version status } }`;
export const SUBMIT = `mutation SubmitProgressReport($id: ID!, $version: Int!) { submitProgressReport(id: $id, version: $version) { id version status } }`;
export const REVIEW = `mutation ReviewProgressReport($id: ID!, $version: Int!, $decision: ReviewDecision!, $comment: String) {
  reviewProgressReport(id: $id, version: $version, decision: $decision, comment: $comment) { id version status } }`;
export const TARGET_PROGRESS = `query TargetProgress($policyId: ID!, $periodId: ID) {
  targetProgress(policyId: $policyId, periodId: $periodId) {
    target { id name unit targetValue } achieved pending percent
    byCounty { county { id name regionCode } quota achieved pending } } }`;

export interface ReportRef {
  id: string;
  version: number;
  status: string;
}
