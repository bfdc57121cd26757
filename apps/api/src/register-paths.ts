/**
 * The compiled API imports the shared libs by their aliases (@luoshi/domain, …). TypeScript's
 * `paths` only exist at compile time, so the built app maps them to the compiled libs here. Jest
 * maps them with moduleNameMapper; Vite with resolve.alias.
 */
import Module from 'node:module';
import { join } from 'node:path';

const LIBS: Record<string, string> = {
  '@luoshi/domain': 'libs/domain/src/index.js',
  '@luoshi/notice-parser': 'libs/notice-parser/src/index.js',
};

// dist/apps/api/apps/api/src/register-paths.js -> dist/apps/api
const compiledRoot = join(__dirname, '../../..');

type Resolve = (request: string, ...rest: unknown[]) => string;
const moduleWithResolve = Module as unknown as { _resolveFilename: Resolve };
const original = moduleWithResolve._resolveFilename;
moduleWithResolve._resolveFilename = function (request: string, ...rest: unknown[]) {
  const lib = LIBS[request];
  return original.call(this, lib ? join(compiledRoot, lib) : request, ...rest);
};
