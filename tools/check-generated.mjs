#!/usr/bin/env node
// Fails when a committed generated file is stale: the API's schema.gql (printed from the resolvers)
// or the web's GraphQL types (GraphQL Code Generator). `npm run codegen` rewrites both.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
let stale = 0;

const schema = spawnSync(process.execPath, ['tools/ts-run.mjs', 'apps/api/src/schema/print-schema.ts', '--check'], {
  cwd: root,
  stdio: 'inherit',
});
if (schema.status !== 0) stale++;

const { generate } = require('@graphql-codegen/cli');
process.chdir(root);
const { default: config } = await import(join(root, 'apps/web/codegen.ts')).catch(async () => {
  // codegen.ts is TypeScript: load it through swc-node like the CLI does.
  require('@swc-node/register');
  return { default: require(join(root, 'apps/web/codegen.ts')).default };
});
const outputs = await generate({ ...config, silent: true }, false);
for (const { filename, content } of outputs) {
  const committed = readFileSync(join(root, filename), 'utf8');
  if (committed !== content) {
    console.error(`${filename} is stale: run \`npm run codegen\` and commit it.`);
    stale++;
  } else {
    console.log(`${filename} is up to date.`);
  }
}
process.exit(stale ? 1 : 0);
