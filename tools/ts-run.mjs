#!/usr/bin/env node
// Runs one of the API's TypeScript scripts without a build: `node tools/ts-run.mjs <file.ts> [args]`.
import { spawnSync } from 'node:child_process';
const [file, ...args] = process.argv.slice(2);
const result = spawnSync(process.execPath, ['-r', '@swc-node/register', file, ...args], {
  stdio: 'inherit',
  env: { ...process.env, SWC_NODE_PROJECT: 'apps/api/tsconfig.app.json' },
});
process.exit(result.status ?? 1);
