import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, ErrorCode } from './domain-error';
import { isStatementCancelled, TIMEOUT_CODE, TIMEOUT_MESSAGE } from './graphql-errors';
import type { RequestWithUploadLimit } from './upload-limit';

const STATUS: Record<ErrorCode, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404, CONFLICT: 409 };
const CODE_OF_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'BAD_USER_INPUT',
};
const logger = new Logger('HTTP');

/**
 * The HTTP routes' counterpart of graphql-errors.ts: the same codes, as `{ code, message, ... }`
 * with a matching status. GraphQL requests never reach it (Apollo formats their errors).
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType() !== 'http') throw exception;
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (exception instanceof DomainError) {
      res.status(STATUS[exception.code]).json({ code: exception.code, message: exception.message, ...(exception.details ?? {}) });
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const given = typeof body === 'object' && body && 'message' in body ? (body as { message: unknown }).message : exception.message;
      // Each upload route names its own limit (common/upload-limit.ts), and may give its own code.
      const req = host.switchToHttp().getRequest<RequestWithUploadLimit>();
      const message = status === 413 ? (req.uploadLimitMessage ?? '请求的内容过大') : given;
      const ownCode = typeof body === 'object' && body && 'code' in body && typeof body.code === 'string' ? body.code : undefined;
      const code = ownCode ?? (status === 413 ? req.uploadLimitCode : undefined) ?? CODE_OF_STATUS[status] ?? 'INTERNAL_SERVER_ERROR';
      res.status(status).json({ code, message: Array.isArray(message) ? message.join('; ') : String(message) });
      return;
    }
    if (isStatementCancelled(exception)) {
      logger.warn(`Statement cancelled (timeout) at ${host.switchToHttp().getRequest<{ path?: string }>().path ?? 'request'}`);
      res.status(503).json({ code: TIMEOUT_CODE, message: TIMEOUT_MESSAGE });
      return;
    }
    logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    res.status(500).json({
      code: 'INTERNAL_SERVER_ERROR',
      message: process.env.NODE_ENV === 'production' ? '服务器内部错误,请稍后再试' : String(exception),
    });
  }
}
