import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * WCAG 2.1 A/AA checks with axe-core in the page a browser test has open (issue 17: GB/T 37668-2019
 * asks for WCAG 2.0 AA; 2.1 adds what phones and zoom need).
 */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Injected with evaluate rather than a <script> tag: the app's Content-Security-Policy forbids
// inline scripts, and the browser tests fail on any CSP violation (support/browser.ts).
let axeSource: string | null = null;
const source = () => (axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/** One line per element: rule, where, and what axe says to fix (its first sentence). */
export function describeViolations(violations: AxeViolation[]): string {
  const lines: string[] = [];
  for (const v of violations) {
    lines.push(`${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.length} element(s)`);
    for (const node of v.nodes.slice(0, 12)) {
      const summary = (node.failureSummary ?? '').split('\n').slice(1).join(' ').trim();
      lines.push(`  ${node.target.map(String).join(' >> ')}\n    ${summary}`);
    }
    if (v.nodes.length > 12) lines.push(`  … and ${v.nodes.length - 12} more`);
  }
  return lines.join('\n');
}

/** Waits until finite animations (antd's fades and slides) have ended: a half-faded text is no contrast fact. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity);
    await Promise.race([Promise.all(finite.map((a) => a.finished.catch(() => undefined))), new Promise((r) => setTimeout(r, 3000))]);
  });
}

/** Runs axe on the whole page and returns its WCAG 2.1 A/AA violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await settle(page);
  const injected = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!injected) await page.evaluate(source());
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    // Plain data only: the nodes carry more than the report needs.
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, WCAG_TAGS);
}

/** Fails with a readable list (rule, element, what to fix) when the page has any WCAG 2.1 A/AA violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) {
    const width = page.viewportSize()?.width ?? '?';
    throw new Error(`${label} (${page.url()}, ${width}px) has WCAG 2.1 A/AA violations:\n${describeViolations(violations)}`);
  }
}
