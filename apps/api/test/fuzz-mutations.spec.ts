import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  OperationDefinitionNode,
  parse,
  print,
  typeFromAST,
} from 'graphql';
import { countyId, loadVariantNotice, PolicyIds, signedInUser } from './support/fixtures';
import { TestServer, uniqueName } from './support/test-server';
import { retireNewUnits, unitIds } from './support/units-fixtures';

/**
 * Malformed input across every mutation, as a careless client or an attacker sends it: seeded, bounded,
 * so a failure is reproducible (FUZZ_SEED=… to replay). Holds three things: no HTTP 5xx, no
 * INTERNAL_SERVER_ERROR, and a refused request writes nothing.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 5); // variants per mutation and role
const UNIT_MUTATIONS = /^Fuzz_(renameAgency|setAgencyActive|mergeAgencies)$/;
const CONTRACT = join(__dirname, 'contract/operations.graphql');
const SCHEMA = join(__dirname, '../schema.gql');

function random(seed: number) {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x6d2b79f5) >>> 0) / 2 ** 32;
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)], chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof random>;

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007',
  '\ud800',
  '\udfff',
  '😀'.repeat(30_000),
  'x'.repeat(100_000),
  '<script>alert(1)</script>',
  "'; DROP TABLE audit_record; --",
  '../../etc/passwd',
  '%00',
  '2024-02-30',
  '9999-99-99',
  '-1',
  'NaN',
  'Infinity',
  '1e309',
  'null',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '{"$gt":""}',
  '\u202e',
  '\ufeff',
  'ＡＢＣ',
  '江就辦〔2024〕1號',
];
const NASTY_NUMBERS = [-1, 0, 1, -0.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e308, -1e308, 3.7, 1e-300, Number.MAX_SAFE_INTEGER];
const NASTY_ANY = [
  null,
  true,
  false,
  [],
  {},
  [null],
  { a: { b: { c: {} } } },
  'x',
  12,
  -7.5,
  [1, 2, 3],
  Array.from({ length: 3000 }, () => 'x'),
];

/** A value for a GraphQL input type: usually near-valid (real ids, plausible values), often broken on purpose. */
function valueFor(type: GraphQLInputType, rnd: Random, ids: string[], depth = 0): unknown {
  if (rnd.chance(0.12)) return rnd.pick(NASTY_ANY);
  if (isNonNullType(type)) return rnd.chance(0.05) ? null : valueFor(type.ofType, rnd, ids, depth);
  if (isListType(type)) {
    const n = rnd.pick([0, 1, 2, 3, 50]);
    return Array.from({ length: n }, () => valueFor(type.ofType, rnd, ids, depth + 1));
  }
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) || rnd.chance(0.6)) out[field.name] = depth > 4 ? null : valueFor(field.type, rnd, ids, depth + 1);
    }
    if (rnd.chance(0.1)) out[rnd.pick(['__proto__', 'constructor', 'unknownField', 'id'])] = 'x';
    return out;
  }
  if (isEnumType(type)) return rnd.chance(0.8) ? rnd.pick(type.getValues()).value : rnd.pick(['', 'nope', 'green', 'ADMIN ']);
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return rnd.chance(0.7) ? rnd.pick(ids) : rnd.pick(NASTY_STRINGS);
      case 'String':
        return rnd.chance(0.5)
          ? rnd.pick(['台山市', '进展正常', '2024-11-30', '2024Q3', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k'])
          : rnd.pick(NASTY_STRINGS);
      case 'Int':
        return rnd.chance(0.7) ? rnd.pick([1, 2, 0, -1, 2 ** 31, 7]) : rnd.pick(NASTY_ANY);
      case 'Float':
        return rnd.pick(NASTY_NUMBERS);
      case 'Boolean':
        return rnd.chance(0.8) ? rnd.chance(0.5) : 'true';
      default:
        return rnd.pick([...NASTY_STRINGS.slice(0, 8), 12, null]);
    }
  }
  return null;
}

/** Every mutation: the contract's operations verbatim, and one generated for each other mutation of the schema. */
function mutations(schema: GraphQLSchema): { name: string; text: string; definition: OperationDefinitionNode }[] {
  const contract = parse(readFileSync(CONTRACT, 'utf8')).definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition' && d.operation === 'mutation',
  );
  const covered = new Set(contract.flatMap((d) => d.selectionSet.selections.map((s) => (s.kind === 'Field' ? s.name.value : ''))));
  const generated = Object.values(schema.getMutationType()!.getFields())
    .filter((f) => !covered.has(f.name))
    .map((f) => {
      const vars = f.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const args = f.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const selection = isScalarType(getNamedType(f.type)) || isEnumType(getNamedType(f.type)) ? '' : ' { __typename }';
      const text = `mutation Fuzz_${f.name}${vars ? `(${vars})` : ''} { ${f.name}${args ? `(${args})` : ''}${selection} }`;
      return parse(text).definitions[0] as OperationDefinitionNode;
    });
  return [...contract, ...generated].map((definition) => ({ name: definition.name!.value, text: print(definition), definition }));
}

