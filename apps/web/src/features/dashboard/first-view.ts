import type { ApolloClient } from '@apollo/client';
import { DashboardEntryDocument, DashboardFirstViewDocument } from '../../graphql/generated';
import { dashboardPath, parsePolicyPath, pickPolicy, rememberedPolicyId } from '../policy-nav';
import { firstPeriod } from './dashboard-format';

/**
 * Whether an address (where sign-in leads back to) opens a dashboard's overview as it first shows:
 * `/dashboard` (a bookmark of before policies were in addresses) or `/p/:policyId/dashboard`, with
 * no period or county chosen. Returns the policy it names (null: the person's choice), else undefined.
 */
export function firstViewPolicy(address: string | null | undefined): string | null | undefined {
  if (!address || address.includes('?') || address.includes('#')) return undefined;
  if (address === '/dashboard') return null;
  const parsed = parsePolicyPath(address);
  return parsed?.kind === 'dashboard' && parsed.rest.length === 1 ? parsed.policyId : undefined;
}

/**
 * Sign-in on its way to a dashboard: fetches the overview's first view while the page's code is
 * still arriving, so the page renders from Apollo's cache without a request of its own. Two round
 * trips once the token is here: which policy and period (DashboardEntry, which also answers the
 * policy list the redirect and the policy scope ask for), then everything else in one document
 * (DashboardFirstView). Resolves when done with the policy's own dashboard address (for `/dashboard`,
 * where its redirect would lead: one render and redirect less), else null; never rejects (the page
 * asks again for what is missing).
 */
export async function prefetchFirstView(
  client: ApolloClient,
  address: string | null | undefined,
  { username, accessToken, withTexts }: { username: string; accessToken: string; withTexts: boolean },
): Promise<string | null> {
  const named = firstViewPolicy(address);
  if (named === undefined) return null;
  // The token is passed along rather than saved first: saved, the sign-in form would show
  // "already signed in" while these are on their way.
  const context = { headers: { authorization: `Bearer ${accessToken}` } };
  try {
    const { data } = await client.query({ query: DashboardEntryDocument, fetchPolicy: 'network-only', context });
    const published = (data?.policies ?? []).filter((p) => p.status === 'PUBLISHED');
    const policy = named ? published.find((p) => p.id === named) : pickPolicy(published, rememberedPolicyId(username));
    const periodId = policy ? firstPeriod(policy) : null;
    if (!policy || !periodId) return null;
    await client.query({
      query: DashboardFirstViewDocument,
      // countyId null as the page asks (no county in the address): the same cache keys.
      variables: { policyId: policy.id, periodId, countyId: null, withTexts },
      fetchPolicy: 'network-only',
      context,
    });
    return dashboardPath(policy.id);
  } catch {
    return null; // the page shows its own loading and error states
  }
}
