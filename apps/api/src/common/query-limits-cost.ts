import {
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLCompositeType,
  GraphQLNamedType,
  GraphQLSchema,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
} from 'graphql';

/**
 * How much a field weighs. A list does not say how long it is, so each list of objects is assumed
 * `listFactor` long: what is selected under it counts that many times. Lists nest by multiplying,
 * which is exactly how `policies { sections { measures { section { measures … } } } }` explodes.
 */
export interface CostWeights {
  /** a field without a selection (a string, a number, a list of numbers) */
  scalar: number;
  /** a field that is an object: one more thing to load */
  object: number;
  /** assumed length of a list of objects */
  listFactor: number;
}

/**
 * The estimated cost of one operation, fragments expanded (each fragment's cost is computed once,
 * so a document that spreads one fragment many times is not walked many times). Fields the schema
 * does not know cost nothing here: the standard rules refuse them. Introspection (`__schema`,
 * `__type`) is left out, as armor's rules do: it is disabled in production.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: (name: string) => FragmentDefinitionNode | undefined,
  weights: CostWeights,
): number {
  const fragmentCosts = new Map<string, number>();
  const inProgress = new Set<string>();

  const fragmentCost = (name: string): number => {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = fragments(name);
    // A cycle of fragments is refused by NoFragmentCyclesRule; here it only must not loop.
    if (!fragment || inProgress.has(name)) return 0;
    inProgress.add(name);
    const type = schema.getType(fragment.typeCondition.name.value);
    const cost = isCompositeType(type) ? selectionCost(fragment.selectionSet, type) : 0;
    inProgress.delete(name);
    fragmentCosts.set(name, cost);
    return cost;
  };

  const fieldCost = (field: FieldNode, parent: GraphQLCompositeType): number => {
    const name = field.name.value;
    if (name === '__typename') return 0;
    if (name === '__schema' || name === '__type') return 0;
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
    const definition = parent.getFields()[name];
    if (!definition) return 0;
    const type = getNamedType(definition.type);
    if (!field.selectionSet || !isCompositeType(type)) return weights.scalar;
    const inner = weights.object + selectionCost(field.selectionSet, type);
    return isListType(getNullableType(definition.type)) ? inner * weights.listFactor : inner;
  };

  const selectionCost = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) cost += fieldCost(selection, parent);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) cost += fragmentCost(selection.name.value);
      else {
        const condition: GraphQLNamedType | undefined = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        if (isCompositeType(condition)) cost += selectionCost(selection.selectionSet, condition);
      }
    }
    return cost;
  };

  const root = schema.getRootType(operation.operation);
  return root ? selectionCost(operation.selectionSet, root) : 0;
}

/**
 * A validation rule: each operation whose estimated cost is above `maxCost` is handed to `refuse`
 * (which reports the error). A list-aware estimate, because armor's cost limit weighs a list like
 * a single object unless it has a `first`/`last` argument, and this schema's lists have none.
 */
export function listCostRule(
  weights: CostWeights,
  maxCost: number,
  refuse: (context: ValidationContext, cost: number, operation: OperationDefinitionNode) => void,
) {
  return (context: ValidationContext) => ({
    OperationDefinition(operation: OperationDefinitionNode) {
      const cost = operationCost(context.getSchema(), operation, (name) => context.getFragment(name) ?? undefined, weights);
      if (cost > maxCost) refuse(context, cost, operation);
      return false; // nothing below concerns this rule: fragments are reached through getFragment
    },
  });
}
