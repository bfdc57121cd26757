import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../common/request-context';
import { AnswerCache, readCacheEnabled, requestKey } from './answer-cache';
import { viewerOf } from './answer-cacheable';
import { answersAsJson } from './read-cache.middleware';

/**
 * Keeps the answer of a query whose every root field declared itself cacheable (answerCacheable), once
 * Apollo has computed it without error: the bytes Apollo sends (JSON plus a newline), for this request and
 * this kind of viewer, tagged with the declared scopes and version. Only POSTed queries whose Accept
 * header gets JSON: what the middleware serves again.
 */
export function answerCachePlugin(cache: AnswerCache): ApolloServerPlugin<RequestContext> {
  if (!readCacheEnabled()) return {};
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue: ctx, response, operation }) {
          const declared = ctx.answerCache;
          if (!declared || declared.mixed || operation?.operation !== 'query') return;
          if (ctx.req.method !== 'POST' || !answersAsJson(ctx.req.headers.accept)) return;
          if (response.body.kind !== 'single' || response.body.singleResult.errors || (response.http.status ?? 200) !== 200) return;
          // Every root field must have declared (a skipped or undeclared one makes the answer not ours to keep).
          const roots = operation.selectionSet.selections;
          if (roots.some((s) => s.kind !== 'Field' || s.directives?.length)) return;
          if (roots.filter((s) => s.kind === 'Field' && s.name.value !== '__typename').length !== declared.fields) return;
          const key = requestKey(ctx.req.body);
          if (!key) return;
          cache.store(key, viewerOf(ctx.user), {
            body: Buffer.from(`${JSON.stringify(response.body.singleResult)}\n`),
            scopes: declared.scopes.split(','),
            version: declared.version,
            validUntil: declared.validUntil,
          });
        },
      };
    },
  };
}
