import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** What a request id may look like: short, and only characters that are safe in a log line and a page. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Every request gets one id, written back into the request's own `x-request-id` header so that
 * everything downstream (the audit, the logs) reads the vetted value: the proxy's id when it is a
 * sane one, else a new UUID. A client's id is never trusted further than that (it ends up in the
 * audit, where 6,000 characters of <script> once went in).
 */
export function assignRequestId(req: Request, res: Response, next: NextFunction): void {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
  req.headers['x-request-id'] = id;
  res.setHeader('X-Request-Id', id);
  next();
}

/** The request's vetted id (see assignRequestId), or a new one for a request that did not pass through it. */
export function requestIdOf(req: Pick<Request, 'headers'>): string {
  const id = req.headers['x-request-id'];
  return typeof id === 'string' && SAFE_REQUEST_ID.test(id) ? id : randomUUID();
}