describe('fuzzing every mutation with malformed input', () => {
  let server: TestServer;
  let schema: GraphQLSchema;
  let p: PolicyIds;
  let tokens: Record<string, string | undefined>;
  let ids: string[];
  let scratchUnits: string[];
  let unitsBefore: Set<string>;

  beforeAll(async () => {
    server = await TestServer.start();
    schema = buildSchema(readFileSync(SCHEMA, 'utf8'));
    p = await loadVariantNotice(server.dataSource, 371);
    const admin = await server.adminToken();
    tokens = {
      anonymous: undefined,
      admin,
      office: await signedInUser(server, admin, 'OFFICE'),
      reporter: await signedInUser(server, admin, 'REPORTER', countyId('440781')),
      leader: await signedInUser(server, admin, 'LEADER'),
    };
    const rows: { id: string }[] = await server.dataSource.query(
      `SELECT id::text FROM measure WHERE policy_id = $1 UNION ALL SELECT id::text FROM reporting_period WHERE policy_id = $1
       UNION ALL SELECT t.id::text FROM target t JOIN measure m ON m.id = t.measure_id WHERE m.policy_id = $1
       UNION ALL SELECT id::text FROM agency UNION ALL SELECT $1::text`,
      [p.policyId],
    );
    ids = rows.map((r) => r.id);
    // Renaming, deactivating and merging the Jiangmen units would change them for every later test
    // file: the units mutations get units of their own (created here, all departments).
    unitsBefore = await unitIds(server.dataSource);
    scratchUnits = [];
    for (let i = 0; i < 4; i++) {
      const name = uniqueName('模糊测试单位');
      const id = (
        await server.ok<{ createAgency: { id: string } }>(
          `mutation ($i: CreateAgencyInput!) { createAgency(input: $i) { id } }`,
          { i: { name, kind: 'DEPARTMENT' } },
          admin,
        )
      ).createAgency.id;
      scratchUnits.push(id);
    }
  });
  afterAll(async () => {
    // The fuzzed sign-ins failed from this machine's address: let the other test files sign in from it.
    await server.dataSource.query(`DELETE FROM sign_in_throttle`);
    // Units it added (createAgency accepts 进展正常 as a name) leave the lists other files count.
    await retireNewUnits(server.dataSource, unitsBefore);
    await server.close();
  });

  /** Row counts and the newest row version of every table: any insert, update or delete changes it. */
  async function footprint(): Promise<string> {
    const tables: { name: string }[] = await server.dataSource.query(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migration' ORDER BY 1`,
    );
    const parts = tables.map((t) => `(SELECT count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM "${t.name}")`);
    const [row] = await server.dataSource.query(`SELECT concat_ws(',', ${parts.join(', ')}) AS f`);
    return row.f as string;
  }

  // Hundreds of requests, each with a footprint of every table before and after (the shared test database
  // grows as other files run): ~45 s on an idle 2-core machine, more under load. Its own limit, not the 60 s default.
  it('answers every malformed request with a client error, never a 5xx, and a refusal stores nothing', async () => {
    const rnd = random(SEED);
    const problems: string[] = [];
    let requests = 0;
    let refusals = 0;
    for (const op of mutations(schema)) {
      // A failed sign-in is recorded on purpose (throttling, audit), and so is a wrong current password
      // in changePassword (it counts toward the same backoff): their refusals are allowed to write.
      const writesWhenRefused = op.definition.selectionSet.selections.some(
        (s) => s.kind === 'Field' && ['login', 'changePassword'].includes(s.name.value),
      );
      for (const [role, token] of Object.entries(tokens)) {
        for (let round = 0; round < ROUNDS; round++) {
          const variables: Record<string, unknown> = {};
          for (const v of op.definition.variableDefinitions ?? []) {
            if (rnd.chance(0.04)) continue; // a missing variable
            const opIds = UNIT_MUTATIONS.test(op.name) ? scratchUnits : ids;
            variables[v.variable.name.value] = valueFor(typeFromAST(schema, v.type as never) as GraphQLInputType, rnd, opIds);
          }
          const before = writesWhenRefused ? '' : await footprint();
          const res = await fetch(`${server.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            body: JSON.stringify({ query: op.text, variables }),
          });
          requests++;
          const text = await res.text();
          const where = `${op.name} as ${role}, round ${round} (FUZZ_SEED=${SEED}): ${JSON.stringify(variables).slice(0, 200)}`;
          if (res.status >= 500) problems.push(`HTTP ${res.status} ${text.slice(0, 300)} for ${where}`);
          let body: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] } = {};
          try {
            body = JSON.parse(text);
          } catch {
            problems.push(`not JSON for ${where}: ${text.slice(0, 200)}`);
          }
          if (body.errors?.some((e) => !e.extensions?.code || e.extensions.code === 'INTERNAL_SERVER_ERROR')) {
            problems.push(`internal error ${JSON.stringify(body.errors).slice(0, 300)} for ${where}`);
          }
          if (body.errors?.length) {
            refusals++;
            if (!writesWhenRefused && (await footprint()) !== before) problems.push(`a refused request wrote rows: ${where}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(requests).toBeGreaterThan(300);
    expect(refusals).toBeGreaterThan(requests * 0.8);
  }, 240_000);
});
