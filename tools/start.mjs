#!/usr/bin/env node
// npm start: builds what changed (Nx caches the rest), then runs the API, which also serves the
// dashboard. DATABASE_URL picks a PostgreSQL server; without it an embedded one runs under DATA_DIR.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { runNx } from './nx.mjs';

const main = 'dist/apps/api/apps/api/src/main.js';
console.log('落實 Luoshi:正在构建(首次约需一分钟,之后只构建改动的部分)…');
const built = runNx(['run-many', '-t', 'build', '--projects=api,web', '--output-style=static']);
if (built !== 0 || !existsSync(main)) {
  console.error('构建失败:见上方输出。');
  process.exit(built || 1);
}

const server = spawn(process.execPath, [main], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
