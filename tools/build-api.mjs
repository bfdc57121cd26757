#!/usr/bin/env node
// Compiles the API (and the libs it imports) with tsc: type-checked, decorators with metadata.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'apps/api/tsconfig.app.json'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
