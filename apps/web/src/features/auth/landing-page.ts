/**
 * Where sign-in leads: back to where the user came from; else a leader to the portfolio (every
 * policy at a glance), everyone else to the policy page.
 */
export function landingPage(cameFrom: string | null, role: string): string {
  return cameFrom ?? (role === 'LEADER' ? '/portfolio' : '/');
}
