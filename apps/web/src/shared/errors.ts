import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** The `extensions.code` values the API uses. */
export type ApiErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT';

/** The API's error code for an Apollo error (first GraphQL error's `extensions.code`), if any. */
export function apiErrorCode(error: unknown): string | undefined {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors.find((e) => typeof e.extensions?.code === 'string')?.extensions?.code;
    return typeof code === 'string' ? code : undefined;
  }
  // A gateway in front of the API may answer 401 itself, without a GraphQL body.
  if (ServerError.is(error) && error.statusCode === 401) return 'UNAUTHENTICATED';
  return undefined;
}

/**
 * True when the request never got a GraphQL answer (offline, API down, proxy error): the user
 * should check the network or retry, not change what they typed.
 */
export function isConnectionError(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) return false;
  if (ServerError.is(error)) return error.statusCode >= 500 || error.statusCode === 0;
  return error instanceof TypeError || (error instanceof Error && /fetch|network/i.test(error.message));
}
