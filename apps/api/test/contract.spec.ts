import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildClientSchema, getIntrospectionQuery, OperationDefinitionNode, parse, print, validate } from 'graphql';
import { seedIds } from '../src/policy/notice-seed';
import { ADMIN_PASSWORD, codeOf, TestServer, uniqueName } from './support/test-server';
import { countyId, loadVariantNotice, signedInUser } from './support/fixtures';
import { removeSmallPolicies, smallPolicy } from './support/accounts-fixtures';
import { simplifiedNotice } from './support/notice-fixtures';

/**
 * The public contract (../shared/contract/operations.graphql, copied into the repo so a fresh clone
 * has it), each operation run verbatim against a real server on a real PostgreSQL.
 */
const COPY = join(__dirname, 'contract/operations.graphql');
const SHARED = join(__dirname, '../../../../shared/contract/operations.graphql');
const operationsOf = (text: string) =>
  new Map(
    parse(text)
      .definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')
      .map((d) => [d.name!.value, print(d)]),
  );
const operations = operationsOf(readFileSync(COPY, 'utf8'));

/** Shared operations whose feature is still an open issue (see `issues show N`). */
const NOT_YET_SERVED: Record<string, string> = {};

const DOC = '江就辦〔2024〕1號';
const POLICY = seedIds.policy(DOC);
const HESHAN = seedIds.agency({ agencyName: '鶴山市', kind: 'COUNTY', regionCode: '440784' });

