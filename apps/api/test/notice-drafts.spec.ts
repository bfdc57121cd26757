import { buildSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMPORT, PUBLISH, simplifiedNotice } from './support/notice-fixtures';
import { codeOf, TestServer } from './support/test-server';
import { countyId, signedInUser } from './support/fixtures';

/**
 * A DRAFT is the office's: every query that takes a policy's (or its target's) id answers NOT_FOUND to
 * LEADER, REPORTER and anonymous callers, and `policies` does not list it. A notice without a doc
 * number or a date gets stand-ins and warnings, and is published only once the office has set both.
 */
const ZERO = '00000000-0000-4000-8000-000000000000';

interface Walk {
  query: string;
  args: (ids: { policy: string; target: string }) => Record<string, unknown>;
  /** Roles the query is open to at all (others are refused by role first, which leaks nothing either). */
  openTo: ('LEADER' | 'REPORTER' | 'ANONYMOUS')[];
}

const WALK: Record<string, Walk> = {
  policy: {
    query: `query ($id: ID!) { policy(id: $id) { id } }`,
    args: (i) => ({ id: i.policy }),
    openTo: ['LEADER', 'REPORTER', 'ANONYMOUS'],
  },
  reportingPeriods: {
    query: `query ($p: ID!) { reportingPeriods(policyId: $p) { id } }`,
    args: (i) => ({ p: i.policy }),
    openTo: ['LEADER', 'REPORTER', 'ANONYMOUS'],
  },
  simplifiedTexts: {
    query: `query ($p: ID!) { simplifiedTexts(policyId: $p) { text } }`,
    args: (i) => ({ p: i.policy }),
    openTo: ['LEADER', 'REPORTER', 'ANONYMOUS'],
  },
  targetProgress: {
    query: `query ($p: ID!) { targetProgress(policyId: $p) { achieved } }`,
    args: (i) => ({ p: i.policy }),
    openTo: ['LEADER', 'REPORTER', 'ANONYMOUS'],
  },
  targetTrend: {
    query: `query ($p: ID!) { targetTrend(policyId: $p) { target { id } } }`,
    args: (i) => ({ p: i.policy }),
    openTo: ['LEADER', 'REPORTER'],
  },
  policyOverview: {
    query: `query ($p: ID!, $q: ID!) { policyOverview(policyId: $p, periodId: $q) { hasReports } }`,
    args: (i) => ({ p: i.policy, q: ZERO }),
    openTo: ['LEADER', 'REPORTER'],
  },
  progressReports: {
    query: `query ($p: ID!) { progressReports(policyId: $p) { id } }`,
    args: (i) => ({ p: i.policy }),
    openTo: ['LEADER', 'REPORTER'],
  },
  supervisionReviews: {
    query: `query ($p: ID!) { supervisionReviews(policyId: $p) { id } }`,
    args: (i) => ({ p: i.policy }),
    openTo: ['LEADER', 'REPORTER'],
  },
  figureSources: {
    query: `query ($t: ID!) { figureSources(targetId: $t) { value } }`,
    args: (i) => ({ t: i.target }),
    openTo: ['LEADER', 'REPORTER'],
  },
  supervisionItems: {
    query: `query ($p: ID) { supervisionItems(policyId: $p) { id } }`,
    args: (i) => ({ p: i.policy }),
    openTo: ['LEADER', 'REPORTER'],
  },
  chaseDeliveries: { query: `query ($p: ID) { chaseDeliveries(policyId: $p) { id } }`, args: (i) => ({ p: i.policy }), openTo: [] },
  reviewQueue: { query: `query ($p: ID) { reviewQueue(policyId: $p) { id } }`, args: (i) => ({ p: i.policy }), openTo: [] },
  periodSettings: { query: `query ($p: ID!) { periodSettings(policyId: $p) { id } }`, args: (i) => ({ p: i.policy }), openTo: [] },
  quotaTable: { query: `query ($t: ID!) { quotaTable(targetId: $t) { sum } }`, args: (i) => ({ t: i.target }), openTo: [] },
};

