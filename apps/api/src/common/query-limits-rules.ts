import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ASTNode, GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { DomainError } from './domain-error';
import { listCostRule } from './query-limits-cost';
import { QUERY_LIMITS } from './query-limits';

export type QueryLimit = 'depth' | 'aliases' | 'directives' | 'tokens' | 'cost' | 'operation';

/** A request refused before it ran: `BAD_USER_INPUT`, saying which limit and by how much. */
export class QueryLimitError extends DomainError {
  constructor(limit: QueryLimit, message: string, details: { max?: number; found?: number } = {}) {
    super('BAD_USER_INPUT', message, { limit, ...details });
  }
}

const MESSAGES: Record<'depth' | 'aliases' | 'directives', (max: number, found?: number) => string> = {
  depth: (max, found) => `查询嵌套过深：最多 ${max} 层${found ? `，此查询 ${found} 层` : ''}`,
  aliases: (max, found) => `查询使用的别名过多：最多 ${max} 个${found ? `，此查询 ${found} 个` : ''}`,
  directives: (max, found) => `查询使用的指令过多：最多 ${max} 个${found ? `，此查询 ${found} 个` : ''}`,
};

/** Reports a refusal as a validation error whose original error is the QueryLimitError (see graphql-errors.ts). */
function report(context: ValidationContext | null, error: QueryLimitError, node?: ASTNode) {
  context?.reportError(new GraphQLError(error.message, { nodes: node, originalError: error }));
}

/** armor's rules report in English; ours say in Chinese which limit was passed (its own message holds the count). */
function armorRefusal(limit: 'depth' | 'aliases' | 'directives', max: number) {
  return (context: ValidationContext | null, armorError: GraphQLError) => {
    const found = Number(/found (\d+)/.exec(armorError.message)?.[1]) || undefined;
    report(context, new QueryLimitError(limit, MESSAGES[limit](max, found), { max, found }));
  };
}

/** This API has no subscriptions; without this rule graphql-js would fail the request at execution, a 500. */
export const noSubscriptionRule: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    if (operation.operation === 'subscription') {
      report(context, new QueryLimitError('operation', '不支持订阅（subscription）操作，请使用查询（query）或变更（mutation）'), operation);
    }
    return false;
  },
});

export type QueryLimits = { [K in keyof typeof QUERY_LIMITS]: (typeof QUERY_LIMITS)[K] extends number ? number : (typeof QUERY_LIMITS)[K] };

/**
 * The validation rules that hold a request to the limits (tokens are counted by the parser: see
 * apolloRequestLimits). Other limits than QUERY_LIMITS are for tests that want room to spare.
 */
export function queryLimitRules(limits: QueryLimits = QUERY_LIMITS): ValidationRule[] {
  const { maxDepth, maxAliases, maxDirectives, maxCost, cost } = limits;
  // armor's depth, aliases and directives visitors. Its cost limit is off (it cannot weigh lists:
  // listCostRule does), and so are its Apollo plugins: the token one throws from parsingDidStart,
  // which Apollo 5 answers with a 500, and the suggestion mask misses enum values. The parser's
  // maxTokens and hideSuggestions (with formatGraphQLError) do both.
  const armor: ConstructorParameters<typeof ApolloArmor>[0] = {
    // flattenFragments: a fragment spread is not a level of its own (the web's documents use them freely).
    maxDepth: { n: maxDepth, flattenFragments: true, propagateOnRejection: false, onReject: [armorRefusal('depth', maxDepth)] },
    maxAliases: { n: maxAliases, propagateOnRejection: false, onReject: [armorRefusal('aliases', maxAliases)] },
    maxDirectives: { n: maxDirectives, propagateOnRejection: false, onReject: [armorRefusal('directives', maxDirectives)] },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  };
  const refuseCost = (context: ValidationContext, estimate: number, operation: ASTNode) => {
    const found = Math.round(Math.min(estimate, Number.MAX_SAFE_INTEGER)); // deep nesting overflows to Infinity
    const message = `查询过于复杂：估算成本 ${found}，上限 ${maxCost}（列表字段按 ${cost.listFactor} 倍计）；请减少嵌套的列表字段`;
    report(context, new QueryLimitError('cost', message, { max: maxCost, found }), operation);
  };
  return [noSubscriptionRule, ...new ApolloArmor(armor).protect().validationRules, listCostRule(cost, maxCost, refuseCost)];
}

/**
 * graphql-js stops parsing at `maxTokens` with a syntax error (GRAPHQL_PARSE_FAILED); this turns it
 * into the same kind of refusal as the other limits. graphql 16 writes "more that"; 17 may fix it.
 */
export function tokenLimitRefusal(message: string): QueryLimitError | undefined {
  if (!/Document contains more (?:than|that) \d+ tokens/.test(message)) return undefined;
  const max = QUERY_LIMITS.maxTokens;
  return new QueryLimitError('tokens', `查询过长：最多 ${max} 个词法单元（token）`, { max });
}

/**
 * The Apollo Server options that apply the limits, spread into GraphQLModule.forRoot. Persisted
 * queries are off: the web does not use them, and they would let anyone fill the server's memory
 * with registered documents; a request that names one gets PERSISTED_QUERY_NOT_SUPPORTED.
 */
export function apolloRequestLimits(production = process.env.NODE_ENV === 'production') {
  return {
    validationRules: queryLimitRules(),
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    // "Did you mean …" names fields and types of the schema, which production does not publish.
    validationOptions: { hideSuggestions: production },
    persistedQueries: false as const,
  };
}
