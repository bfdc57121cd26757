import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { ROOT } from './built-server';

/** Debian's chromium (never a downloaded browser: there is no network here). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test-artifacts');

export const chromiumAvailable = () => existsSync(CHROMIUM);

/** What the dashboard's Content-Security-Policy blocked in any page a browser test opened: must stay empty. */
const cspViolations: string[] = [];

function watchForCspViolations(page: Page) {
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      cspViolations.push(`${page.url()}: ${message.text()}`);
  });
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  // Every page of every context is watched, so that a policy too strict for the app fails a test.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    context.on('page', watchForCspViolations);
    return context;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...args) => {
    const page = await newPage(...args);
    watchForCspViolations(page);
    return page;
  };
  return browser;
}

/**
 * Browser tests need chromium. CI installs it (.ci/run) and must run them; on a developer's machine
 * without it they are skipped loudly rather than failing `npm test`.
 */
export function describeWithBrowser(name: string, fn: () => void): void {
  if (chromiumAvailable() || process.env.CI) {
    describe(name, () => {
      fn();
      afterAll(() => expect(cspViolations).toEqual([]));
    });
  } else {
    console.warn(`\n[browser tests skipped] ${CHROMIUM} not found: apt-get install -y chromium (CI must have it).\n`);
    describe.skip(name, fn);
  }
}
