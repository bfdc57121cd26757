import { buildSchema, GraphQLError, OperationDefinitionNode, parse, FragmentDefinitionNode, Kind, validate, specifiedRules } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { formatGraphQLError, TIMEOUT_CODE } from './graphql-errors';
import { QUERY_LIMITS } from './query-limits';
import { operationCost } from './query-limits-cost';
import { apolloRequestLimits, QueryLimitError, queryLimitRules, tokenLimitRefusal } from './query-limits-rules';

const schema = buildSchema(`
  type Query { policies: [Policy!]! policy(id: ID!): Policy }
  type Policy { id: ID! title: String! trajectory: [Float!] sections: [Section!]! measures: [Measure!]! }
  type Section { seq: Int! measures: [Measure!]! }
  type Measure { seq: Int! section: Section! status: Status }
  enum Status { DRAFT SUBMITTED }
`);
const weights = { scalar: 1, object: 1, listFactor: 10 };

function costOf(source: string): number {
  const document = parse(source);
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return operationCost(schema, operation, (name) => fragments.get(name), weights);
}

describe('the list-aware cost estimate', () => {
  it('multiplies what is selected under a list of objects, not a list of numbers', () => {
    expect(costOf('{ policy(id: 1) { id title trajectory } }')).toBe(1 + 3);
    expect(costOf('{ policies { id title trajectory } }')).toBe((1 + 3) * 10);
  });

  it('multiplies nested lists, and a single object under a list adds no factor', () => {
    expect(costOf('{ policies { sections { seq } } }')).toBe((1 + (1 + 1) * 10) * 10);
    expect(costOf('{ policies { measures { section { seq } } } }')).toBe((1 + (1 + (1 + 1)) * 10) * 10);
  });

  it('counts fragments and inline fragments like the fields they hold, each spread again', () => {
    const inline = costOf('{ policies { sections { seq } } }');
    expect(costOf('{ policies { ...P } } fragment P on Policy { sections { seq } }')).toBe(inline);
    expect(costOf('{ policies { ... on Policy { sections { seq } } } }')).toBe(inline);
    expect(costOf('{ policies { ...P ...P } } fragment P on Policy { id }')).toBe((1 + 2) * 10);
  });

  it('leaves out __typename and introspection, and survives a cycle of fragments', () => {
    expect(costOf('{ __typename policies { __typename id } }')).toBe(20);
    expect(costOf('{ __schema { types { fields { name } } } }')).toBe(0);
    expect(Number.isFinite(costOf('{ policies { sections { ...S } } } fragment S on Section { measures { section { ...S } } }'))).toBe(
      true,
    );
  });
});

describe('the query limit rules', () => {
  const refusals = (source: string) =>
    validate(schema, parse(source), [...specifiedRules, ...queryLimitRules()]).map((e) => e.originalError);

  it('refuse with a QueryLimitError naming the limit, and pass a small query', () => {
    expect(refusals('{ policies { id } }')).toEqual([]);
    const deep = `{ policies { sections { ${'measures { section { '.repeat(5)} seq ${'} } '.repeat(5)} } } }`;
    expect(refusals(deep)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'BAD_USER_INPUT',
          details: expect.objectContaining({ limit: 'depth', max: QUERY_LIMITS.maxDepth }),
        }),
      ]),
    );
    const aliases = Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: policy(id: ${i}) { id }`).join(' ');
    expect(refusals(`{ ${aliases} }`)).toEqual([
      expect.objectContaining({ details: { limit: 'aliases', max: QUERY_LIMITS.maxAliases, found: QUERY_LIMITS.maxAliases + 1 } }),
    ]);
    expect(refusals('subscription { policies { id } }')).toEqual([expect.objectContaining({ details: { limit: 'operation' } })]);
  });

  it('recognise graphql-js’s own token-limit message (a graphql upgrade that rewords it fails here)', () => {
    let message = '';
    try {
      parse('{ a b c d e }', { maxTokens: 3 });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(tokenLimitRefusal(message)).toBeInstanceOf(QueryLimitError);
    expect(tokenLimitRefusal('Syntax Error: Expected Name, found "}".')).toBeUndefined();
  });

  it('hide suggestions from validation in production only', () => {
    expect(apolloRequestLimits(true).validationOptions.hideSuggestions).toBe(true);
    expect(apolloRequestLimits(false).validationOptions.hideSuggestions).toBe(false);
    const [shown] = validate(schema, parse('{ policie { id } }'), specifiedRules, { hideSuggestions: false });
    const [hidden] = validate(schema, parse('{ policie { id } }'), specifiedRules, { hideSuggestions: true });
    expect(shown.message).toContain('Did you mean');
    expect(hidden.message).not.toContain('Did you mean');
  });
});

describe('formatGraphQLError for the limits', () => {
  const nodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });
  const format = (error: GraphQLError) => formatGraphQLError(error.toJSON(), error);

  it('gives a refusal its code, message and limit', () => {
    const refusal = new QueryLimitError('cost', '查询过于复杂', { max: 1, found: 2 });
    const wrapped = new GraphQLError(refusal.message, { originalError: refusal, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(format(wrapped)).toMatchObject({
      message: '查询过于复杂',
      extensions: { code: 'BAD_USER_INPUT', limit: 'cost', max: 1, found: 2 },
    });
  });

  it('turns the parser’s token limit into the same refusal', () => {
    const error = new GraphQLError('Syntax Error: Document contains more that 1000 tokens. Parsing aborted.', {
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    expect(format(error)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', limit: 'tokens', max: QUERY_LIMITS.maxTokens } });
  });

  it('answers a statement cancelled by the timeout with TIMEOUT and a Chinese message, not an internal error', () => {
    const driverError = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
    const error = new GraphQLError('canceling statement due to statement timeout', {
      originalError: new QueryFailedError('SELECT 1', [], driverError),
      path: ['policies'],
    });
    expect(format(error)).toMatchObject({ message: expect.stringContaining('请求超时'), extensions: { code: TIMEOUT_CODE } });
  });

  it('says in Chinese that persisted queries are not supported', () => {
    const error = new GraphQLError('PersistedQueryNotSupported', { extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' } });
    expect(format(error)).toMatchObject({
      message: expect.stringContaining('不支持持久化查询'),
      extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' },
    });
  });

  it('drops "Did you mean" from every message in production, also from variables’ enum values', () => {
    const enumValue = new GraphQLError(
      'Variable "$s" got invalid value "DRAF"; Value "DRAF" does not exist in "Status" enum. Did you mean the enum value "DRAFT"?',
      {
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
    const field = new GraphQLError('Cannot query field "policie" on type "Query". Did you mean "policies" or "policy"?', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    process.env.NODE_ENV = 'production';
    expect(format(enumValue).message).toBe('Variable "$s" got invalid value "DRAF"; Value "DRAF" does not exist in "Status" enum.');
    expect(format(field).message).toBe('Cannot query field "policie" on type "Query".');
    process.env.NODE_ENV = 'test';
    expect(format(field).message).toContain('Did you mean');
  });
});
