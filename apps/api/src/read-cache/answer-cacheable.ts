import type { AuthUser, RequestContext } from '../common/request-context';

/**
 * Called by a root query resolver whose answer may be served again from the answer cache: it depends
 * only on rows whose changes raise the data version of `scopes` (dashboard_version, raised by triggers),
 * on the kind of viewer (anonymous or the role: viewerOf) and on the request's text and variables — and
 * so does everything its type reaches (read-cache.spec.ts walks the schema to hold that). `version` is
 * the scopes' data version the answer was computed at; `validUntil` (seconds since 1970, PostgreSQL's clock)
 * when an answer that also depends on the clock (a due date passing) stops holding. An operation is stored only when every root field
 * declared, all with the same scopes; its answer is tagged with the lowest version declared.
 */
export function answerCacheable(ctx: RequestContext, scopes: string[], version: bigint, validUntil: number | null = null): void {
  const key = scopes.join(',');
  const declared = ctx.answerCache;
  if (!declared) {
    ctx.answerCache = { fields: 1, scopes: key, version, validUntil, mixed: false };
    return;
  }
  declared.fields++;
  if (declared.scopes !== key) declared.mixed = true;
  if (version < declared.version) declared.version = version;
  if (validUntil !== null && (declared.validUntil === null || validUntil < declared.validUntil)) declared.validUntil = validUntil;
}

/** The kind of viewer an answer is kept for. */
export const viewerOf = (user: Pick<AuthUser, 'role'> | null | undefined): string => user?.role ?? 'anonymous';
