import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The project's root, found by walking up from this file: works from the sources (Jest), from the
 * compiled output under dist/, and in the Docker image, whatever the working directory.
 */
export function projectRoot(from = __dirname): string {
  let dir = resolve(from);
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'luoshi') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Luoshi's package.json not found above ${from}`);
    dir = parent;
  }
}

/** Where policy notices to load on start are kept (one .txt file per notice). */
export const noticesDir = () => process.env.NOTICES_DIR ?? join(projectRoot(), 'libs/notice-parser/data');

/** The built dashboard. */
export const webDistDir = () => process.env.WEB_DIST_DIR ?? join(projectRoot(), 'dist/apps/web');
