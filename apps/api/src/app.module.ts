import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuditModule } from './audit/audit.module';
import { ChasingModule } from './chasing/chasing.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { AuthModule } from './auth/auth.module';
import { formatGraphQLError } from './common/graphql-errors';
import { requestIdOf } from './common/request-id';
import { createLoaders } from './common/loaders';
import { apolloRequestLimits } from './common/query-limits-rules';
import type { RequestContext } from './common/request-context';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { PolicyModule } from './policy/policy.module';
import { PortfolioModule } from './portfolio/portfolio.module';
import { NoticeFilesModule } from './notice-files/notice-files.module';
import { ProgressModule } from './progress/progress.module';
import { ReportsModule } from './reports/reports.module';
import { SupervisionModule } from './supervision/supervision.module';
import { UnitsModule } from './units/units.module';

@Module({})
export class AppModule {
  static forRoot(dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forRoot(dataSource),
        AuditModule,
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
          plugins: [ApolloServerPluginCacheControlDisabled()],
          context: ({ req }: { req: Request }): RequestContext => ({
            req,
            requestId: requestIdOf(req),
            loaders: createLoaders(dataSource),
          }),
        }),
        HealthModule,
        AuthModule,
        PolicyModule,
        NoticeFilesModule,
        ReportsModule,
        ProgressModule,
        AttachmentsModule,
        DashboardModule,
        PortfolioModule,
        ChasingModule,
        SupervisionModule,
        UnitsModule,
      ],
    };
  }
}
