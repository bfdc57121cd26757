// Runs the workspace's Nx without a daemon (CI and `npm start` want a plain, foreground process).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function runNx(args, options = {}) {
  const bin = require.resolve('nx/bin/nx.js');
  const env = {
    ...process.env,
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
    NX_SKIP_NX_CACHE: process.env.NX_SKIP_NX_CACHE ?? '',
  };
  const result = spawnSync(process.execPath, [bin, ...args], { stdio: 'inherit', env, ...options });
  return result.status ?? 1;
}

// `node tools/nx.mjs <args>` from npm scripts.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  process.exit(runNx(process.argv.slice(2)));
}
