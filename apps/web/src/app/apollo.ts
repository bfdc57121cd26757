import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { clearSession, getAccessToken } from '../shared/session';
import { apiErrorCode } from '../shared/errors';

/** Operations whose UNAUTHENTICATED answer means "wrong password", not "your token is bad". */
const SIGN_IN_OPERATIONS = new Set(['Login']);

export function createApolloClient(uri = '/graphql'): ApolloClient {
  const authLink = new SetContextLink((prevContext, operation) => {
    const token = getAccessToken(); // null once expired, so a stale token is never sent
    // A sign-in needs no token, and the API refuses a request whose token's session has ended: after
    // a password change (which ends every session) the new password must sign in without the old token.
    if (!token || SIGN_IN_OPERATIONS.has(operation.operationName ?? '')) return {};
    return { headers: { ...prevContext.headers, authorization: `Bearer ${token}` } };
  });

  const signOutOnRejectedToken = new ErrorLink(({ error, operation }) => {
    if (apiErrorCode(error) === 'UNAUTHENTICATED' && !SIGN_IN_OPERATIONS.has(operation.operationName ?? '')) {
      // The token was revoked or expired server-side: drop it so the header shows 登录 again.
      clearSession();
    }
  });

  return new ApolloClient({
    link: ApolloLink.from([signOutOnRejectedToken, authLink, new HttpLink({ uri })]),
    cache: new InMemoryCache(),
  });
}
