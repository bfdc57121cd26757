import { seedIds } from '../src/policy/notice-seed';
import { countyId, departmentId, REVIEW, SAVE, signedInUser, SUBMIT, TARGET_PROGRESS } from './support/fixtures';
import { IMPORT, PUBLISH, simplifiedNotice } from './support/notice-fixtures';
import { codeOf, TestServer } from './support/test-server';

/**
 * Bringing in a notice end to end: import a simplified-script notice -> its warnings -> the office's
 * corrections (a stale one refused) -> publish -> a unit reports on it, the office accepts, the
 * progress shows it. The Jiangmen notice is untouched throughout; every step is audited.
 */
const JIANGMEN = seedIds.policy('江就辦〔2024〕1號');
const RENSHE = departmentId('市人力資源社會保障局');
const CAIZHENG = departmentId('市財政局');
const FAGAI = departmentId('市發展改革局');
const TAISHAN = countyId('440781');

interface Draft {
  id: string;
  status: string;
  version: number;
  docNumber: string;
  issuedOn: string;
  issuedOnConfirmed: boolean;
  warnings: { line: number | null; kind: string; message: string; measureId: string | null; agencyId: string | null }[];
  measures: {
    id: string;
    seq: number;
    title: string;
    line: number | null;
    responsibilities: { role: string; words: string | null; agency: { id: string; name: string; createdByImport: boolean } }[];
    targets: { id: string; name: string; unit: string; targetValue: number; direction: string; year: number; sourcePhrase: string }[];
  }[];
}

const DRAFT_FIELDS = `id status version docNumber issuedOn issuedOnConfirmed warnings { line kind message measureId agencyId }
  measures { id seq title line responsibilities { role words agency { id name createdByImport } } targets { id name unit targetValue direction year sourcePhrase } }`;
const mutation = (name: string, input: string) => `mutation ($input: ${input}!) { ${name}(input: $input) { ${DRAFT_FIELDS} } }`;

