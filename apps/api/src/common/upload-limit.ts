import { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';

export type RequestWithUploadLimit = Request & { uploadLimitMessage?: string };

/**
 * Names a route's upload limit for people: placed before FileInterceptor, it marks the request so
 * that HttpErrorFilter answers a 413 with this route's own message (multer only says "File too large").
 */
export function UploadLimit(message: string): NestInterceptor {
  return {
    intercept(context: ExecutionContext, next: CallHandler) {
      context.switchToHttp().getRequest<RequestWithUploadLimit>().uploadLimitMessage = message;
      return next.handle();
    },
  };
}
