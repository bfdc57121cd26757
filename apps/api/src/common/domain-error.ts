/** The error codes clients see in `extensions.code`. */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT';

/**
 * A refusal the user can act on. Each feature has its own subclass (AuthError, PolicyError, …);
 * `graphql-errors.ts` maps them all to GraphQL errors in one place. Messages are in Chinese, as the
 * people who read them are; `details` carries machine-readable context (the field, the id).
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