describe('importing a notice, correcting it and publishing it', () => {
  let server: TestServer;
  let admin: string;
  let office: string;
  const jiangmenSnapshot = () =>
    server.dataSource.query(
      `SELECT (SELECT row_to_json(p) FROM policy p WHERE id = $1)::text AS policy,
              (SELECT string_agg(m.id::text || m.title, ',' ORDER BY m.seq) FROM measure m WHERE m.policy_id = $1) AS measures,
              (SELECT string_agg(r.measure_id::text || r.agency_id::text || r.role, ',' ORDER BY r.measure_id, r.agency_id) FROM responsibility r JOIN measure m ON m.id = r.measure_id WHERE m.policy_id = $1) AS units,
              (SELECT string_agg(t.id::text || t.target_value::text, ',' ORDER BY t.id) FROM target t JOIN measure m ON m.id = t.measure_id WHERE m.policy_id = $1) AS targets`,
      [JIANGMEN],
    );
  const auditOf = (entityId: string) =>
    server.dataSource.query(`SELECT action FROM audit_record WHERE entity_id = $1 OR after->>'policyId' = $1 ORDER BY id`, [entityId]);

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await server.adminToken();
    office = await signedInUser(server, admin, 'OFFICE');
  });
  afterAll(() => server.close());

  it('imports, corrects, publishes, and a unit then reports on the new policy', async () => {
    const before = await jiangmenSnapshot();
    const { text, docNumber, newUnit } = simplifiedNotice();

    // Import: a DRAFT with its measures, units matched in either script and by short name, and warnings.
    const draft = (await server.ok<{ importNotice: Draft }>(IMPORT, { text }, office)).importNotice;
    expect(draft).toMatchObject({ status: 'DRAFT', version: 1, docNumber, issuedOn: '2025-04-10', issuedOnConfirmed: true });
    expect(draft.measures).toHaveLength(8);
    const [m1, m2, m3, m4, m5] = draft.measures;
    const unitsOf = (m: Draft['measures'][number]) => m.responsibilities.map((r) => [r.agency.id, r.role]);
    expect(unitsOf(m1).slice(0, 2)).toEqual([
      [RENSHE, 'LEAD'],
      [CAIZHENG, 'CO'],
    ]); // 市人社局, 市财政局 (simplified)
    expect(unitsOf(m1).filter(([, role]) => role === 'CO')).toHaveLength(8); // 市财政局 + the seven counties of 各县（市、区）
    expect(unitsOf(m1)).toContainEqual([TAISHAN, 'CO']);
    const created = m3.responsibilities.find((r) => r.agency.name === newUnit)!.agency;
    expect(created.createdByImport).toBe(true);
    expect(unitsOf(m3)).toContainEqual([FAGAI, 'CO']); // 市发改局: a reviewed short name of 市發展改革局
    expect(m3.targets.map((t) => [t.targetValue, t.unit, t.direction, t.year])).toEqual([[3000, '人次', 'AT_LEAST', 2025]]);
    expect(m3.targets[0].sourcePhrase).toContain('不少于3000人次');
    expect(m4.targets.map((t) => t.targetValue)).toEqual([1200]);
    expect(draft.warnings.filter((w) => w.kind === 'NEW_AGENCY')).toEqual([
      expect.objectContaining({ agencyId: created.id, measureId: m3.id }),
    ]);
    // A draft has no periods yet, and the same notice cannot be imported twice.
    expect(
      (
        await server.ok<{ reportingPeriods: unknown[] }>(
          `query ($p: ID!) { reportingPeriods(policyId: $p) { id } }`,
          { p: draft.id },
          office,
        )
      ).reportingPeriods,
    ).toEqual([]);
    const twice = await server.gql(IMPORT, { text }, office);
    expect(codeOf(twice)).toBe('CONFLICT');
    expect(twice.errors![0].extensions!.policyId).toBe(draft.id);

    // Corrections, each raising the version by one.
    const mapped = (
      await server.ok<{ mapDraftAgency: Draft }>(
        mutation('mapDraftAgency', 'MapDraftAgencyInput'),
        {
          input: { policyId: draft.id, version: 1, fromAgencyId: created.id, toAgencyId: FAGAI, remember: true },
        },
        office,
      )
    ).mapDraftAgency;
    expect(mapped.version).toBe(2);
    expect(mapped.warnings.filter((w) => w.kind === 'NEW_AGENCY')).toEqual([]);
    expect(unitsOf(mapped.measures[2]).filter(([id]) => id === FAGAI)).toEqual([[FAGAI, 'CO']]);
    expect(await server.dataSource.query(`SELECT id FROM agency WHERE id = $1`, [created.id])).toEqual([]); // nothing else named it

    const stale = await server.gql(
      mutation('updateDraftMeasure', 'UpdateDraftMeasureInput'),
      { input: { measureId: m2.id, version: 1, title: '旧版本的修改' } },
      office,
    );
    expect(codeOf(stale)).toBe('CONFLICT');
    expect((await server.dataSource.query(`SELECT title FROM measure WHERE id = $1`, [m2.id]))[0].title).toBe(m2.title);

    let version = 2;
    const correct = async (name: string, input: string, fields: Record<string, unknown>) => {
      const result = (await server.ok<Record<string, Draft>>(mutation(name, input), { input: { ...fields, version } }, office))[name];
      expect(result.version).toBe(++version);
      return result;
    };
    await correct('updateDraftTarget', 'UpdateDraftTargetInput', { targetId: m3.targets[0].id, targetValue: 3500 });
    const yearly = await correct('addDraftTarget', 'AddDraftTargetInput', {
      measureId: m5.id,
      name: '校园招聘活动',
      unit: '场',
      targetValue: 20,
      direction: 'AT_LEAST',
      years: [2025, 2026],
    });
    expect(yearly.measures[4].targets.map((t) => [t.name, t.year, t.targetValue])).toEqual([
      ['校园招聘活动', 2025, 20],
      ['校园招聘活动', 2026, 20],
    ]);
    await correct('updateDraftMeasure', 'UpdateDraftMeasureInput', { measureId: m2.id, title: '落实失业保险稳岗返还政策' });
    await correct('setDraftResponsibility', 'SetDraftResponsibilityInput', { measureId: m2.id, agencyId: CAIZHENG, role: 'LEAD' });
    const dated = await correct('updateDraftPolicy', 'UpdateDraftPolicyInput', {
      id: draft.id,
      issuedOn: '2025-04-12',
      title: '江门市关于进一步做好稳就业工作的若干措施（修订）',
    });
    expect(dated).toMatchObject({ issuedOn: '2025-04-12', issuedOnConfirmed: true });
    expect(dated.measures[1]).toMatchObject({ title: '落实失业保险稳岗返还政策' });
    expect(unitsOf(dated.measures[1])).toContainEqual([CAIZHENG, 'LEAD']);

    // Publish: periods from the issue date's quarter, and the units see their tasks.
    expect((await server.ok<{ publishPolicy: { status: string } }>(PUBLISH, { id: draft.id }, office)).publishPolicy.status).toBe(
      'PUBLISHED',
    );
    const periods = (
      await server.ok<{ reportingPeriods: { id: string; label: string }[] }>(
        `query ($p: ID!) { reportingPeriods(policyId: $p) { id label } }`,
        { p: draft.id },
      )
    ).reportingPeriods;
    expect(periods[0].label).toBe('2025Q2');
    expect(periods.at(-1)!.label).toBe(`${new Date().getUTCFullYear()}Q4`);
    const corrected = await correct('updateDraftMeasure', 'UpdateDraftMeasureInput', { measureId: m2.id, title: '发布后' }).catch(
      (e: Error) => e,
    );
    expect(String(corrected)).toContain('已发布的政策不能在草稿中修改');
    expect(codeOf(await server.gql(IMPORT, { text }, office))).toBe('CONFLICT');

    // A county's reporter reports on the new measure; the office accepts; targetProgress shows it.
    const reporter = await signedInUser(server, admin, 'REPORTER', TAISHAN);
    const tasks = (
      await server.ok<{ reportTasks: { measure: { id: string } }[] }>(
        `query ($p: ID!) { reportTasks(periodId: $p) { measure { id } } }`,
        { p: periods[0].id },
        reporter,
      )
    ).reportTasks;
    expect(tasks.map((t) => t.measure.id)).toContain(m3.id);
    const target = m3.targets[0].id;
    const saved = (
      await server.ok<{ saveProgressReport: { id: string; version: number } }>(
        SAVE,
        {
          input: {
            measureId: m3.id,
            periodId: periods[0].id,
            agencyId: TAISHAN,
            progress: '已开展数字技能培训 400 人次',
            problems: '',
            nextSteps: '',
            values: [{ targetId: target, countyId: TAISHAN, value: 400 }],
          },
        },
        reporter,
      )
    ).saveProgressReport;
    const submitted = (
      await server.ok<{ submitProgressReport: { version: number } }>(SUBMIT, { id: saved.id, version: saved.version }, reporter)
    ).submitProgressReport;
    await server.ok(REVIEW, { id: saved.id, version: submitted.version, decision: 'ACCEPT' }, office);
    const progress = (
      await server.ok<{ targetProgress: { target: { id: string; targetValue: number }; achieved: number }[] }>(TARGET_PROGRESS, {
        policyId: draft.id,
      })
    ).targetProgress;
    expect(progress.find((p) => p.target.id === target)).toMatchObject({ target: { targetValue: 3500 }, achieved: 400 });

    // Audited, step by step; the Jiangmen notice untouched.
    expect((await auditOf(draft.id)).map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining([
        'policy.import',
        'policy.draft.mapAgency',
        'target.draft.update',
        'target.draft.add',
        'measure.draft.update',
        'responsibility.draft.set',
        'policy.draft.update',
        'policy.publish',
      ]),
    );
    expect(await jiangmenSnapshot()).toEqual(before);
  });

  it('remembers a mapping: the next notice naming that unit finds it, with no new agency', async () => {
    const first = simplifiedNotice();
    const draft = (await server.ok<{ importNotice: Draft }>(IMPORT, { text: first.text }, admin)).importNotice;
    const created = draft.warnings.find((w) => w.kind === 'NEW_AGENCY')!.agencyId!;
    await server.ok(
      mutation('mapDraftAgency', 'MapDraftAgencyInput'),
      { input: { policyId: draft.id, version: 1, fromAgencyId: created, toAgencyId: FAGAI, remember: true } },
      admin,
    );
    const aliases = (
      await server.ok<{ agencyAliases: { alias: string; agency: { id: string } }[] }>(
        `{ agencyAliases { alias agency { id } } }`,
        {},
        admin,
      )
    ).agencyAliases;
    expect(aliases).toContainEqual({ alias: first.newUnit, agency: { id: FAGAI } });

    const second = simplifiedNotice();
    const again = (await server.ok<{ importNotice: Draft }>(IMPORT, { text: second.text.replace(second.newUnit, first.newUnit) }, admin))
      .importNotice;
    expect(again.warnings.filter((w) => w.kind === 'NEW_AGENCY')).toEqual([]);
    expect(again.measures[2].responsibilities.map((r) => r.agency.id)).toContain(FAGAI);
    expect(await server.ok(`mutation ($id: ID!) { deleteDraftPolicy(id: $id) }`, { id: again.id }, admin)).toEqual({
      deleteDraftPolicy: true,
    });
    expect(await server.dataSource.query(`SELECT id FROM policy WHERE id = $1`, [again.id])).toEqual([]);
    expect((await auditOf(again.id)).map((r: { action: string }) => r.action)).toEqual(['policy.import', 'policy.deleteDraft']);
  });

  it('refuses what is no notice, naming the line, and stores nothing', async () => {
    const count = () =>
      server.dataSource.query(
        `SELECT (SELECT count(*) FROM policy) AS p, (SELECT count(*) FROM agency) AS a, (SELECT count(*) FROM audit_record WHERE action = 'policy.import') AS i`,
      );
    const before = await count();
    const refused = await server.gql(IMPORT, { text: '会议纪要\n今天天气很好。\n大家讨论了午饭。' }, office);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions!.line).toEqual(expect.any(Number));
    expect(codeOf(await server.gql(IMPORT, { text: 'x'.repeat(200_001) }, office))).toBe('BAD_USER_INPUT');
    expect(await count()).toEqual(before);
  });

  it('lets only ADMIN and OFFICE import, correct and publish', async () => {
    const leader = await signedInUser(server, admin, 'LEADER');
    expect(codeOf(await server.gql(IMPORT, { text: simplifiedNotice().text }, leader))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(IMPORT, { text: simplifiedNotice().text }))).toBe('UNAUTHENTICATED');
  });
});
