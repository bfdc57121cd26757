import { types } from 'pg';
import { DataSource, DataSourceOptions, Logger, MigrationInterface, QueryRunner } from 'typeorm';
import { ENTITIES } from '../features';
import { MIGRATIONS } from './migrations';

// DATE columns stay 'YYYY-MM-DD' strings: a JS Date would shift them by the server's time zone.
types.setTypeParser(types.builtins.DATE, (value: string) => value);
// bigint ids and counts fit in a double for this product's sizes; keep them exact as strings.
types.setTypeParser(types.builtins.INT8, (value: string) => value);

export interface DataSourceSettings {
  url: string;
  poolSize?: number;
  logger?: Logger;
  /** Longest a single SQL statement may run (ms; 0 = no limit). Default DB_STATEMENT_TIMEOUT_MS, else 15 s. */
  statementTimeoutMs?: number;
}

/**
 * A time budget per statement, the second line behind the GraphQL query limits: whatever slips
 * through them (or a lock held too long) is cancelled by PostgreSQL instead of holding a connection
 * and the request for ever. 15 s is far above what the web's requests need, and below the 60 s after
 * which a reverse proxy usually gives up on the request anyway.
 */
export function statementTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.DB_STATEMENT_TIMEOUT_MS;
  if (given === undefined || given === '') return 15_000;
  const ms = Number(given);
  if (!Number.isInteger(ms) || ms < 0)
    throw new Error(`DB_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds (0 = no limit), not "${given}"`);
  return ms;
}

type MigrationClass = new () => MigrationInterface;

/**
 * Migrations are exempt from the statement timeout: rewriting a large table may rightly take longer.
 * `SET LOCAL` holds until the migration's transaction ends (all of them with transaction: 'all').
 * The subclass keeps the migration's `name`, which is what TypeORM records.
 */
function withoutStatementTimeout(migration: MigrationClass): MigrationClass {
  return class extends migration {
    override async up(queryRunner: QueryRunner) {
      await queryRunner.query('SET LOCAL statement_timeout = 0');
      return super.up(queryRunner);
    }
    override async down(queryRunner: QueryRunner) {
      await queryRunner.query('SET LOCAL statement_timeout = 0');
      return super.down(queryRunner);
    }
  };
}

export function dataSourceOptions({
  url,
  poolSize = 10,
  logger,
  statementTimeoutMs: timeout = statementTimeoutMs(),
}: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS.map(withoutStatementTimeout),
    migrationsTableName: 'schema_migration',
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built into PostgreSQL 13+; uuid-ossp would need an extension.
    uuidExtension: 'pgcrypto',
    logging: logger ? 'all' : false,
    logger,
    // pg sends statement_timeout when the connection starts: it is every session's default.
    extra: { max: poolSize, application_name: 'luoshi', ...(timeout > 0 ? { statement_timeout: timeout } : {}) },
  };
}

export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}