describe('the public API contract', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await server.adminToken();
  });
  afterAll(() => server.close());

  const run = (name: string, variables: Record<string, unknown> = {}, token?: string) => {
    const query = operations.get(name);
    if (!query) throw new Error(`${name} is not in the contract`);
    return server.ok<Record<string, any>>(query, variables, token); // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  it('is the shared contract, each operation verbatim, where the shared folder is present', () => {
    if (!existsSync(SHARED)) return; // a fresh clone outside the workplace has only the copy
    const shared = operationsOf(readFileSync(SHARED, 'utf8'));
    for (const [name, text] of operations) expect({ name, text: shared.get(name) }).toEqual({ name, text });
    // Operations the shared contract has gained for work not built yet: named here, with their issue,
    // so that a new one cannot slip in unnoticed and a built one must join the copy (and its test).
    const missing = [...shared.keys()].filter((name) => !operations.has(name)).sort();
    expect(missing).toEqual(Object.keys(NOT_YET_SERVED).sort());
  });

  it('validates every served operation against the running server’s schema', async () => {
    const introspection = await server.ok<Parameters<typeof buildClientSchema>[0]>(getIntrospectionQuery());
    const schema = buildClientSchema(introspection);
    for (const [name, text] of operations) {
      expect({ name, errors: validate(schema, parse(text)).map((e) => e.message) }).toEqual({ name, errors: [] });
    }
  });

  it('PolicyStructure', async () => {
    const data = await run('PolicyStructure');
    const policy = data.policies.find((p: { docNumber: string }) => p.docNumber === DOC);
    expect(policy).toMatchObject({ id: POLICY, issuedOn: '2024-07-26' });
    expect(policy.sections).toHaveLength(4);
    expect(policy.measures).toHaveLength(15);
  });

  it('Agencies', async () => {
    // Other test files add units of their own (createAgency) to this database: the Jiangmen notice's
    // 24 (7 county governments among them) must all be there, active, whatever else is.
    const jiangmen: { id: string; kind: string }[] = await server.dataSource.query(
      `SELECT DISTINCT a.id::text, a.kind FROM responsibility r JOIN measure m ON m.id = r.measure_id JOIN agency a ON a.id = r.agency_id WHERE m.policy_id = $1`,
      [POLICY],
    );
    expect(jiangmen).toHaveLength(24);
    const ids = (list: { id: string }[]) => list.map((a) => a.id);
    expect(ids((await run('Agencies', { kind: 'COUNTY' })).agencies)).toEqual(
      expect.arrayContaining(ids(jiangmen.filter((a) => a.kind === 'COUNTY'))),
    );
    expect(jiangmen.filter((a) => a.kind === 'COUNTY')).toHaveLength(7);
    expect(ids((await run('Agencies', {})).agencies)).toEqual(expect.arrayContaining(ids(jiangmen)));
  });

  it('Login', async () => {
    const data = await run('Login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(data.login.user).toMatchObject({ username: 'admin', role: 'ADMIN', agency: null });
  });

  it('Logout', async () => {
    const token = await server.adminToken();
    expect(await run('Logout', {}, token)).toEqual({ logout: true });
    expect((await server.gql(`{ me { id } }`, {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('CreateUser', async () => {
    const username = uniqueName('contract');
    const data = await run('CreateUser', { input: { username, password: 'contract-pass-1', role: 'REPORTER', agencyId: HESHAN } }, admin);
    expect(data.createUser).toMatchObject({ username, role: 'REPORTER', agency: { id: HESHAN, name: '鶴山市' } });
  });

  it('Users, SetUserActive, ResetPassword, ChangePassword', async () => {
    const username = uniqueName('contract');
    const made = (await run('CreateUser', { input: { username, password: 'contract-pass-1', role: 'REPORTER', agencyId: HESHAN } }, admin))
      .createUser;
    const listed = (await run('Users', {}, admin)).users.find((u: { id: string }) => u.id === made.id);
    expect(listed).toEqual({
      id: made.id,
      username,
      role: 'REPORTER',
      active: true,
      mustChangePassword: false,
      agency: { id: HESHAN, name: '鶴山市' },
    });

    expect((await run('SetUserActive', { id: made.id, active: false }, admin)).setUserActive).toEqual({ id: made.id, active: false });
    expect((await run('SetUserActive', { id: made.id, active: true }, admin)).setUserActive).toEqual({ id: made.id, active: true });

    const temporary = (await run('ResetPassword', { id: made.id }, admin)).resetPassword.temporaryPassword;
    expect(temporary).toHaveLength(12);
    const signedIn = (await run('Login', { username, password: temporary })).login;
    expect(
      (await run('ChangePassword', { currentPassword: temporary, newPassword: 'Contract-pass-2' }, signedIn.accessToken)).changePassword,
    ).toBe(true);
    expect((await run('Login', { username, password: 'Contract-pass-2' })).login.user.username).toBe(username);
  });

  it('CreateUnitAccounts', async () => {
    const p = await smallPolicy(server.dataSource, 1); // units of its own, removed again: the tests below count counties
    try {
      const made = (await run('CreateUnitAccounts', { policyId: p.policyId }, admin)).createUnitAccounts;
      expect(made).toHaveLength(2);
      expect(made[0]).toMatchObject({
        temporaryPassword: expect.any(String),
        user: { username: `r${p.countyCode}`, role: 'REPORTER', agency: { id: p.agencyIds[0] } },
      });
      expect((await run('CreateUnitAccounts', { policyId: p.policyId }, admin)).createUnitAccounts).toEqual([]);
    } finally {
      await removeSmallPolicies(server.dataSource);
    }
  });

  it('ImportNotice', async () => {
    const { text, docNumber, newUnit } = simplifiedNotice();
    const imported = (await run('ImportNotice', { text }, admin)).importNotice;
    expect(imported).toMatchObject({ status: 'DRAFT', docNumber, issuedOn: '2025-04-10' });
    expect(imported.measures).toHaveLength(8);
    // 市财政局 (simplified) is the Jiangmen notice's 市財政局; a name matching no unit is a new one, in warnings.
    expect(imported.measures[0].responsibilities[1]).toEqual({
      role: 'CO',
      agency: expect.objectContaining({ name: '市財政局', kind: 'DEPARTMENT' }),
    });
    expect(imported.warnings).toContainEqual({ line: expect.any(Number), message: expect.stringContaining(newUnit) });
    expect(codeOf(await server.gql(operations.get('ImportNotice')!, { text: '不是通知' }, admin))).toBe('BAD_USER_INPUT');
  });

  it('PublishPolicy', async () => {
    const imported = (await run('ImportNotice', { text: simplifiedNotice().text }, admin)).importNotice;
    expect((await run('PublishPolicy', { id: imported.id }, admin)).publishPolicy).toEqual({ id: imported.id, status: 'PUBLISHED' });
    expect((await run('ReportingPeriods', { policyId: imported.id })).reportingPeriods[0]).toMatchObject({ label: '2025Q2' });
  });

  it('ReportingPeriods', async () => {
    const data = await run('ReportingPeriods', { policyId: POLICY });
    expect(data.reportingPeriods[0]).toMatchObject({ label: '2024Q3', dueOn: '2024-10-10' });
  });

  it('SetQuota', async () => {
    const target = seedIds.target(DOC, 10, '事業單位崗位', 2024);
    const data = await run('SetQuota', { targetId: target, countyId: HESHAN, value: 260 }, admin);
    expect(data.setQuota).toEqual({ county: { id: HESHAN }, quota: 260 });
  });

  it('SetQuotas', async () => {
    const p = await loadVariantNotice(server.dataSource, 1261);
    const target = p.target(11, '公益性崗位');
    const [targetValue] = (await server.dataSource.query(`SELECT target_value::float AS v FROM target WHERE id = $1`, [target])).map(
      (r: { v: number }) => r.v,
    );
    const quotas = [{ countyId: HESHAN, value: targetValue - 10 }];
    const short = await server.gql(operations.get('SetQuotas')!, { targetId: target, quotas }, admin);
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', shortfall: 10 });
    const data = await run('SetQuotas', { targetId: target, quotas, allowShortfall: true }, admin);
    expect(data.setQuotas).toMatchObject({ sum: targetValue - 10, shortfall: 10 });
    expect(data.setQuotas.byCounty).toHaveLength(7);
    expect(data.setQuotas.byCounty.find((c: { county: { id: string } }) => c.county.id === HESHAN).quota).toBe(targetValue - 10);
  });

  it('SaveProgressReport, SubmitProgressReport, ReviewProgressReport, ProgressReport, TargetProgress', async () => {
    const p = await loadVariantNotice(server.dataSource, 201);
    const enping = countyId('440785');
    const reporter = await signedInUser(server, admin, 'REPORTER', enping);
    const office = await signedInUser(server, admin, 'OFFICE');
    const target = p.target(11, '公益性崗位');
    const input = {
      measureId: p.measure(11),
      periodId: p.period('2024Q4'),
      agencyId: enping,
      progress: '新开发公益性岗位 35 个',
      problems: '',
      nextSteps: '继续开发',
      values: [{ targetId: target, countyId: enping, value: 35 }],
    };
    const saved = (await run('SaveProgressReport', { input }, reporter)).saveProgressReport;
    expect(saved).toMatchObject({ status: 'DRAFT', version: 1 });
    const updated = (
      await run(
        'SaveProgressReport',
        {
          input: {
            ...input,
            id: saved.id,
            version: 1,
            progress: '新开发公益性岗位 40 个',
            values: [{ targetId: target, countyId: enping, value: 40 }],
          },
        },
        reporter,
      )
    ).saveProgressReport;
    expect(updated).toMatchObject({ id: saved.id, status: 'DRAFT', version: 2 });
    const submitted = (await run('SubmitProgressReport', { id: saved.id, version: 2 }, reporter)).submitProgressReport;
    expect(submitted).toEqual({ id: saved.id, status: 'SUBMITTED', version: 3 });
    const accepted = (await run('ReviewProgressReport', { id: saved.id, version: 3, decision: 'ACCEPT', comment: null }, office))
      .reviewProgressReport;
    expect(accepted).toEqual({ id: saved.id, status: 'ACCEPTED', version: 4 });
    const report = (await run('ProgressReport', { id: saved.id }, reporter)).progressReport;
    expect(report).toMatchObject({
      measure: { seq: 11 },
      agency: { id: enping },
      period: { label: '2024Q4' },
      progress: '新开发公益性岗位 40 个',
      nextSteps: '继续开发',
    });
    expect(report.values).toEqual([{ target: { id: target }, county: { id: enping }, value: 40 }]);
    const progress = (await run('TargetProgress', { policyId: p.policyId, periodId: p.period('2024Q4') })).targetProgress;
    const welfare = progress.find((t: { target: { id: string } }) => t.target.id === target);
    expect(welfare).toMatchObject({ achieved: 40, pending: 0, percent: 10 });
    expect(welfare.byCounty).toHaveLength(7);
    expect(welfare.byCounty.find((c: { county: { id: string } }) => c.county.id === enping)).toMatchObject({
      quota: null,
      achieved: 40,
      pending: 0,
    });
    expect(progress).toHaveLength(4);
  });

  it('OpenSupervisionReview, SupervisionReview, RateMeasure, AddSupervisionItem, RespondSupervisionItem, CloseSupervisionItem, FinalizeSupervisionReview', async () => {
    const p = await loadVariantNotice(server.dataSource, 202);
    const office = await signedInUser(server, admin, 'OFFICE');
    const taishan = countyId('440781');
    const reporter = await signedInUser(server, admin, 'REPORTER', taishan);
    const opened = (await run('OpenSupervisionReview', { policyId: p.policyId, periodId: p.period('2024Q3') }, office))
      .openSupervisionReview;
    expect(opened.status).toBe('OPEN');
    expect(
      (await run('OpenSupervisionReview', { policyId: p.policyId, periodId: p.period('2024Q3') }, office)).openSupervisionReview.id,
    ).toBe(opened.id);

    const rated = (
      await run('RateMeasure', { reviewId: opened.id, measureId: p.measure(1), rating: 'YELLOW', reason: '部分县区进度偏慢' }, office)
    ).rateMeasure;
    expect(rated).toMatchObject({ measure: { id: p.measure(1), seq: 1 }, rating: 'YELLOW', reason: '部分县区进度偏慢' });
    expect(['GREEN', 'YELLOW', 'RED']).toContain(rated.computedRating);

    const item = (
      await run(
        'AddSupervisionItem',
        {
          input: {
            reviewId: opened.id,
            measureId: p.measure(11),
            agencyId: taishan,
            request: '说明公益性岗位开发进度',
            dueOn: '2099-11-15',
          },
        },
        office,
      )
    ).addSupervisionItem;
    expect(item).toMatchObject({ status: 'OPEN', dueOn: '2099-11-15' });
    expect((await run('RespondSupervisionItem', { id: item.id, response: '已新开发岗位 30 个' }, reporter)).respondSupervisionItem).toEqual(
      { id: item.id, status: 'RESPONDED' },
    );

    const review = (await run('SupervisionReview', { id: opened.id }, office)).supervisionReview;
    expect(review).toMatchObject({ id: opened.id, status: 'OPEN', period: { id: p.period('2024Q3'), label: '2024Q3' } });
    expect(review.ratings).toHaveLength(15);
    expect(review.ratings[0]).toMatchObject({ measure: { seq: 1 }, rating: 'YELLOW', reason: '部分县区进度偏慢' });
    expect(review.ratings[1]).toMatchObject({ measure: { seq: 2 }, reason: null });
    expect(review.ratings[1].rating).toBe(review.ratings[1].computedRating);
    expect(review.items).toEqual([
      {
        id: item.id,
        status: 'RESPONDED',
        measure: { id: p.measure(11), seq: 11 },
        agency: { id: taishan, name: '台山市' },
        request: '说明公益性岗位开发进度',
        dueOn: '2099-11-15',
        response: '已新开发岗位 30 个',
      },
    ]);

    expect((await run('FinalizeSupervisionReview', { id: opened.id }, office)).finalizeSupervisionReview).toEqual({
      id: opened.id,
      status: 'FINAL',
    });
    expect((await run('CloseSupervisionItem', { id: item.id }, office)).closeSupervisionItem).toEqual({ id: item.id, status: 'CLOSED' });
  });
});
