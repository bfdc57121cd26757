import { INestApplication, Logger, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import express from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { trustProxySetting } from './auth/client-address';
import { webDistDir } from './common/project-paths';
import { sqlStatsEnabled, sqlStatsMiddleware } from './common/sql-stats';
import { HttpErrorFilter } from './common/http-errors';
import { strictValidationPipe } from './common/validation';

export interface CreateAppOptions {
  dataSource: DataSource;
  logger?: LoggerService | LogLevel[] | false;
  /** Serve the built dashboard at / (when it has been built). */
  serveWeb?: boolean;
}

/** Paths the API owns; every other GET falls through to the dashboard's index.html. */
const API_PATHS = /^\/(graphql|health|exports)(\/|$)/;

function serveDashboard(app: NestExpressApplication) {
  const dir = webDistDir();
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    new Logger('Web').warn(`No built dashboard at ${dir}: run \`npm run build\` (npm start does it for you).`);
    return;
  }
  // Hashed assets can be cached for good; index.html never, so a deploy shows at once.
  app.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '1y' }));
  // A chunk of an older build (a tab open across a deploy): 404, not index.html nor a 500 naming the path.
  app.use('/assets', (_req: express.Request, res: express.Response) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.status(404).type('text/plain').send('Not found');
  });
  app.use(
    express.static(dir, {
      index: false,
      maxAge: 0,
      setHeaders: (res, path) => {
        if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (req.method !== 'GET' || API_PATHS.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

export async function createApp({ dataSource, logger, serveWeb = true }: CreateAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(dataSource), {
    logger: logger ?? ['error', 'warn', 'log'],
    bodyParser: true,
  });
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting()); // TRUST_PROXY: whose X-Forwarded-For names the client
  app.use((_req: express.Request, res: express.Response, next: express.NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    next();
  });
  // gzip (brotli where the browser offers it) for the built web app's files and GraphQL's JSON: the
  // overview's JavaScript is ~4x smaller on the wire. Small answers (< 1 KB) and types that do not
  // compress (the .xlsx exports) are sent as they are.
  app.use(compression());
  if (sqlStatsEnabled()) app.use(sqlStatsMiddleware);
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  if (serveWeb) serveDashboard(app);
  return app;
}
