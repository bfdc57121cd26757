/**
 * The policy the one-notice pages show (policy page, dashboard, tasks, supervision): the first
 * PUBLISHED one (the API lists them by date, newest first). The office's `policies` also lists its drafts, which must never stand in for the
 * notice units report on. Choosing among several published notices is a later issue.
 */
export function currentPolicy<P extends { status: string }>(policies: readonly P[] | null | undefined): P | null {
  return policies?.find((p) => p.status === 'PUBLISHED') ?? null;
}
