import { Logger } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { match } from 'path-to-regexp';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DASHBOARD_CSP } from './security-headers';

/** GraphQL is served by Apollo, not a controller: the whole path is the API's. */
const GRAPHQL = /^\/graphql(\/|$)/;

interface ApiRoute {
  method: string;
  matches: (path: string) => boolean;
}

const joinPaths = (...parts: (string | undefined)[]) =>
  '/' +
  parts
    .flatMap((p) => (p ?? '').split('/'))
    .filter(Boolean)
    .join('/');

/**
 * Every route of the API's controllers (method and path pattern), read from the controllers
 * themselves: the dashboard may answer a GET only when no API route would. Prefixes are not enough,
 * since the web app has pages of its own under /reports/<id> beside the API's /reports/template.xlsx
 * and /reports/<id>/attachments/<id>; and a hand-kept list once left the downloads answering the
 * web page.
 */
export function apiRoutes(app: NestExpressApplication): ApiRoute[] {
  const routes: ApiRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const controller of module.controllers.values()) {
      const type = controller.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!type) continue;
      const prefixes = [(Reflect.getMetadata(PATH_METADATA, type) as string | string[] | undefined) ?? ''].flat();
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (method === undefined || paths === undefined) continue;
        for (const prefix of prefixes) {
          for (const path of [paths].flat()) {
            const matcher = match(joinPaths(prefix, path), { decode: false });
            routes.push({ method: RequestMethod[method], matches: (p) => matcher(p) !== false });
          }
        }
      }
    }
  }
  return routes;
}

/** Whether the API has a route for this request (any method counts for HEAD/GET alike). */
function isApiRequest(routes: ApiRoute[], req: express.Request): boolean {
  if (GRAPHQL.test(req.path)) return true;
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  return routes.some((r) => (r.method === method || r.method === 'ALL') && r.matches(req.path));
}

/**
 * Serves the built dashboard: hashed assets cached for good, index.html never cached, and every
 * GET that no API route takes answered with index.html (the web app routes on the client).
 */
export function serveDashboard(app: NestExpressApplication, dir: string): void {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    new Logger('Web').warn(`No built dashboard at ${dir}: run \`npm run build\` (npm start does it for you).`);
    return;
  }
  const routes = apiRoutes(app);
  const pageHeaders = (res: express.Response) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Content-Security-Policy', DASHBOARD_CSP);
  };
  // Hashed assets can be cached for good; index.html never, so a deploy shows at once.
  app.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: true }));
  // A chunk of an older build (a tab open across a deploy): 404, not index.html nor a 500 naming the path.
  app.use('/assets', (_req: express.Request, res: express.Response) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.status(404).type('text/plain').send('Not found');
  });
  const files = express.static(dir, {
    index: false,
    maxAge: 0,
    setHeaders: (r, path) => path.endsWith('.html') && pageHeaders(r as express.Response),
  });
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) =>
    isApiRequest(routes, req) ? next() : files(req, res, next),
  );
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiRequest(routes, req)) return next();
    pageHeaders(res);
    res.sendFile(index);
  });
}
