/**
 * Whole GraphQL answers (the bytes sent), kept per API process for queries whose every root field
 * declared itself cacheable (answerCacheable): today targetProgress. A repeated read is answered
 * from here before Apollo runs, after ONE statement that checks the caller's session and reads the
 * data version of the answer's scopes (read-cache.middleware.ts). Never stale, on any replica: see
 * dashboard/overview-cache.ts for why a data version read after the request arrived proves an answer
 * tagged with it (or a later one) current.
 *
 * An answer is kept per request (the query text, operation name and variables as sent) and per kind of
 * viewer (anonymous or the role): what the declaring resolvers vouch the answer may depend on.
 */
/** READ_CACHE=off: every read computed (to measure the uncached path: `npm run bench -- peer`). */
export const readCacheEnabled = (env: NodeJS.ProcessEnv = process.env): boolean => env.READ_CACHE !== 'off';

export interface CachedAnswer {
  body: Buffer;
  /** The dashboard_version scopes the answer depends on; `version` is their sum when it was computed. */
  scopes: string[];
  version: bigint;
  /** Seconds since 1970 on PostgreSQL's clock after which the answer no longer holds; null: only writes end it. */
  validUntil: number | null;
  /** The body compressed, by content encoding, made on first demand (read-cache.middleware.ts). */
  encoded?: { br?: Buffer; gzip?: Buffer };
}

export interface GraphQLRequestBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

/** The key of a request as sent; null for what this cache never serves (no query text, extensions, a batch). */
export function requestKey(body: unknown): string | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const { query, operationName, variables, extensions } = body as GraphQLRequestBody;
  if (typeof query !== 'string' || extensions !== undefined) return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  return `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}\u0000${query}`;
}

export class AnswerCache {
  private readonly requests = new Map<string, Map<string, CachedAnswer>>();
  private bytes = 0;

  /** maxBytes: the bodies' total (keys are small beside them). */
  constructor(readonly maxBytes = 32 * 1024 * 1024) {}

  /** The answers kept for a request, by viewer; the request becomes the most recently used. */
  answersTo(key: string): Map<string, CachedAnswer> | undefined {
    const answers = this.requests.get(key);
    if (answers) {
      this.requests.delete(key);
      this.requests.set(key, answers);
    }
    return answers;
  }

  store(key: string, viewer: string, answer: CachedAnswer): void {
    if (answer.body.length > this.maxBytes / 8) return; // a few huge answers must not push out all the others
    let answers = this.requests.get(key);
    if (!answers) this.requests.set(key, (answers = new Map()));
    const old = answers.get(viewer);
    if (old && old.version > answer.version) return; // a newer one is kept already
    this.bytes += answer.body.length + key.length - (old ? old.body.length + key.length : 0);
    answers.set(viewer, answer);
    for (const [oldest, kept] of this.requests) {
      if (this.bytes <= this.maxBytes) break;
      for (const a of kept.values()) this.bytes -= a.body.length + oldest.length;
      this.requests.delete(oldest);
    }
  }

  get size(): number {
    return this.requests.size;
  }

  clear(): void {
    this.requests.clear();
    this.bytes = 0;
  }
}
