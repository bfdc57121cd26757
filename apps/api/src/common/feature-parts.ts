import type { Type } from '@nestjs/common';
import type { LoaderFactory } from './loaders';

/**
 * What a feature brings to the whole app beside its Nest providers. Each feature module declares its
 * parts (`static readonly parts`), and the app (features.ts) composes them: the entities for the
 * DataSource and the migration generator, the resolvers for the schema printer, the loaders for each
 * GraphQL request. The module lists its resolvers among its providers from the same parts, so the
 * running server and the printed schema see one set.
 */
export interface FeatureParts {
  /** The TypeORM entities of the tables this feature owns. */
  readonly entities?: readonly Type[];
  /** Its GraphQL resolvers (also among the module's providers). */
  readonly resolvers?: readonly Type[];
  /** Its share of each request's DataLoaders (see common/loaders.ts). */
  readonly loaders?: LoaderFactory;
}

/** A feature's Nest module, with its parts. */
export type FeatureModule = Type & { readonly parts: FeatureParts };
