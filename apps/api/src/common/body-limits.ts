import express from 'express';
import type { NextFunction, Request, Response } from 'express';

/**
 * The JSON body limit, sized from the largest valid request rather than picked: a report save with
 * its three texts at MAX_TEXT (20,000) characters each, every character a surrogate pair that a client may
 * send escaped (\uD83D\uDE00: 12 bytes a character), plus its figures (a few hundred bytes each at
 * most) and the query. 3 × 20,000 × 12 ≈ 720 KB. The largest is an importNotice: a notice's text at
 * MAX_NOTICE_CHARS (200,000) characters, at most 12 bytes each escaped ≈ 2.4 MB; 3 MB leaves room and
 * still stops a flood.
 */
export const MAX_JSON_BODY_BYTES = 3 * 1024 * 1024; // tests hold it above the largest valid save and import

const megabytes = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

export const jsonBodyParser = () => express.json({ limit: MAX_JSON_BODY_BYTES });

interface BodyParserError {
  type?: string;
  status?: number;
  statusCode?: number;
}

const REFUSALS: Record<string, { status: number; message: string }> = {
  'entity.too.large': { status: 413, message: `请求内容过大(不能超过 ${megabytes(MAX_JSON_BODY_BYTES)})` },
  'entity.parse.failed': { status: 400, message: '请求内容不是有效的 JSON' },
  'entity.verify.failed': { status: 400, message: '请求内容无法读取' },
  'request.aborted': { status: 400, message: '请求未传完即中断' },
  'request.size.invalid': { status: 400, message: '请求长度与声明不符' },
  'encoding.unsupported': { status: 415, message: '不支持该内容编码' },
  'charset.unsupported': { status: 415, message: '不支持该字符集,请使用 UTF-8' },
  'parameters.too.many': { status: 413, message: '请求参数过多' },
};

/**
 * Errors of the body parser (too large, not JSON, unsupported encoding) become clear refusals in the
 * API's own shapes: a GraphQL error list on /graphql, `{ code, message }` elsewhere. Without this
 * Express answered them as HTTP 500.
 */
export function bodyParserErrors(error: unknown, req: Request, res: Response, next: NextFunction): void {
  const e = error as BodyParserError;
  const refusal = e && typeof e.type === 'string' ? REFUSALS[e.type] : undefined;
  if (!refusal || res.headersSent) return next(error);
  const code = 'BAD_USER_INPUT';
  res.status(refusal.status);
  if (req.path === '/graphql') res.json({ errors: [{ message: refusal.message, extensions: { code, httpStatus: refusal.status } }] });
  else res.json({ code, message: refusal.message });
}
