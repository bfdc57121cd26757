import { HttpException, Logger } from '@nestjs/common';
import { GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode } from './domain-error';

const logger = new Logger('GraphQL');

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
};

/** Codes produced by GraphQL itself (parse, validation, variable coercion): passed through as they are. */
const GRAPHQL_OWN_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']);

function messagesOf(exception: HttpException): string[] {
  const response = exception.getResponse();
  if (typeof response === 'object' && response && 'message' in response) {
    const message = (response as { message: unknown }).message;
    return Array.isArray(message) ? message.map(String) : [String(message)];
  }
  return [exception.message];
}

/**
 * The one place where errors become GraphQL errors. Domain errors and Nest's HTTP exceptions (the
 * ValidationPipe's 400, a guard's 403) get their code; anything else is an internal error whose
 * details stay in the server log when NODE_ENV=production.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...(original.details ?? {}) } };
  }
  if (original instanceof HttpException) {
    const code = HTTP_STATUS_CODES[original.getStatus()];
    if (code) {
      const messages = messagesOf(original);
      return { ...base, message: messages.join('; '), extensions: { code, ...(code === 'BAD_USER_INPUT' ? { validation: messages } : {}) } };
    }
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && GRAPHQL_OWN_CODES.has(code)) {
    return { ...base, extensions: { code } };
  }
  logger.error(original instanceof Error ? original.stack ?? original.message : String(original));
  const production = process.env.NODE_ENV === 'production';
  return {
    ...base,
    message: production ? '服务器内部错误,请稍后再试' : formatted.message,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
