import { EntityManager } from 'typeorm';

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
  const [office] = await manager.query(`SELECT id FROM app_user WHERE username = 'office'`);
  const [review] = await manager.query(
    `INSERT INTO supervision_review (policy_id, period_id, opened_by, version) VALUES ($1, $2, $3, 4)
     ON CONFLICT (policy_id, period_id) DO NOTHING RETURNING id`,
    [policyId, periodId, office?.id ?? null],
  );
  if (!review) return;
  const pick = async (seq: number, kind: 'COUNTY' | 'DEPARTMENT') =>
    (
      await manager.query(
        `SELECT m.id AS measure_id, a.id AS agency_id, a.name_simplified AS unit FROM measure m
           JOIN responsibility r ON r.measure_id = m.id JOIN agency a ON a.id = r.agency_id
          WHERE m.policy_id = $1 AND m.seq = $2 AND a.kind = $3 ORDER BY r.role = 'LEAD' DESC, r.position LIMIT 1`,
        [policyId, seq, kind],
      )
    )[0] as { measure_id: string; agency_id: string; unit: string } | undefined;
  const interns = await pick(7, 'COUNTY');
  const welfare = await pick(11, 'DEPARTMENT');
  const posts = await pick(10, 'DEPARTMENT');

  if (posts) {
    await manager.query(
      `INSERT INTO supervision_rating (review_id, measure_id, computed_rating, rating, reason, version, rated_by, rated_at)
       VALUES ($1, $2, 'RED', 'YELLOW', $3, 1, $4, now())`,
      [
        review.id,
        posts.measure_id,
        '事业单位公开招聘集中在第四季度组织考试，12月底前可完成岗位发布，暂评黄灯并持续跟踪。',
        office?.id ?? null,
      ],
    );
  }
  if (interns) {
    const request = '请说明见习岗位募集进度偏慢的原因，提出下一步补救措施和完成时限。';
    await manager.query(
      `INSERT INTO supervision_item (review_id, measure_id, agency_id, request, due_on, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
      [review.id, interns.measure_id, interns.agency_id, request, daysAfter(today, 10), office?.id ?? null],
    );
    await manager.query(
      `INSERT INTO user_notice (user_id, kind, title, body, link)
       SELECT id, 'SUPERVISION_ITEM_ASSIGNED', $2, $3, '/supervision/items' FROM app_user WHERE role = 'REPORTER' AND agency_id = $1`,
      [interns.agency_id, `新的督办事项（措施7），请于${daysAfter(today, 10)}前答复`, request],
    );
  }
  if (welfare) {
    await manager.query(
      `INSERT INTO supervision_item (review_id, measure_id, agency_id, request, due_on, created_by, status, version, response, responded_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'RESPONDED', 2, $7, now())`,
      [
        review.id,
        welfare.measure_id,
        welfare.agency_id,
        '请核实公益性岗位安置人数，并说明困难群体兜底安置情况。',
        daysAfter(today, 5),
        office?.id ?? null,
        '已逐县核实，第四季度新开发公益性岗位 96 个，安置就业困难人员 88 人；其余岗位正在公示。',
      ],
    );
  }
  await manager.query(
    `INSERT INTO audit_record (username, action, entity, entity_id, after)
     SELECT 'demo', 'demo.create', 'supervision_item', i.id::text, jsonb_build_object('status', i.status, 'demo', true) FROM supervision_item i WHERE i.review_id = $1
     UNION ALL SELECT 'demo', 'demo.create', 'supervision_rating', r.review_id || ':' || r.measure_id, jsonb_build_object('rating', r.rating, 'reason', r.reason, 'demo', true) FROM supervision_rating r WHERE r.review_id = $1
     UNION ALL SELECT 'demo', 'demo.create', 'supervision_review', $1::text, jsonb_build_object('status', 'OPEN', 'demo', true)`,
    [review.id],
  );
}
