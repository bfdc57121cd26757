import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { ROOT } from './built-server';

/** Debian's chromium (never a downloaded browser: there is no network here). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test-artifacts');

export const chromiumAvailable = () => existsSync(CHROMIUM);

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Browser tests need chromium. CI installs it (.ci/run) and must run them; on a developer's machine
 * without it they are skipped loudly rather than failing `npm test`.
 */
export function describeWithBrowser(name: string, fn: () => void): void {
  if (chromiumAvailable() || process.env.CI) {
    describe(name, fn);
  } else {
    console.warn(`\n[browser tests skipped] ${CHROMIUM} not found: apt-get install -y chromium (CI must have it).\n`);
    describe.skip(name, fn);
  }
}
