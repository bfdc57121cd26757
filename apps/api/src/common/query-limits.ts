/**
 * How big a GraphQL request may be, checked before anything runs (query-limits-rules.ts applies
 * them; apps/api/test/query-limits-documents.spec.ts holds every document of the web and of the
 * contract well inside them). Reading policies needs no sign-in, so these hold for everyone.
 *
 * Measured on the web's documents (with the `__typename`s Apollo Client adds): depth at most 6,
 * no aliases, no directives, at most ~150 tokens, estimated cost at most ~15,200 (PolicyStructure:
 * policies → measures → responsibilities → agency, three lists deep).
 */
export const QUERY_LIMITS = {
  /**
   * Levels of selection (a leaf field is a level; a fragment spread is not). The web needs 6; 8
   * leaves room for a new page. `policies { sections { measures { section { measures … } } } } }`
   * fifteen objects deep held the event loop for over a minute: refused here, and by cost from
   * seven objects deep on.
   */
  maxDepth: 8,
  /**
   * Aliases per operation. The web uses none; a few let a script fetch two periods side by side.
   * Each alias repeats a field's whole work (40 aliased `policies` are 40 full reads, aliased
   * `login`s as many password checks), so they are few.
   */
  maxAliases: 10,
  /** `@include`/`@skip` per operation. The web uses none; 20 is plenty for conditional fields. */
  maxDirectives: 20,
  /**
   * Lexical tokens per document (`{`, a name, a string …), counted by graphql-js's parser, which
   * stops at the limit: parsing and validating cost grows with the document, some rules
   * (OverlappingFieldsCanBeMerged) faster than linearly. The web's largest operation is ~150
   * tokens; graphql-js's introspection query (codegen, the schema test) ~160.
   */
  maxTokens: 1000,
  /**
   * Estimated cost (query-limits-cost.ts): a field costs 1, a list of objects multiplies what is
   * selected under it by `listFactor`. 10 is about the length of this product's usual lists (the
   * Jiangmen notice has 4 sections of ~4 measures, 7 counties; a few lists, such as the units, are
   * longer), and keeps nested lists honest: each extra list level is ten times the work. The web's heaviest
   * document (~15,200) is under a third of the limit; the nested policies query seven objects deep
   * estimates ~222,000 (five deep, ~22,000, is answered).
   */
  maxCost: 50_000,
  cost: { scalar: 1, object: 1, listFactor: 10 },
} as const;
