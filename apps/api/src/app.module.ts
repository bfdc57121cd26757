import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { formatGraphQLError } from './common/graphql-errors';
import { requestIdOf } from './common/request-id';
import { apolloRequestLimits } from './common/query-limits-rules';
import type { RequestContext } from './common/request-context';
import { DatabaseModule } from './database/database.module';
import { AnswerCache } from './read-cache/answer-cache';
import { answerCachePlugin } from './read-cache/answer-cache.plugin';
import type { ReadCheckedRequest } from './read-cache/read-cache.middleware';
import { createRequestLoaders, FEATURE_MODULES } from './features';

@Module({})
export class AppModule {
  static forRoot(dataSource: DataSource): DynamicModule {
    // Whole answers of cacheable queries, kept by the plugin and served again by read-cache.middleware.ts.
    const answerCache = new AnswerCache();
    return {
      module: AppModule,
      providers: [{ provide: AnswerCache, useValue: answerCache }],
      exports: [AnswerCache],
      imports: [
        DatabaseModule.forRoot(dataSource),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          introspection: process.env.NODE_ENV !== 'production',
          includeStacktraceInErrorResponses: false,
          formatError: formatGraphQLError,
          // Depth, aliases, directives, tokens and cost checked before anything runs; no persisted
          // queries; no "Did you mean" in production (common/query-limits.ts).
          ...apolloRequestLimits(),
          // No HTTP caching of GraphQL answers here (they depend on the user); the plugin would otherwise walk every field.
          plugins: [ApolloServerPluginCacheControlDisabled(), answerCachePlugin(answerCache)],
          context: ({ req }: { req: ReadCheckedRequest }): RequestContext => ({
            req,
            requestId: requestIdOf(req),
            loaders: createRequestLoaders(dataSource),
            // The answer cache's middleware checked the session already (read-cache.middleware.ts): not twice.
            ...(req.readCheck ? { userPromise: Promise.resolve(req.readCheck.user) } : {}),
          }),
        }),
        ...FEATURE_MODULES,
      ],
    };
  }
}
