import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { sessionUserAndDataVersion } from '../auth/auth-for-read-cache.queries';
import type { AuthUser } from '../common/request-context';
import { bearerClaims } from '../auth/tokens';
import { AnswerCache, CachedAnswer, requestKey } from './answer-cache';
import { viewerOf } from './answer-cacheable';

/**
 * A request the middleware checked but could not answer: its session's user and the data version of the
 * scopes it read, after the request arrived, so the guard and the resolver need not read them again.
 */
export type ReadCheckedRequest = Request & { readCheck?: { user: AuthUser | null; scopes: string; version: bigint } };

/** The Accept headers Apollo answers with `application/json` (what the cache keeps): none, any, or JSON first. */
export function answersAsJson(accept: string | undefined): boolean {
  if (!accept || accept === '*/*') return true;
  return accept.includes('application/json') && !accept.includes('application/graphql-response+json');
}

/**
 * In front of Apollo: a POSTed GraphQL query whose answer the cache holds is answered from it after ONE
 * statement (sessionUserAndDataVersion) that checks the caller's session exactly as the guard does and reads
 * the data version of the answer's scopes; served only when no write has raised that version since the
 * answer was computed and it was kept for this kind of viewer. Anything else (no answer kept, a newer
 * version, a token that is not valid — Apollo then refuses it as usual —, another content type) goes on
 * to Apollo unchanged. Errors here are not the client's: they go on to Apollo too.
 */
export function readCacheMiddleware(cache: AnswerCache, dataSource: DataSource, tokenKey: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    // Mounted at /graphql: req.path is '/' for the endpoint itself, anything else is not Apollo's.
    if (req.method !== 'POST' || req.path !== '/' || !req.is('application/json') || !answersAsJson(req.headers.accept)) return next();
    const key = requestKey(req.body);
    const answers = key === null ? undefined : cache.answersTo(key);
    if (!answers) return next();
    let sessionId: string | null = null;
    let userId: string | null = null;
    if (req.headers.authorization) {
      const claims = bearerClaims(req.headers.authorization, tokenKey);
      if (!claims) return next();
      [sessionId, userId] = [claims.sid, claims.sub];
    }
    const kept = [...answers.values()];
    const scopes = [...new Set(kept.flatMap((a) => a.scopes))];
    const until = kept.reduce<number | null>(
      (min, a) => (a.validUntil !== null && (min === null || a.validUntil < min) ? a.validUntil : min),
      null,
    );
    sessionUserAndDataVersion(dataSource, sessionId, userId, scopes, until).then(
      ({ user, version, in_time }) => {
        if (sessionId && !user) return next(); // ended or expired: Apollo refuses it
        const answer = answers.get(viewerOf(user));
        if (answer && in_time && answer.scopes.length === scopes.length && BigInt(version) <= answer.version) {
          const [encoding, bytes] = encodedBody(answer, req.acceptsEncodings(['br', 'gzip', 'identity']));
          res.setHeader('content-type', 'application/json; charset=utf-8');
          res.setHeader('vary', 'Accept-Encoding');
          // Set here, so the compression middleware leaves the bytes as they are.
          if (encoding) res.setHeader('content-encoding', encoding);
          res.setHeader('content-length', bytes.length);
          res.end(bytes);
          return;
        }
        // Apollo computes it: what was read here is as fresh as it needs (read after the request arrived).
        (req as ReadCheckedRequest).readCheck = { user, scopes: scopes.join(','), version: BigInt(version) };
        next();
      },
      () => next(),
    );
  };
}

/**
 * The kept answer as the client takes it: brotli or gzip as the compression middleware would send it
 * (1 KB and over), compressed once per answer and kept beside it, since the same bytes go out again and again.
 */
function encodedBody(answer: CachedAnswer, accepted: string | false): [string | null, Buffer] {
  const encoding = answer.body.length >= 1024 && (accepted === 'br' || accepted === 'gzip') ? accepted : null;
  if (!encoding) return [null, answer.body];
  answer.encoded ??= {};
  answer.encoded[encoding] ??=
    encoding === 'br'
      ? brotliCompressSync(answer.body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: answer.body.length },
        })
      : gzipSync(answer.body);
  return [encoding, answer.encoded[encoding]!];
}
