import { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';

export type RequestWithUploadLimit = Request & { uploadLimitMessage?: string; uploadLimitCode?: string };

/**
 * Names a route's upload limit for people: placed before FileInterceptor, it marks the request so
 * that HttpErrorFilter answers a 413 with this route's own message (multer only says "File too large"),
 * and its own code where the route has one (else BAD_USER_INPUT).
 */
export function UploadLimit(message: string, code?: string): NestInterceptor {
  return {
    intercept(context: ExecutionContext, next: CallHandler) {
      const req = context.switchToHttp().getRequest<RequestWithUploadLimit>();
      req.uploadLimitMessage = message;
      if (code) req.uploadLimitCode = code;
      return next.handle();
    },
  };
}
