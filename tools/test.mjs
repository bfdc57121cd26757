#!/usr/bin/env node
// npm test: every check the project has, in the order that fails fastest.
//   1. lint (incl. Nx module boundaries), formatting (Prettier), type checks, generated files up to date
//   2. build the API and the dashboard (the end-to-end tests run the built app)
//   3. unit tests (libs, web), API tests on a real PostgreSQL, end-to-end tests (embedded default, browser)
// With DATABASE_URL the database tests use that server; without it, an embedded PostgreSQL.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runNx } from './nx.mjs';

const root = join(new URL('.', import.meta.url).pathname, '..');
process.chdir(root);
const bin = (pkg, path) => join(root, 'node_modules', pkg, path);
const only = process.argv.slice(2); // e.g. `npm test -- unit api`
const started = Date.now();
const results = [];

function step(name, args, env = {}) {
  if (only.length && !only.some((o) => name.startsWith(o))) return;
  console.log(`\n=== ${name} ===`);
  const t = Date.now();
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  results.push({ name, ok: r.status === 0, seconds: (Date.now() - t) / 1000 });
  if (r.status !== 0) finish();
}

const reports = join(root, 'tmp/test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const jest = (name, config, extra = []) =>
  step(name, [bin('jest', 'bin/jest.js'), '-c', config, '--json', `--outputFile=${join(reports, `${name}.json`)}`, ...extra]);

function finish() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const r of results) {
    try {
      const j = JSON.parse(readFileSync(join(reports, `${r.name}.json`), 'utf8'));
      passed += j.numPassedTests;
      failed += j.numFailedTests;
      skipped += j.numPendingTests + j.numTodoTests;
    } catch {
      if (!r.ok) failed++;
    }
  }
  console.log('\n=== summary ===');
  for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds.toFixed(1)} s)`);
  console.log(
    `total ${((Date.now() - started) / 1000).toFixed(0)} s; database: ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}`,
  );
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}

// The module-boundaries rule reads Nx's project graph: compute it first (a fresh clone has none, and
// the rule would then skip itself with a mere warning).
runNx(['show', 'projects'], { stdio: 'ignore' });
step('lint', [bin('eslint', 'bin/eslint.js'), '.', '--max-warnings=0']);
step('format', [bin('prettier', 'bin/prettier.cjs'), '--check', '.', '--log-level=warn']);
for (const project of [
  'libs/domain/tsconfig.json',
  'libs/notice-parser/tsconfig.json',
  'apps/api/tsconfig.spec.json',
  'apps/web/tsconfig.json',
  'apps/e2e/tsconfig.json',
]) {
  step(`typecheck ${project.split('/').slice(0, 2).join('/')}`, [bin('typescript', 'bin/tsc'), '-p', project]);
}
step('generated files', ['tools/check-generated.mjs']);
if (!only.length || only.some((o) => ['build', 'e2e'].includes(o))) {
  console.log('\n=== build ===');
  const t = Date.now();
  const status = runNx(['run-many', '-t', 'build', '--projects=api,web', '--output-style=static']);
  results.push({ name: 'build', ok: status === 0, seconds: (Date.now() - t) / 1000 });
  if (status !== 0) finish();
}
jest('unit', 'jest.unit.config.cjs');
jest('api', 'apps/api/jest.config.cjs', ['--runInBand']);
jest('e2e', 'apps/e2e/jest.config.cjs', ['--runInBand']);
finish();
