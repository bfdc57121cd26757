import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addTypenameToDocument } from '@apollo/client/utilities';
import {
  buildSchema,
  DocumentNode,
  FragmentDefinitionNode,
  Kind,
  OperationDefinitionNode,
  parse,
  print,
  specifiedRules,
  validate,
  visit,
} from 'graphql';
import { QUERY_LIMITS } from '../src/common/query-limits';
import { operationCost } from '../src/common/query-limits-cost';
import { queryLimitRules } from '../src/common/query-limits-rules';

/**
 * Every GraphQL document the web sends (apps/web/src/**\/*.graphql, what codegen reads) and every
 * operation of the contract passes the query limits with room to spare: the same rules, with half
 * the cost, tokens, aliases and directives, and two levels less depth. No server needed.
 */
const root = join(__dirname, '../../..');
const schema = buildSchema(readFileSync(join(root, 'apps/api/schema.gql'), 'utf8'));

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return graphqlFiles(path);
    return entry.name.endsWith('.graphql') ? [path] : [];
  });
}

const files = [...graphqlFiles(join(root, 'apps/web/src')), join(root, 'apps/api/test/contract/operations.graphql')];
const definitions = files.flatMap((file) => parse(readFileSync(file, 'utf8')).definitions.map((definition) => ({ file, definition })));
const fragments = new Map(
  definitions.flatMap(({ definition }) =>
    definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
  ),
);
const operations = definitions.flatMap(({ file, definition }) =>
  definition.kind === Kind.OPERATION_DEFINITION ? [{ file, operation: definition }] : [],
);

/** The document as Apollo Client sends it: the operation, the fragments it uses, a __typename in every selection. */
function sentDocument(operation: OperationDefinitionNode): DocumentNode {
  const used = new Map<string, FragmentDefinitionNode>();
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          collect(fragment);
        }
      },
    });
  collect(operation);
  return addTypenameToDocument({ kind: Kind.DOCUMENT, definitions: [operation, ...used.values()] });
}

const withRoomToSpare = {
  ...QUERY_LIMITS,
  maxDepth: QUERY_LIMITS.maxDepth - 2,
  maxAliases: Math.floor(QUERY_LIMITS.maxAliases / 2),
  maxDirectives: Math.floor(QUERY_LIMITS.maxDirectives / 2),
  maxCost: QUERY_LIMITS.maxCost / 2,
};

describe('the web’s and the contract’s GraphQL documents against the query limits', () => {
  it('finds the documents', () => {
    expect(files.filter((f) => f.includes('apps/web/src')).length).toBeGreaterThanOrEqual(10);
    expect(operations.length).toBeGreaterThanOrEqual(40);
  });

  it.each(
    operations.map(({ file, operation }) => [operation.name?.value ?? '(anonymous)', file.slice(root.length + 1), operation] as const),
  )('%s (%s) passes with room to spare', (_name, _file, operation) => {
    const document = sentDocument(operation);
    expect(validate(schema, document, [...specifiedRules, ...queryLimitRules(withRoomToSpare)])).toEqual([]);
    // graphql-js counts tokens while parsing: half the limit must do.
    expect(() => parse(print(document), { maxTokens: QUERY_LIMITS.maxTokens / 2 })).not.toThrow();
  });

  it('the heaviest of them is far from the cost limit, and a nested policies query is not', () => {
    const costOf = (operation: OperationDefinitionNode) =>
      operationCost(schema, operation, (name) => fragments.get(name), QUERY_LIMITS.cost);
    const heaviest = Math.max(...operations.map(({ operation }) => costOf(operation)));
    expect(heaviest).toBeLessThanOrEqual(QUERY_LIMITS.maxCost / 2);

    const nested = parse('{ policies { sections { measures { section { measures { section { measures { seq } } } } } } } }');
    expect(validate(schema, nested, queryLimitRules()).map((e) => e.originalError?.message)).toEqual([
      expect.stringContaining('查询过于复杂'),
    ]);
  });
});
