import { chaseCandidates } from '../src/chasing/chase.queries';
import { prepareDatabase } from '../src/database/prepare-database';
import { departmentId, loadVariantNotice, PolicyIds, SAVE, signedInUser, SUBMIT, REVIEW } from './support/fixtures';
import { TestServer } from './support/test-server';
import {
  AGENCIES,
  CREATE,
  createUnit,
  footprint,
  forgetCounties,
  makeResponsible,
  RENAME,
  SET_ACTIVE,
  unitName,
  retireNewUnits,
  unitIds,
} from './support/units-fixtures';

describe('units (单位): add, rename, deactivate', () => {
  let server: TestServer;
  let admin: string;
  let office: string;
  let p: PolicyIds;
  const counties: string[] = [];
  let unitsBefore: Set<string>;

  beforeAll(async () => {
    server = await TestServer.start();
    unitsBefore = await unitIds(server.dataSource);
    admin = await server.adminToken();
    office = await signedInUser(server, admin, 'OFFICE');
    p = await loadVariantNotice(server.dataSource, 612);
  });
  afterAll(async () => {
    await forgetCounties(server.dataSource, counties);
    await retireNewUnits(server.dataSource, unitsBefore);
    await server.close();
  });

  /** Runs a request that must be refused (as the office unless a token or null for nobody is given) and checks it stored nothing. */
  const refusal = async (query: string, variables: Record<string, unknown>, token: string | null = office) => {
    const before = await footprint(server.dataSource);
    const res = await server.gql(query, variables, token ?? undefined);
    expect(await footprint(server.dataSource)).toBe(before);
    return res.errors?.[0];
  };
  const audits = (id: string) =>
    server.dataSource.query(`SELECT action, before, after FROM audit_record WHERE entity = 'agency' AND entity_id = $1 ORDER BY id`, [id]);

  it('createAgency adds an active unit, audited, listed by agencies', async () => {
    const name = unitName('新增局');
    const { createAgency } = await server.ok<{ createAgency: Record<string, unknown> }>(
      CREATE,
      { i: { name: `  ${name} `, kind: 'DEPARTMENT', shortName: '新增局' } },
      office,
    );
    expect(createAgency).toMatchObject({ name, shortName: '新增局', kind: 'DEPARTMENT', regionCode: null, active: true, mergedInto: null });
    const listed = (await server.ok<{ agencies: { id: string }[] }>(AGENCIES, {})).agencies.map((a) => a.id);
    expect(listed).toContain(createAgency.id);
    expect(await audits(createAgency.id as string)).toEqual([
      expect.objectContaining({ action: 'agency.create', before: null, after: expect.objectContaining({ name }) }),
    ]);
  });

  it('refuses a name another unit has, in either script and whatever the spaces', async () => {
    const tag = unitName('').slice(1);
    await createUnit(server, office, { name: `市人力資源測試局${tag}` });
    for (const name of [`市人力资源测试局${tag}`, `市人力 資源\u3000測試局 ${tag}`]) {
      const error = await refusal(CREATE, { i: { name, kind: 'DEPARTMENT' } });
      expect(error?.extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
    }
    // A seeded unit too, named in simplified characters.
    expect((await refusal(CREATE, { i: { name: '市财政局', kind: 'DEPARTMENT' } }))?.extensions?.code).toBe('CONFLICT');
    expect((await refusal(CREATE, { i: { name: ' ', kind: 'DEPARTMENT' } }))?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'name',
    });
  });

  it('a county needs a 6-digit division code of its own; a department has none', async () => {
    const name = unitName('测试县');
    expect((await refusal(CREATE, { i: { name, kind: 'COUNTY' } }))?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'regionCode',
    });
    expect((await refusal(CREATE, { i: { name, kind: 'COUNTY', regionCode: '44078' } }))?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'regionCode',
    });
    expect((await refusal(CREATE, { i: { name, kind: 'COUNTY', regionCode: '440781' } }))?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'regionCode',
    });
    expect((await refusal(CREATE, { i: { name, kind: 'DEPARTMENT', regionCode: '449901' } }))?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'regionCode',
    });
    const code = `99${String(process.pid % 10000).padStart(4, '0')}`;
    const id = await createUnit(server, office, { name, kind: 'COUNTY', regionCode: code });
    counties.push(id);
    const row = await server.dataSource.query(`SELECT region_code FROM agency WHERE id = $1`, [id]);
    expect(row[0].region_code).toBe(code);
  });

  it('only the office and admins manage units', async () => {
    const leader = await signedInUser(server, admin, 'LEADER');
    const reporter = await signedInUser(server, admin, 'REPORTER', departmentId('市財政局'));
    const unit = await createUnit(server, admin);
    for (const token of [leader, reporter]) {
      expect((await refusal(CREATE, { i: { name: unitName(), kind: 'DEPARTMENT' } }, token))?.extensions?.code).toBe('FORBIDDEN');
      expect((await refusal(RENAME, { id: unit, name: unitName() }, token))?.extensions?.code).toBe('FORBIDDEN');
      expect((await refusal(SET_ACTIVE, { id: unit, active: false }, token))?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await refusal(RENAME, { id: unit, name: unitName() }, null))?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await server.gql(`{ agencyStats { accounts } }`, {}, reporter)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a new name shows at once on the policy, the dashboard and in simplified texts; the audit keeps the old one', async () => {
    const oldName = unitName('旧名局');
    const unit = await createUnit(server, office, { name: oldName });
    await makeResponsible(server.dataSource, p.measure(2), unit);
    const overview = `query ($p: ID!, $q: ID!) { policyOverview(policyId: $p, periodId: $q) { measures { units { agency { id name } } } } }`;
    const names = async () => {
      const o = await server.ok<{ policyOverview: { measures: { units: { agency: { id: string; name: string } }[] }[] } }>(
        overview,
        { p: p.policyId, q: p.period('2024Q3') },
        office,
      );
      return o.policyOverview.measures
        .flatMap((m) => m.units)
        .filter((u) => u.agency.id === unit)
        .map((u) => u.agency.name);
    };
    expect(await names()).toEqual([oldName]); // now cached
    const newName = `${unitName('新名資源局')}`;
    const renamed = await server.ok<{ renameAgency: { name: string; shortName: string } }>(RENAME, { id: unit, name: newName }, office);
    expect(renamed.renameAgency).toEqual({ id: unit, name: newName, shortName: newName });
    expect(await names()).toEqual([newName]);
    const policy = await server.ok<{ policy: { measures: { responsibilities: { agency: { id: string; name: string } }[] }[] } }>(
      `query ($id: ID!) { policy(id: $id) { measures { responsibilities { agency { id name } } } } }`,
      { id: p.policyId },
    );
    expect(
      policy.policy.measures
        .flatMap((m) => m.responsibilities)
        .filter((r) => r.agency.id === unit)
        .map((r) => r.agency.name),
    ).toEqual([newName]);
    const texts = await server.ok<{ simplifiedTexts: { text: string; simplified: string }[] }>(
      `query ($id: ID!) { simplifiedTexts(policyId: $id) { text simplified } }`,
      { id: p.policyId },
    );
    expect(texts.simplifiedTexts).toContainEqual({ text: newName, simplified: newName.replace('資', '资') });
    expect((await audits(unit)).at(-1)).toMatchObject({ action: 'agency.rename', before: { name: oldName }, after: { name: newName } });
    // Another unit's name, in the other script: refused.
    expect((await refusal(RENAME, { id: unit, name: '市财政局' }))?.extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
  });

  it('a renamed seeded unit is still the one a notice (or a restart) names by its old name', async () => {
    const finance = departmentId('市財政局');
    const renamedTo = unitName('财政测试局');
    await server.ok(RENAME, { id: finance, name: renamedTo }, office);
    try {
      const variant = await loadVariantNotice(server.dataSource, 613);
      const responsible = await server.dataSource.query(
        `SELECT DISTINCT r.agency_id FROM responsibility r JOIN measure m ON m.id = r.measure_id WHERE m.policy_id = $1 AND r.agency_id = $2`,
        [variant.policyId, finance],
      );
      expect(responsible).toHaveLength(1);
      await prepareDatabase(server.dataSource);
      expect(await server.dataSource.query(`SELECT id FROM agency WHERE name = '市財政局'`)).toEqual([]);
    } finally {
      await server.ok(RENAME, { id: finance, name: '市財政局' }, office);
    }
  });

  it('an inactive unit is not chased, keeps its history and leaves the default list', async () => {
    const unit = await createUnit(server, office);
    await makeResponsible(server.dataSource, p.measure(4), unit);
    const chased = async () =>
      (await chaseCandidates(server.dataSource, 0)).filter((c: { agency_id: string }) => c.agency_id === unit).length;
    expect(await chased()).toBeGreaterThan(0);
    expect(
      (await server.ok<{ setAgencyActive: { active: boolean } }>(SET_ACTIVE, { id: unit, active: false }, office)).setAgencyActive.active,
    ).toBe(false);
    expect(await chased()).toBe(0);
    expect((await server.ok<{ agencies: { id: string }[] }>(AGENCIES, {})).agencies.map((a) => a.id)).not.toContain(unit);
    expect((await server.ok<{ agencies: { id: string; active: boolean }[] }>(AGENCIES, { all: true })).agencies).toContainEqual(
      expect.objectContaining({ id: unit, active: false }),
    );
    expect(await server.dataSource.query(`SELECT 1 FROM responsibility WHERE agency_id = $1`, [unit])).toHaveLength(1);
    await server.ok(SET_ACTIVE, { id: unit, active: true }, office);
    expect(await chased()).toBeGreaterThan(0);
    expect((await audits(unit)).map((a: { action: string }) => a.action)).toEqual([
      'agency.create',
      'agency.deactivate',
      'agency.activate',
    ]);
  });

  it('is refused while the unit has reports awaiting review, and allowed once they are decided', async () => {
    const unit = await createUnit(server, office);
    await makeResponsible(server.dataSource, p.measure(4), unit);
    const reporter = await signedInUser(server, admin, 'REPORTER', unit);
    const saved = (
      await server.ok<{ saveProgressReport: { id: string; version: number } }>(
        SAVE,
        { input: { measureId: p.measure(4), periodId: p.period('2024Q3'), agencyId: unit, progress: '进展', values: [] } },
        reporter,
      )
    ).saveProgressReport;
    expect(
      (await server.ok<{ setAgencyActive: { active: boolean } }>(SET_ACTIVE, { id: unit, active: false }, office)).setAgencyActive.active,
    ).toBe(false); // a draft does not hold it up
    await server.ok(SET_ACTIVE, { id: unit, active: true }, office);
    const submitted = (
      await server.ok<{ submitProgressReport: { version: number } }>(SUBMIT, { id: saved.id, version: saved.version }, reporter)
    ).submitProgressReport;
    const error = await refusal(SET_ACTIVE, { id: unit, active: false });
    expect(error?.extensions).toMatchObject({ code: 'CONFLICT', submittedReports: [expect.stringContaining('2024Q3')] });
    await server.ok(REVIEW, { id: saved.id, version: submitted.version, decision: 'ACCEPT' }, office);
    expect(
      (await server.ok<{ setAgencyActive: { active: boolean } }>(SET_ACTIVE, { id: unit, active: false }, office)).setAgencyActive.active,
    ).toBe(false);
  });

  it('agencyStats counts each unit’s accounts and responsibilities', async () => {
    const unit = await createUnit(server, office);
    await makeResponsible(server.dataSource, p.measure(5), unit);
    await makeResponsible(server.dataSource, p.measure(6), unit);
    await signedInUser(server, admin, 'REPORTER', unit);
    const stats = await server.ok<{ agencyStats: { agency: { id: string }; accounts: number; responsibilities: number }[] }>(
      `{ agencyStats { agency { id } accounts responsibilities } }`,
      {},
      office,
    );
    expect(stats.agencyStats.find((s) => s.agency.id === unit)).toMatchObject({ accounts: 1, responsibilities: 2 });
  });
});
