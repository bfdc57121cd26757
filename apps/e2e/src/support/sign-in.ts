import type { Page } from 'playwright-core';

/** Signs in through the login page as a person would, and waits for the page sign-in leads to. */
export async function signIn(page: Page, url: string, user: { username: string; password: string }): Promise<void> {
  await page.goto(`${url}/login`);
  await page.locator('input[autocomplete="username"]').waitFor();
  await page.fill('input[autocomplete="username"]', user.username);
  await page.fill('input[autocomplete="current-password"]', user.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  // Where sign-in leads depends on the role (a leader: /portfolio; others: the policy page).
  await page.waitForURL((to) => to.href.startsWith(url) && !to.pathname.endsWith('/login'));
  // The home page `/` then opens the chosen policy's own address (/p/<policy>): wait for it, so that
  // a click which follows is not undone by it (a page that stays at `/` is waited for 5 s at most).
  await page.waitForURL((u) => u.pathname !== '/', { timeout: 5000 }).catch(() => undefined);
}