describe('draft policies', () => {
  let server: TestServer;
  let admin: string;
  let draft: { id: string; target: string };

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await server.adminToken();
    const imported = (
      await server.ok<{ importNotice: { id: string; measures: { targets: { id: string }[] }[] } }>(
        IMPORT,
        { text: simplifiedNotice().text },
        admin,
      )
    ).importNotice;
    draft = { id: imported.id, target: imported.measures.flatMap((m) => m.targets)[0].id };
  });
  afterAll(() => server.close());

  it('walks every query that takes a policy or target id', () => {
    const schema = buildSchema(readFileSync(join(__dirname, '../schema.gql'), 'utf8'));
    const taking = Object.values(schema.getQueryType()!.getFields())
      .filter((f) => f.args.some((a) => a.name === 'policyId' || a.name === 'targetId') || f.name === 'policy')
      .map((f) => f.name)
      .sort();
    expect(taking).toEqual(Object.keys(WALK).sort());
  });

  it('is NOT_FOUND to LEADER, REPORTER and anonymous callers, and not in their policies', async () => {
    const callers = {
      LEADER: await signedInUser(server, admin, 'LEADER'),
      REPORTER: await signedInUser(server, admin, 'REPORTER', countyId('440781')), // a unit the draft names
      ANONYMOUS: undefined,
    };
    for (const [role, token] of Object.entries(callers) as [keyof typeof callers, string | undefined][]) {
      for (const [name, walk] of Object.entries(WALK)) {
        const res = await server.gql(walk.query, walk.args({ policy: draft.id, target: draft.target }), token);
        const expected = walk.openTo.includes(role) ? ['NOT_FOUND'] : ['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED'];
        expect({ role, name, code: expected.includes(codeOf(res) as string) ? 'refused' : codeOf(res), data: res.data ?? null }).toEqual({
          role,
          name,
          code: 'refused',
          data: null,
        });
      }
      const listed = (await server.ok<{ policies: { id: string }[] }>(`{ policies { id } }`, {}, token)).policies.map((p) => p.id);
      expect(listed).not.toContain(draft.id);
    }
    // The office sees it, in the list and by id.
    expect(
      (await server.ok<{ policies: { id: string; status: string }[] }>(`{ policies { id status } }`, {}, admin)).policies,
    ).toContainEqual({ id: draft.id, status: 'DRAFT' });
    expect(codeOf(await server.gql(WALK.policy.query, { id: draft.id }, admin))).toBeUndefined();
  });

  it('puts stand-ins for a missing doc number and date, warns, and publishes only once both are set', async () => {
    const { text } = simplifiedNotice({ withoutDocNumber: true, withoutDate: true });
    const got = (
      await server.ok<{
        importNotice: {
          id: string;
          docNumber: string;
          issuedOn: string;
          issuedOnConfirmed: boolean;
          version: number;
          warnings: { kind: string }[];
        };
      }>(IMPORT, { text }, admin)
    ).importNotice;
    expect(got.issuedOnConfirmed).toBe(false);
    expect(got.issuedOn).toBe(new Date().toISOString().slice(0, 10));
    expect(got.docNumber).toMatch(/^待补文号-/);
    expect(got.warnings.map((w) => w.kind)).toEqual(expect.arrayContaining(['NO_DOC_NUMBER', 'NO_DATE']));

    const refused = await server.gql(PUBLISH, { id: got.id }, admin);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    const update = `mutation ($input: UpdateDraftPolicyInput!) { updateDraftPolicy(input: $input) { version issuedOnConfirmed warnings { kind } } }`;
    const docNumber = simplifiedNotice().docNumber;
    const numbered = (
      await server.ok<{ updateDraftPolicy: { version: number; warnings: { kind: string }[] } }>(
        update,
        { input: { id: got.id, version: got.version, docNumber } },
        admin,
      )
    ).updateDraftPolicy;
    expect(numbered.warnings.map((w) => w.kind)).not.toContain('NO_DOC_NUMBER');
    expect(codeOf(await server.gql(PUBLISH, { id: got.id }, admin))).toBe('BAD_USER_INPUT'); // the date is still a stand-in
    expect(codeOf(await server.gql(update, { input: { id: got.id, version: numbered.version, issuedOn: '2025-02-30' } }, admin))).toBe(
      'BAD_USER_INPUT',
    );
    const dated = (
      await server.ok<{ updateDraftPolicy: { version: number; issuedOnConfirmed: boolean; warnings: { kind: string }[] } }>(
        update,
        { input: { id: got.id, version: numbered.version, issuedOn: '2025-06-01' } },
        admin,
      )
    ).updateDraftPolicy;
    expect(dated.issuedOnConfirmed).toBe(true);
    expect(dated.warnings.map((w) => w.kind)).not.toContain('NO_DATE');
    expect((await server.ok<{ publishPolicy: { status: string } }>(PUBLISH, { id: got.id }, admin)).publishPolicy.status).toBe('PUBLISHED');
    expect(codeOf(await server.gql(PUBLISH, { id: got.id }, admin))).toBe('BAD_USER_INPUT');
  });
});
