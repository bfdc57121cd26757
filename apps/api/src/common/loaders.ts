import type { DataSource } from 'typeorm';

/**
 * One set per GraphQL request (`ctx.loaders.policy`): every list field is fetched in one statement per
 * level, however many policies, measures or counties the answer holds.
 *
 * Empty here on purpose: common/ knows no feature. Each feature declares its own loaders in its
 * `<feature>.loaders.ts` by declaration merging (`declare module '../common/loaders' { interface Loaders
 * { ... } }`) and registers the factory that builds them in its module's parts; the app (features.ts)
 * builds every feature's loaders for each request.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the features (declaration merging)
export interface Loaders {}

/** Builds a feature's share of a request's loaders. */
export type LoaderFactory = (ds: DataSource) => Partial<Loaders>;

/** Every feature's loaders for one request: one call per request, so nothing is cached across requests. */
export function createLoaders(ds: DataSource, factories: readonly LoaderFactory[]): Loaders {
  return Object.assign({}, ...factories.map((build) => build(ds))) as Loaders;
}

/** Groups rows by a key, keeping the order of `keys` (what DataLoader expects back). */
export function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

/** The row of each key, in the order of `keys`; an Error for a key no row has (DataLoader rejects that load). */
export function byId<T extends { id: string }>(keys: readonly string[], rows: T[]): (T | Error)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return keys.map((k) => map.get(k) ?? new Error(`not found: ${k}`));
}
