import type { ApolloClient } from '@apollo/client';
import { LogoutDocument } from '../../graphql/generated';
import { clearSession } from '../../shared/session';

/**
 * Ends the session on the server first, so its token is refused everywhere even if it was copied;
 * whatever the answer (offline, already expired), the token is then dropped here all the same, and
 * the cache emptied: another person may use this phone next.
 */
export async function signOutEverywhere(client: Pick<ApolloClient, 'mutate' | 'clearStore'>): Promise<void> {
  try {
    await client.mutate({ mutation: LogoutDocument });
  } catch {
    // Nothing to do: the token is dropped below either way.
  }
  clearSession();
  await client.clearStore().catch(() => undefined);
}
