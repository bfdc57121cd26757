import { useMutation } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ChangeOwnPasswordDocument, LoginDocument } from '../../graphql/generated';
import { saveSession } from '../../shared/session';

/** The field an API refusal names (`extensions.field`) and why (`extensions.reason`), where it says. */
export function refusal(error: unknown): { field?: string; reason?: string } {
  if (!CombinedGraphQLErrors.is(error)) return {};
  const ext = error.errors.find((e) => typeof e.extensions?.field === 'string')?.extensions;
  return {
    field: typeof ext?.field === 'string' ? ext.field : undefined,
    reason: typeof ext?.reason === 'string' ? ext.reason : undefined,
  };
}

/**
 * Changes the signed-in person's password. The API then ends every session of the account, this
 * one included, so the new password signs in again at once (the person never sees a sign-in page).
 */
export function useChangeOwnPassword(username: string) {
  const [change, changing] = useMutation(ChangeOwnPasswordDocument);
  const [login, signingIn] = useMutation(LoginDocument);
  const run = async (currentPassword: string, newPassword: string) => {
    await change({ variables: { currentPassword, newPassword } });
    const { data } = await login({ variables: { username, password: newPassword } });
    if (!data) throw new Error('empty response');
    saveSession(data.login);
  };
  return { run, loading: changing.loading || signingIn.loading };
}
