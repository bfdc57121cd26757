import { EntityManager } from 'typeorm';
import {
  auditDemoReview,
  demoOfficeId,
  demoTaskUnit,
  insertDemoAnsweredItem,
  insertDemoItemNotices,
  insertDemoOpenItem,
  insertDemoRating,
  insertDemoReview,
} from './demo-supervision.queries';

/** Days after `today` (ISO) as an ISO date. */
const daysAfter = (today: string, days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A supervision review in progress for the demo's second quarter, so a newcomer sees the 督查 pages
 * alive: an office rating with its reason, an item answered by its unit and one waiting for an
 * answer (with the notice its unit's reporter was sent). Its computed ratings are worked out live,
 * like any open review's; the stored computed colour of the rated row is only kept for the record.
 */
export async function loadDemoSupervision(manager: EntityManager, policyId: string, periodId: string, today: string): Promise<void> {
  const officeId = await demoOfficeId(manager);
  const reviewId = await insertDemoReview(manager, policyId, periodId, officeId);
  if (!reviewId) return;
  const interns = await demoTaskUnit(manager, policyId, 7, 'COUNTY');
  const welfare = await demoTaskUnit(manager, policyId, 11, 'DEPARTMENT');
  const posts = await demoTaskUnit(manager, policyId, 10, 'DEPARTMENT');

  if (posts) {
    await insertDemoRating(
      manager,
      reviewId,
      posts.measure_id,
      '事业单位公开招聘集中在第四季度组织考试，12月底前可完成岗位发布，暂评黄灯并持续跟踪。',
      officeId,
    );
  }
  if (interns) {
    const request = '请说明见习岗位募集进度偏慢的原因，提出下一步补救措施和完成时限。';
    await insertDemoOpenItem(manager, {
      reviewId,
      measureId: interns.measure_id,
      agencyId: interns.agency_id,
      request,
      dueOn: daysAfter(today, 10),
      createdBy: officeId,
    });
    await insertDemoItemNotices(manager, interns.agency_id, `新的督办事项（措施7），请于${daysAfter(today, 10)}前答复`, request);
  }
  if (welfare) {
    await insertDemoAnsweredItem(
      manager,
      {
        reviewId,
        measureId: welfare.measure_id,
        agencyId: welfare.agency_id,
        request: '请核实公益性岗位安置人数，并说明困难群体兜底安置情况。',
        dueOn: daysAfter(today, 5),
        createdBy: officeId,
      },
      '已逐县核实，第四季度新开发公益性岗位 96 个，安置就业困难人员 88 人；其余岗位正在公示。',
    );
  }
  await auditDemoReview(manager, reviewId);
}
