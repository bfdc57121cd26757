import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildClientSchema, getIntrospectionQuery, OperationDefinitionNode, parse, print, validate } from 'graphql';
import { seedIds } from '../src/policy/notice-seed';
import { ADMIN_PASSWORD, TestServer, uniqueName } from './support/test-server';

/**
 * The public contract (../shared/contract/operations.graphql, copied into the repo so a fresh clone
 * has it), each operation run verbatim against a real server on a real PostgreSQL.
 */
const COPY = join(__dirname, 'contract/operations.graphql');
const SHARED = join(__dirname, '../../../../shared/contract/operations.graphql');
const operations = new Map(
  parse(readFileSync(COPY, 'utf8'))
    .definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')
    .map((d) => [d.name!.value, print(d)]),
);

const DOC = '江就辦〔2024〕1號';
const POLICY = seedIds.policy(DOC);
const HESHAN = seedIds.agency({ agencyName: '鶴山市', kind: 'COUNTY', regionCode: '440784' });

/** Operations of later issues (progress reports, supervision review): not served yet. */
const LATER = [
  'SaveProgressReport', 'SubmitProgressReport', 'ReviewProgressReport', 'ProgressReport', 'TargetProgress',
  'OpenSupervisionReview', 'SupervisionReview', 'RateMeasure', 'AddSupervisionItem', 'RespondSupervisionItem',
  'CloseSupervisionItem', 'FinalizeSupervisionReview',
];

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

  it('is the same contract as the shared one, where the shared folder is present', () => {
    if (!existsSync(SHARED)) return; // a fresh clone outside the workplace has only the copy
    expect(readFileSync(COPY, 'utf8')).toBe(readFileSync(SHARED, 'utf8'));
  });

  it('validates every served operation against the running server’s schema', async () => {
    const introspection = await server.ok<Parameters<typeof buildClientSchema>[0]>(getIntrospectionQuery());
    const schema = buildClientSchema(introspection);
    for (const [name, text] of operations) {
      if (LATER.includes(name)) continue;
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
    expect((await run('Agencies', { kind: 'COUNTY' })).agencies).toHaveLength(7);
    expect((await run('Agencies', {})).agencies).toHaveLength(24);
  });

  it('Login', async () => {
    const data = await run('Login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(data.login.user).toMatchObject({ username: 'admin', role: 'ADMIN', agency: null });
  });

  it('CreateUser', async () => {
    const username = uniqueName('contract');
    const data = await run('CreateUser', { input: { username, password: 'contract-pass-1', role: 'REPORTER', agencyId: HESHAN } }, admin);
    expect(data.createUser).toMatchObject({ username, role: 'REPORTER', agency: { id: HESHAN, name: '鶴山市' } });
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

  it.todo(`the operations of later issues: ${LATER.join(', ')}`);
});
