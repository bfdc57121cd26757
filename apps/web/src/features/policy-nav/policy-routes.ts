/**
 * Where a policy's pages live. Every page about one notice carries it in the address
 * (`/p/<policy>/…`), so a link, a bookmark or a shared URL always shows the notice it was made for,
 * whatever else has been published since.
 */

/** The kinds of page that are about one policy (the header switch keeps you on the same kind). */
export type PolicyPageKind = 'policy' | 'dashboard' | 'county' | 'measure' | 'supervision' | 'review';

const enc = encodeURIComponent;

function withPeriod(path: string, periodId?: string | null): string {
  return periodId ? `${path}?period=${enc(periodId)}` : path;
}

export function policyHomePath(policyId: string): string {
  return `/p/${enc(policyId)}`;
}

export function dashboardPath(policyId: string, periodId?: string | null): string {
  return withPeriod(`${policyHomePath(policyId)}/dashboard`, periodId);
}

export function countyPath(policyId: string, countyId: string, periodId?: string | null): string {
  return withPeriod(`${policyHomePath(policyId)}/dashboard/county/${enc(countyId)}`, periodId);
}

export function measurePath(policyId: string, measureId: string, periodId?: string | null): string {
  return withPeriod(`${policyHomePath(policyId)}/dashboard/measure/${enc(measureId)}`, periodId);
}

export function supervisionPath(policyId: string, reviewId?: string | null): string {
  const list = `${policyHomePath(policyId)}/supervision`;
  return reviewId ? `${list}/${enc(reviewId)}` : list;
}

/** The policy and the kind of page an address shows, or null for pages about no single policy. */
export function parsePolicyPath(pathname: string): { policyId: string; kind: PolicyPageKind; rest: string[] } | null {
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0] !== 'p' || !parts[1]) return null;
  const policyId = decodeURIComponent(parts[1]);
  const [section, sub, id] = parts.slice(2);
  const rest = parts.slice(2).map(decodeURIComponent);
  if (section === undefined) return { policyId, kind: 'policy', rest };
  if (section === 'dashboard') {
    if (sub === 'county' && id) return { policyId, kind: 'county', rest };
    if (sub === 'measure' && id) return { policyId, kind: 'measure', rest };
    return { policyId, kind: 'dashboard', rest };
  }
  if (section === 'supervision') return { policyId, kind: sub ? 'review' : 'supervision', rest };
  return { policyId, kind: 'policy', rest };
}

/**
 * The same kind of page for another policy. What belongs to the old policy (its periods, a measure,
 * a review) is left behind: a measure's page becomes the dashboard, a review the review list. A
 * county is the same county in every notice, so its page and the ?county= filter stay.
 */
export function switchPolicyPath(pathname: string, search: string, policyId: string): string {
  const current = parsePolicyPath(pathname);
  if (!current) return policyHomePath(policyId);
  const params = new URLSearchParams(search);
  const county = params.get('county');
  switch (current.kind) {
    case 'policy':
      return policyHomePath(policyId);
    case 'dashboard':
      return county ? `${dashboardPath(policyId)}?county=${enc(county)}` : dashboardPath(policyId);
    case 'county':
      return countyPath(policyId, current.rest[2]);
    case 'measure':
      return dashboardPath(policyId);
    case 'supervision':
    case 'review':
      return supervisionPath(policyId);
  }
}

/**
 * Where a link of before the policy was in the address leads, once its policy is known:
 * `/dashboard?period=…` → `/p/<policy>/dashboard?period=…` (the query string kept).
 */
export function legacyTarget(pathname: string, search: string, policyId: string): string {
  const base = policyHomePath(policyId);
  const path = pathname === '/' || pathname === '' ? base : `${base}${pathname.replace(/\/$/, '')}`;
  return `${path}${search}`;
}
