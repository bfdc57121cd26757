import type { EntityManager } from 'typeorm';

/**
 * Anything that runs SQL: the DataSource or a transaction's manager. Query functions (`*.queries.ts`)
 * take one as their first argument, so a service can call them inside or outside its transaction.
 */
export type Sql = Pick<EntityManager, 'query'>;
