import { types } from 'pg';
import { DataSource, DataSourceOptions, Logger } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

// DATE columns stay 'YYYY-MM-DD' strings: a JS Date would shift them by the server's time zone.
types.setTypeParser(types.builtins.DATE, (value: string) => value);
// bigint ids and counts fit in a double for this product's sizes; keep them exact as strings.
types.setTypeParser(types.builtins.INT8, (value: string) => value);

export interface DataSourceSettings {
  url: string;
  poolSize?: number;
  logger?: Logger;
}

export function dataSourceOptions({ url, poolSize = 10, logger }: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built into PostgreSQL 13+; uuid-ossp would need an extension.
    uuidExtension: 'pgcrypto',
    logging: logger ? 'all' : false,
    logger,
    extra: { max: poolSize, application_name: 'luoshi' },
  };
}

export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}
