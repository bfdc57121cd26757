#!/usr/bin/env node
// npm run migration:generate -- <Name>: runs the TypeScript generator without a build.
import { spawnSync } from 'node:child_process';
const result = spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/database/generate-migration.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, SWC_NODE_PROJECT: 'apps/api/tsconfig.app.json' },
});
process.exit(result.status ?? 1);
