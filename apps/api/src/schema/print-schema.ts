/**
 * Prints the GraphQL schema the resolvers define, sorted, as committed in apps/api/schema.gql.
 * `node -r @swc-node/register apps/api/src/schema/print-schema.ts [--check]`: --check exits 1 when
 * the committed file is stale.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../common/project-paths';
import { RESOLVERS } from '../features';

export const SCHEMA_HEADER =
  '# The GraphQL schema of the Luoshi API, printed from the resolvers by `npm run schema`.\n# Do not edit: CI fails when it is stale.\n\n';

export async function printedSchema(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(RESOLVERS);
  await app.close();
  return SCHEMA_HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}

if (require.main === module) {
  void (async () => {
    const file = join(projectRoot(), 'apps/api/schema.gql');
    const printed = await printedSchema();
    if (process.argv.includes('--check')) {
      const committed = readFileSync(file, 'utf8');
      if (committed !== printed) {
        console.error('apps/api/schema.gql is stale: run `npm run schema` and commit it.');
        process.exit(1);
      }
      console.log('apps/api/schema.gql is up to date.');
      return;
    }
    writeFileSync(file, printed);
    console.log(`Wrote ${file}`);
  })();
}
