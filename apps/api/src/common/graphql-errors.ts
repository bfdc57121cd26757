import { HttpException, Logger } from '@nestjs/common';
import { GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode } from './domain-error';
import { tokenLimitRefusal } from './query-limits-rules';

const logger = new Logger('GraphQL');

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
};

/** Codes produced by GraphQL itself (parse, validation, variable coercion): passed through as they are. */
const GRAPHQL_OWN_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** Apollo's own refusals whose English message says little to a user: said in Chinese. */
const APOLLO_MESSAGES: Record<string, string> = {
  PERSISTED_QUERY_NOT_SUPPORTED: '不支持持久化查询（persisted query），请在请求中发送完整的 query',
  PERSISTED_QUERY_NOT_FOUND: '不支持持久化查询（persisted query），请在请求中发送完整的 query',
};

/**
 * A statement cancelled by PostgreSQL (57014 query_canceled): the statement timeout of
 * data-source.ts, or an administrator's pg_cancel_backend. Neither a bug (INTERNAL_SERVER_ERROR)
 * nor the client's fault (a valid request can meet it on a loaded server), so a code of its own
 * that a client may retry on.
 */
export const TIMEOUT_CODE = 'TIMEOUT';
export const TIMEOUT_MESSAGE = '请求超时：数据库查询用时过长，已被中止，请稍后再试或缩小查询范围';

export function isStatementCancelled(error: unknown): boolean {
  const err = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  return err?.code === '57014' || err?.driverError?.code === '57014';
}

/** "Did you mean …?" names fields, types and enum values that production does not publish. */
const withoutSuggestions = (message: string) => message.replace(/ ?Did you mean [^?]*\?/g, '');

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
  const production = process.env.NODE_ENV === 'production';
  let original = (error as { originalError?: unknown })?.originalError ?? error;
  const message = production ? withoutSuggestions(formatted.message) : formatted.message;
  const base = { message, locations: formatted.locations, path: formatted.path };
  const code = formatted.extensions?.code;
  if (code === 'GRAPHQL_PARSE_FAILED') original = tokenLimitRefusal(formatted.message) ?? original;
  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...(original.details ?? {}) } };
  }
  if (original instanceof HttpException) {
    const httpCode = HTTP_STATUS_CODES[original.getStatus()];
    if (httpCode) {
      const messages = messagesOf(original);
      return {
        ...base,
        message: messages.join('; '),
        extensions: { code: httpCode, ...(httpCode === 'BAD_USER_INPUT' ? { validation: messages } : {}) },
      };
    }
  }
  if (typeof code === 'string' && code in APOLLO_MESSAGES) {
    return { ...base, message: APOLLO_MESSAGES[code], extensions: { code } };
  }
  if (typeof code === 'string' && GRAPHQL_OWN_CODES.has(code)) {
    return { ...base, extensions: { code } };
  }
  // graphql-js stops coercing variables after 50 problems and says so in an error of its own, with no code.
  if (/^Too many errors processing variables/.test(formatted.message)) {
    return { ...base, message: '变量错误过多,已停止检查(请先改正前面的错误)', extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (isStatementCancelled(original)) {
    logger.warn(`Statement cancelled (timeout) at ${formatted.path?.join('.') ?? 'request'}`);
    return { ...base, message: TIMEOUT_MESSAGE, extensions: { code: TIMEOUT_CODE } };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return {
    ...base,
    message: production ? '服务器内部错误,请稍后再试' : formatted.message,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
