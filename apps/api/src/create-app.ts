import { INestApplication, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { TOKEN_KEY } from './auth/token-key';
import { AnswerCache, readCacheEnabled } from './read-cache/answer-cache';
import { readCacheMiddleware } from './read-cache/read-cache.middleware';
import { trustProxySetting } from './auth/client-address';
import { bodyParserErrors, jsonBodyParser } from './common/body-limits';
import { ControlCharacterPipe } from './common/control-characters';
import { webDistDir } from './common/project-paths';
import { assignRequestId } from './common/request-id';
import { sqlStatsEnabled, sqlStatsMiddleware } from './common/sql-stats';
import { HttpErrorFilter } from './common/http-errors';
import { strictValidationPipe } from './common/validation';
import { securityHeaders } from './web-hosting/security-headers';
import { serveDashboard } from './web-hosting/serve-dashboard';

export interface CreateAppOptions {
  dataSource: DataSource;
  logger?: LoggerService | LogLevel[] | false;
  /** Serve the built dashboard at / (when it has been built). */
  serveWeb?: boolean;
  /** Where the built dashboard is (default: dist/apps/web, or WEB_DIST_DIR). */
  webDir?: string;
}

export async function createApp({ dataSource, logger, serveWeb = true, webDir }: CreateAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(dataSource), {
    logger: logger ?? ['error', 'warn', 'log'],
    // JSON only, with a limit sized from the largest valid request; multipart uploads have their own limits.
    bodyParser: false,
  });
  app.disable('x-powered-by');
  // Which X-Forwarded-For to believe for a client's address (the sign-in limits count it): none unless TRUST_PROXY says.
  app.set('trust proxy', trustProxySetting());
  app.use(assignRequestId);
  app.use(securityHeaders);
  // gzip (brotli where the browser offers it) for the built web app's files and GraphQL's JSON: the
  // overview's JavaScript is ~4x smaller on the wire. Small answers (< 1 KB) and types that do not
  // compress (the .xlsx exports) are sent as they are.
  app.use(compression());
  app.use(jsonBodyParser());
  app.use(bodyParserErrors);
  if (sqlStatsEnabled()) app.use(sqlStatsMiddleware);
  // Repeated reads of cacheable queries (targetProgress) answered before Apollo runs: read-cache/answer-cache.ts.
  if (readCacheEnabled())
    app.use('/graphql', readCacheMiddleware(app.get(AnswerCache), dataSource, app.get<string>(TOKEN_KEY, { strict: false })));
  app.useGlobalPipes(strictValidationPipe(), new ControlCharacterPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  // No enableShutdownHooks(): main.ts handles SIGTERM itself, draining before it closes (health/graceful-shutdown.ts).
  if (serveWeb) serveDashboard(app, webDir ?? webDistDir());
  return app;
}
