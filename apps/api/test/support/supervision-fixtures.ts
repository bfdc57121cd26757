import { PolicyIds, REVIEW, ReportRef, SAVE, SUBMIT } from './fixtures';
import { TestServer } from './test-server';

export const OPEN_REVIEW = `mutation ($p: ID!, $period: ID!) { openSupervisionReview(policyId: $p, periodId: $period) { id status version } }`;
export const REVIEW_QUERY = `query ($id: ID!) { supervisionReview(id: $id) {
  id status version period { label }
  ratings { measure { id seq } computedRating explanation rating reason overridden version previousRating change redTwoQuarters }
  items { id status version agency { id } measure { seq } request dueOn response overdue }
  carriedOverItems { id status }
  summary { green yellow red overridden improved slipped redTwoQuarters openItems carriedOverItems } } }`;
export const RATE = `mutation ($r: ID!, $m: ID!, $rating: Rating!, $reason: String!, $v: Int) {
  rateMeasure(reviewId: $r, measureId: $m, rating: $rating, reason: $reason, version: $v) { measure { seq } computedRating rating reason version overridden } }`;
export const ADD_ITEM = `mutation ($input: AddSupervisionItemInput!) { addSupervisionItem(input: $input) { id status version dueOn } }`;
export const RESPOND = `mutation ($id: ID!, $response: String!, $v: Int) { respondSupervisionItem(id: $id, response: $response, version: $v) { id status version response } }`;
export const CLOSE = `mutation ($id: ID!) { closeSupervisionItem(id: $id) { id status version } }`;
export const FINALIZE = `mutation ($id: ID!) { finalizeSupervisionReview(id: $id) { id status } }`;

/** A unit's report on a measure for a period, saved, submitted and accepted by the office. */
export async function acceptReport(
  server: TestServer,
  p: PolicyIds,
  tokens: { reporter: string; office: string },
  report: { agencyId: string; seq: number; period: string; values: [string, string, number][]; unitStatus?: string },
): Promise<string> {
  const input = {
    measureId: p.measure(report.seq),
    periodId: p.period(report.period),
    agencyId: report.agencyId,
    progress: '进展',
    unitStatus: report.unitStatus ?? 'ON_TRACK',
    values: report.values.map(([targetId, countyId, value]) => ({ targetId, countyId, value })),
  };
  const saved = (await server.ok<{ saveProgressReport: ReportRef }>(SAVE, { input }, tokens.reporter)).saveProgressReport;
  const submitted = (
    await server.ok<{ submitProgressReport: ReportRef }>(SUBMIT, { id: saved.id, version: saved.version }, tokens.reporter)
  ).submitProgressReport;
  await server.ok(REVIEW, { id: saved.id, version: submitted.version, decision: 'ACCEPT' }, tokens.office);
  return saved.id;
}

/**
 * Moves a review's follow-up items' due date into the past, as time would: the API takes only a due
 * date of today or later, so an overdue item is one given earlier whose day has gone by.
 */
export async function backdateItems(server: TestServer, reviewId: string, dueOn: string): Promise<void> {
  await server.dataSource.query(`UPDATE supervision_item SET due_on = $2 WHERE review_id = $1`, [reviewId, dueOn]);
}
